"""Issue 20: form h) (complaints and denunciations) cell by cell on a
hand-built dataset of region A1 and its province, period 6 months of the
statistical year 2025-2026 (01/10/2025 - 31/03/2026)."""
from odoo.addons.thads_stats.tests.common import FormReportMixin

from .test_complaint import ComplaintCase

CODES = ['c%d' % i for i in range(1, 25)]


class TestComplaintForm(FormReportMixin, ComplaintCase):

    @classmethod
    def setUpClass(cls):
        super(TestComplaintForm, cls).setUpClass()
        cls.period = cls._form_period(2025, 6)
        cls.form = cls.env.ref('thads_support.form_tk_kntc')

    def settle(self, record, accepted, decided=None, outcome='rejected'):
        self.on(record, accepted).action_accept()
        if decided:
            record.write({'proposed_outcome': outcome, 'decision_number': 'QĐ %s' % record.name})
            self.on(record, decided).action_decide()
        return record

    def denounce(self, day, **vals):
        values = {'kind': 'denunciation', 'office_id': self.region_a1.id, 'content': 'Tố cáo.',
                  'denouncer_name': 'Người tố cáo'}
        values.update(vals)
        return self.on(self.env['thads.complaint'].with_context(thads_no_email=True), day).create(values)

    def build(self):
        k = {}
        # carried over: accepted 16/09/2025, due 01/10, decided late on 10/10/2025, upheld
        k['K1'] = self.settle(self.complain('2025-09-15', date_known='2025-09-10'), '2025-09-16', '2025-10-10',
                              'upheld')
        # closed before the year: counted nowhere
        k['K2'] = self.complain('2025-09-20', date_known='2025-09-10', refusal_ground='Không thuộc thẩm quyền')
        self.on(k['K2'], '2025-09-22').action_refuse()
        # new, decided on time, rejected
        k['K3'] = self.settle(self.complain('2026-01-05', date_known='2026-01-02'), '2026-01-06', '2026-01-15')
        # new, filed late, refused
        k['K4'] = self.complain('2026-02-12', date_known='2026-01-02')
        self.on(k['K4'], '2026-02-13').action_refuse_late()
        # new, accepted, pending at the end
        k['K5'] = self.settle(self.complain('2026-03-02', date_known='2026-02-27'), '2026-03-03')
        # second round at the province, decided after the period
        action = self.on(k['K3'], '2026-01-20').action_second_round()
        k['K6'] = self.settle(self.env['thads.complaint'].browse(action['res_id']), '2026-01-21', '2026-04-05')
        # denunciations: concluded partly; still received at the end
        k['D1'] = self.settle(self.denounce('2026-01-05'), '2026-01-06', '2026-02-10', 'partly')
        k['D2'] = self.denounce('2026-02-02')
        return k

    def test_form_h_cell_by_cell(self):
        k = self.build()
        self.assertEqual(self.form.source, 'complaint')
        self.assertTrue(self.form.working_model)
        report = self.report(self.form, self.national)
        self.assertFalse(report.violations)
        a1 = self.row(report, self.region_a1)
        #          complaints: c1..c13                      denunciations: c14..c24
        expected = [4, 1, 3, 0, 1, 2, 2, 1, 1, 1, 0, 1, 1, 2, 0, 2, 0, 1, 1, 0, 0, 1, 0, 1]
        self.assertEqual([a1.value(code) for code in CODES], expected)
        province = self.row(report, self.province_a)
        self.assertEqual([province.value(c) for c in ('c1', 'c3', 'c4', 'c6', 'c7', 'c13')], [5, 4, 1, 3, 2, 2])
        national = self.row(report, self.national)
        self.assertEqual(national.value('c1'), sum(
            l.value('c1') for l in report.line_ids.filtered(lambda l: l.office_id.parent_id == self.national)))
        # drill-down: the complaints behind a cell
        self.assertEqual(set(a1._record_ids('c7')), set((k['K1'] | k['K3']).ids))
        self.assertEqual(a1._record_ids('c5'), k['K4'].ids)
        self.assertEqual(set(a1._record_ids('c1')), set((k['K1'] | k['K3'] | k['K4'] | k['K5']).ids))
        self.assertEqual(a1._record_ids('c22'), k['D1'].ids)
        self.assertEqual(province._record_ids('c4'), k['K6'].ids)
        # the TT 06/2019 version is the one of a period before 26/07/2024
        self.assertEqual(self.env.ref('thads_support.form_tk_kntc_2019').date_to, '2024-07-25')
