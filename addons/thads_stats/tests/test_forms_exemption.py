"""Form e) (exemption and reduction proposals, issue 19) on a hand-built
set of proposals checked cell by cell: invariants, roll-up through an
abolished office, drill-down record sets, xlsx and PDF read back."""
import io

import xlrd
from PyPDF2 import PdfFileReader

from odoo.addons.thads_case.tests.common import ThadsCaseCase

from .common import FormReportMixin

M = 1000000
PATH = ('action_open', 'action_verify', 'action_file', 'action_send_vks', 'action_vks_answer', 'action_send_court',
        'action_court_accept')
SERIAL = [0]


class TestExemptionForm(FormReportMixin, ThadsCaseCase):

    @classmethod
    def setUpClass(cls):
        super(TestExemptionForm, cls).setUpClass()
        Period = cls.env['thads.stat.period']
        Period.generate_year(2024)
        # statistical year 2024: 01/10/2024 - 30/09/2025
        cls.period = Period.search([('kind', '=', 'periodic'), ('stat_year', '=', 2024), ('months', '=', 12)])
        cls.form = cls.env.ref('thads_stats.form_tk_miengiam')
        cls.form_money = cls.env.ref('thads_stats.form_tk_miengiam_tien')

    def debt(self, due, office=None, executor=None):
        SERIAL[0] += 1
        case = self.make_case(executor=executor, office=office, due=due, date='2018-05-30', kind='chu_dong',
                              budget=True)
        case.write({'judgment_number': '%d/2018/HS-ST' % SERIAL[0]})
        return self.advance(case, ('decide', '2018-06-01'), ('notify', '2018-06-04'),
                            ('verify', '2018-06-20', {'result': 'none'}),
                            ('no_condition', '2018-06-25', {'ground': 'Điều 44a khoản 1 điểm a'}))

    def proposal(self, due, action, dates, amount=0, decision=None, withdraw=None, office=None, executor=None):
        case = self.debt(due, office, executor)
        record = self.env['thads.case.exemption'].create({
            'case_id': case.id, 'obligation_id': case.obligation_ids.id, 'action': action,
            'amount_proposed': amount})
        for method, day in zip(PATH, dates):
            record.write({'step_date': day, 'step_document': 'VB-%s' % method})
            getattr(record, method)()
        if decision:
            result, day, decided = decision
            record.write({'result': result, 'decision_number': 'QĐ-%d' % record.id, 'date_decision': day,
                          'amount_decided': decided})
            record.write({'step_date': day})
            record.action_decision()
        if withdraw:
            record.write({'step_date': withdraw})
            record.action_withdraw()
        return record

    def build(self):
        p = {}
        p['P1'] = self.proposal(int(1.5 * M), 'exempt', ['2024-09-02', '2024-09-05', '2024-09-10', '2024-10-03',
                                                         '2024-10-15', '2024-10-20', '2024-10-21'],
                                decision=('exempt', '2024-11-20', 0))
        p['P2'] = self.proposal(50 * M, 'reduce', ['2025-01-06', '2025-01-08', '2025-01-10', '2025-02-03',
                                                   '2025-02-10', '2025-02-12', '2025-02-13'], 12 * M,
                                decision=('reduce', '2025-03-10', 10 * M))
        p['P3'] = self.proposal(int(1.8 * M), 'exempt', ['2025-02-03', '2025-02-05', '2025-02-07', '2025-03-03',
                                                         '2025-03-10', '2025-03-12', '2025-03-13'],
                                decision=('rejected', '2025-05-05', 0))
        p['P4'] = self.proposal(60 * M, 'reduce', ['2025-08-04', '2025-08-06', '2025-08-08', '2025-09-01'], 15 * M)
        p['P5'] = self.proposal(int(1.2 * M), 'exempt', ['2025-04-01', '2025-04-03'], withdraw='2025-04-20')
        # accepted in the year, decided after it: still pending at its end
        p['P6'] = self.proposal(int(0.9 * M), 'exempt', ['2025-06-02', '2025-06-04', '2025-06-06', '2025-07-01',
                                                         '2025-07-10', '2025-09-09', '2025-09-10'],
                                decision=('exempt', '2025-10-15', 0))
        # province B
        p['P7'] = self.proposal(1 * M, 'exempt', ['2025-03-02', '2025-03-04', '2025-03-06', '2025-04-01',
                                                  '2025-04-10', '2025-04-14', '2025-04-15'],
                                decision=('exempt', '2025-05-20', 0), executor=self.users_b['executor'])
        return p

    def abolished(self):
        """A Chi cục abolished on 30/06/2025 (successor: region A1), with a
        proposal withdrawn in the year."""
        old = self.env['thads.office'].create({
            'name': 'Chi cục cũ', 'code': 'CC-OLD', 'kind': 'district', 'parent_id': self.province_a.id,
            'date_start': '2010-01-01', 'date_end': '2025-06-30', 'successor_id': self.region_a1.id})
        return old, self.proposal(int(1.1 * M), 'exempt', ['2024-11-04'], withdraw='2024-12-01', office=old)

    def test_versions(self):
        Form = self.env['thads.stat.form']
        self.assertEqual(Form._version_for('TK-MIENGIAM', '2023-09-30'),
                         self.env.ref('thads_stats.form_tk_miengiam_2019'))
        self.assertEqual(Form._version_for('TK-MIENGIAM', '2025-09-30'), self.form)
        self.assertEqual(Form._version_for('TK-MIENGIAM-TIEN', '2024-07-26'), self.form_money)
        for form in (self.form, self.form_money):
            self.assertEqual((form.source, form.official_number), ('exemption', 'e)'))
            self.assertEqual(form._record_model(), 'thads.case.exemption')
            self.assertTrue(form.working_model)

    def test_form_cell_by_cell(self):
        p = self.build()
        old, p8 = self.abolished()
        report = self.report(self.form, self.env.ref('thads_accounts.office_national'))
        self.assertFalse(report.violations)
        self.assertFalse(report.line_ids.filtered(lambda l: l.office_id == old))
        a1 = self.row(report, self.region_a1)
        codes = ['c%d' % i for i in range(1, 12)]
        #            c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11
        expected = [7, 1, 6, 5, 4, 3, 1, 1, 1, 2, 2]
        self.assertEqual([a1.value(c) for c in codes], expected)
        self.assertAlmostEqual(a1.value('c12'), 200 / 3.0)
        b1 = self.row(report, self.region_b1)
        self.assertEqual([b1.value(c) for c in codes], [1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0])
        # roll-up: province A is region A1 (A2 has none), the nation the sum of its provinces
        self.assertEqual([self.row(report, self.province_a).value(c) for c in codes], expected)
        national = self.row(report, self.national)
        provinces = report.line_ids.filtered(lambda l: l.level == 'office' and l.office_id.parent_id == self.national)
        self.assertIn(self.province_b, provinces.mapped('office_id'))
        for code in codes:  # (the demo's proposals of Hà Nội may fall in this year too)
            self.assertEqual(national.value(code), sum(line.value(code) for line in provinces), code)
        # drill-down: the proposals behind the cells (a formula is a union of sets)
        ids = lambda *keys: sorted(p[k].id for k in keys)  # noqa: E731
        self.assertEqual(a1._record_ids('c1'), sorted(ids('P1', 'P2', 'P3', 'P4', 'P5', 'P6') + [p8.id]))
        self.assertEqual(a1._record_ids('c2'), ids('P1'))
        self.assertEqual(a1._record_ids('c6'), ids('P1', 'P2', 'P3'))
        self.assertEqual(a1._record_ids('c10'), sorted(ids('P5') + [p8.id]))
        self.assertEqual(a1._record_ids('c11'), ids('P4', 'P6'))
        # money (đồng): what was proposed, what the court took off
        money = self.report(self.form_money, self.env.ref('thads_accounts.office_national'))
        m1 = self.row(money, self.region_a1)
        self.assertEqual([m1.value(c) for c in codes], [
            33.5 * M, 1.5 * M, 32.0 * M, 31.2 * M, 16.2 * M, 11.5 * M, 1.5 * M, 10 * M, 1.8 * M, 2.3 * M, 15.9 * M])
        self.assertEqual(m1._record_ids('c8'), ids('P2'))

    def test_exports_and_close(self):
        self.build()
        statistician = self.users['statistician']
        report = self.env['thads.stat.report'].sudo(statistician).create(
            {'form_id': self.form_money.id, 'period_id': self.period.id, 'office_id': self.region_a1.id})
        report.action_close()
        self.assertEqual(report.state, 'closed')
        content, _kind = self.env.ref('thads_stats.stat_report_xlsx_action').render(report.ids)
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        labels = [sheet.cell_value(row, 0).strip() for row in range(sheet.nrows)]
        a1 = labels.index(self.region_a1.name)
        # thousand đồng (no abolished office here: A1's own 32.4 million proposed)
        self.assertEqual([sheet.cell_value(a1, col) for col in (1, 2, 3, 6, 7, 8, 11)],
                         [32400, 1500, 30900, 11500, 1500, 10000, 15900])
        head = [sheet.cell_value(row, col) for row in range(7) for col in range(sheet.ncols)]
        self.assertIn('Form No. e)', head)
        text = ''.join(page.extractText() for page in PdfFileReader(io.BytesIO(report.render_pdf())).pages)
        self.assertIn('32.400', text)
        self.assertIn('Form No. e)', text)
