"""Issue 20: forms k) (the procuracy's recommendations and protests) and l)
(state compensation, in cases and in money), computed from their records
by SQL: a hand-built dataset checked cell by cell, roll-up through an
abolished office, drill-down, xlsx and PDF read back."""
import io

import xlrd
from PyPDF2 import PdfFileReader

from odoo.addons.thads_case.tests.common import ThadsCaseCase

from .common import FormReportMixin

M = 1000000


class TestProcessForms(FormReportMixin, ThadsCaseCase):

    @classmethod
    def setUpClass(cls):
        super(TestProcessForms, cls).setUpClass()
        cls.env['thads.stat.period'].generate_year(2025)
        # the statistical year 01/10/2025 - 30/09/2026
        cls.period = cls.env['thads.stat.period'].search(
            [('kind', '=', 'periodic'), ('stat_year', '=', 2025), ('months', '=', 12)])
        cls.form_k = cls.env.ref('thads_stats.form_tk_ksat')
        cls.form_l = cls.env.ref('thads_stats.form_tk_btnn')
        cls.form_l_money = cls.env.ref('thads_stats.form_tk_btnn_tien')

    # ------------------------------------------------------------ data
    def vks(self, received, kind='recommendation', office=None, answer=None, result=None, note=None):
        rec = self.env['thads.case.vks.recommendation'].create({
            'name': 'KN-%s' % received, 'kind': kind, 'procuracy': 'VKSND khu vực', 'document_date': received,
            'date_received': received, 'content': 'Nội dung', 'office_id': (office or self.region_a1).id})
        if answer:
            rec.write({'reply_number': 'TL-%s' % answer, 'reply_date': answer, 'reply_result': result,
                       'reply_note': note or 'Lý do'})
            rec.action_answer()
        return rec

    def claim(self, received, claimed, office=None, **vals):
        values = {'claimant_name': 'Người yêu cầu', 'office_id': (office or self.region_a1).id,
                  'date_received': received, 'amount_claimed': claimed}
        values.update(vals)
        return self.env['thads.case.compensation'].create(values)

    def build_vks(self):
        v = {}
        v['V1'] = self.vks('2025-09-10', answer='2025-10-20', result='accepted')          # carried, late
        v['V2'] = self.vks('2025-09-01', 'protest', answer='2025-09-10', result='rejected')  # before the year
        v['V3'] = self.vks('2026-01-05', answer='2026-01-15', result='partial')
        v['V4'] = self.vks('2026-03-02', 'protest', answer='2026-03-12', result='rejected')
        v['V5'] = self.vks('2026-09-01', 'protest')                                       # pending, overdue
        v['V6'] = self.vks('2026-09-25')                                                  # pending, due 10/10
        v['V6'].write({'reply_number': 'nháp', 'reply_date': '2026-09-29', 'reply_result': 'accepted'})
        v['V7'] = self.vks('2026-08-20', answer='2026-10-05', result='accepted')          # answered after
        v['V8'] = self.vks('2025-12-01', 'protest', office=self.region_a2, answer='2025-12-10', result='accepted')
        v['V9'] = self.vks('2026-10-02')                                                  # after the period
        return v

    def build_claims(self):
        c = {}
        c['C1'] = self.claim('2025-09-15', 150 * M, date_accepted='2025-09-22', outcome='compensate',
                             date_settled='2026-01-20', amount_decided=120 * M, amount_paid=120 * M,
                             date_paid='2026-03-10')
        c['C2'] = self.claim('2025-08-01', 40 * M, date_accepted='2025-08-05', outcome='rejected',
                             date_settled='2025-09-20')
        c['C3'] = self.claim('2026-02-02', 45 * M, date_accepted='2026-02-09', outcome='agreement',
                             date_settled='2026-05-15', amount_decided=30 * M)
        c['C4'] = self.claim('2026-04-01', 80 * M, date_accepted='2026-04-08', outcome='rejected',
                             date_settled='2026-06-30')
        c['C5'] = self.claim('2026-06-10', 10 * M, outcome='withdrawn', date_settled='2026-06-25')
        c['C6'] = self.claim('2026-08-20', 200 * M, date_accepted='2026-08-27')
        c['C7'] = self.claim('2026-09-10', 5 * M, date_accepted='2026-10-02')
        c['C8'] = self.claim('2026-01-10', 9 * M, office=self.region_a2, date_accepted='2026-01-12',
                             outcome='compensate', date_settled='2026-03-01', amount_decided=7 * M,
                             amount_paid=7 * M, date_paid='2026-10-15')
        return c

    # ------------------------------------------------------------ tests
    def test_registry(self):
        Form = self.env['thads.stat.form']
        for code, xid in (('TK-KSAT', 'form_tk_ksat'), ('TK-BTNN', 'form_tk_btnn'),
                          ('TK-BTNN-TIEN', 'form_tk_btnn_tien')):
            old, new = self.env.ref('thads_stats.%s_2019' % xid), self.env.ref('thads_stats.%s' % xid)
            self.assertEqual(Form._version_for(code, '2024-07-25'), old)
            self.assertEqual(Form._version_for(code, '2024-07-26'), new)
            self.assertEqual(old._columns(), new._columns())
            for form in (old, new):
                self.assertTrue(form.working_model and all(form.column_ids.mapped('working_model')))
                self.assertIn('mô hình làm việc', form.note)
        self.assertEqual((self.form_k.source, self.form_l.source, self.form_l_money.unit),
                         ('vks', 'compensation', 'money'))
        self.assertIn('Điều 2 điểm k', self.env.ref('thads_stats.form_tk_ksat_2019').legal_basis)
        self.assertIn('Điều 2 điểm l', self.form_l.legal_basis)

    def test_form_k_cell_by_cell(self):
        v = self.build_vks()
        self.assertEqual((v['V1'].answered_late, v['V3'].answered_late, v['V7'].answered_late), (True, False, True))
        report = self.report(self.form_k, self.national)
        self.assertFalse(report.violations)
        a1 = self.row(report, self.region_a1)
        #                  c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13
        self.assertEqual(self.values(a1, 13), [6, 1, 5, 3, 2, 3, 2, 1, 1, 1, 1, 3, 2])
        self.assertAlmostEqual(a1.value('c14'), 200 / 3.0)
        a2 = self.row(report, self.region_a2)
        self.assertEqual(self.values(a2, 13), [1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0])
        province = self.row(report, self.province_a)
        self.assertEqual(self.values(province, 13), [7, 1, 6, 3, 3, 4, 3, 1, 2, 1, 1, 3, 2])
        # roll-up: the nation is the sum of its provinces (the demo's offices included)
        national = self.row(report, self.national)
        provinces = report.line_ids.filtered(lambda l: l.office_id.parent_id == self.national)
        for code in ('c1', 'c3', 'c6', 'c12'):
            self.assertEqual(national.value(code), sum(p.value(code) for p in provinces), code)
        # drill-down: the records behind a cell
        self.assertEqual(set(a1._record_ids('c2')), set(v['V1'].ids))
        self.assertEqual(set(a1._record_ids('c3')), set((v['V3'] | v['V4'] | v['V5'] | v['V6'] | v['V7']).ids))
        self.assertEqual(set(a1._record_ids('c12')), set((v['V5'] | v['V6'] | v['V7']).ids))
        self.assertEqual(set(a1._record_ids('c13')), set((v['V5'] | v['V7']).ids))
        self.assertEqual(set(a1._record_ids('c8')), set(v['V1'].ids))
        # the TT 06/2019 version computes a period before 26/07/2024 from the same records
        self.assertEqual(self.env['thads.stat.form']._version_for('TK-KSAT', self.period.date_end), self.form_k)

    def test_form_l_cell_by_cell(self):
        c = self.build_claims()
        count = self.report(self.form_l, self.national)
        money = self.report(self.form_l_money, self.national)
        self.assertFalse(count.violations)
        a1 = self.row(count, self.region_a1)
        #                  c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11
        self.assertEqual(self.values(a1, 11), [6, 1, 5, 3, 4, 1, 1, 1, 1, 2, 1])
        self.assertAlmostEqual(a1.value('c12'), 400 / 6.0)
        self.assertEqual(self.values(self.row(count, self.region_a2), 11), [1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0])
        m1 = self.row(money, self.region_a1)
        #                  c1        c2        c3        c4        c5        c6       c7       c8       c9        c10
        self.assertEqual(self.values(m1, 10), [490 * M, 150 * M, 340 * M, 150 * M, 120 * M, 30 * M, 80 * M,
                                               10 * M, 205 * M, 120 * M])
        m2 = self.row(money, self.region_a2)
        self.assertEqual(self.values(m2, 10), [9 * M, 0, 9 * M, 7 * M, 7 * M, 0, 0, 0, 0, 0])
        self.assertEqual(self.row(money, self.province_a).value('c1'), 499 * M)
        self.assertEqual(set(a1._record_ids('c10')), set((c['C6'] | c['C7']).ids))
        self.assertEqual(set(m1._record_ids('c4')), set((c['C1'] | c['C3']).ids))
        self.assertEqual(set(m1._record_ids('c2')), set(c['C1'].ids))

    def test_rollup_through_an_abolished_office(self):
        """An office abolished on 30/06/2026 (successor: region A1) reports
        through A1 in forms k) and l): no row of its own."""
        self.build_vks()
        c = self.build_claims()
        old = self.env['thads.office'].create({
            'name': 'Chi cục cũ', 'code': 'CC-OLD', 'kind': 'district', 'parent_id': self.province_a.id,
            'date_start': '2010-01-01', 'date_end': '2026-06-30', 'successor_id': self.region_a1.id})
        old_vks = self.vks('2026-03-03', office=old)
        old_claim = self.claim('2026-03-01', 12 * M, office=old)
        k = self.report(self.form_k, self.national)
        money = self.report(self.form_l_money, self.national)
        for report in (k, money):
            self.assertFalse(report.line_ids.filtered(lambda l: l.office_id == old))
        a1 = self.row(k, self.region_a1)
        self.assertEqual([a1.value(code) for code in ('c1', 'c3', 'c4', 'c12', 'c13')], [7, 6, 4, 4, 3])
        self.assertIn(old_vks.id, a1._record_ids('c12'))
        m1 = self.row(money, self.region_a1)
        self.assertEqual([m1.value(code) for code in ('c1', 'c3', 'c9')], [502 * M, 352 * M, 217 * M])
        self.assertEqual(set(m1._record_ids('c9')), set((c['C6'] | c['C7'] | old_claim).ids))

    def test_exports_read_back(self):
        self.build_vks()
        self.build_claims()
        for form, cells, text in ((self.form_k, {1: 6, 3: 5, 13: 2}, 'Form No. k)'),
                                  (self.form_l_money, {1: 490000, 5: 120000, 10: 120000}, 'Form No. l)')):
            report = self.report(form, self.province_a)
            content, _kind = self.env.ref('thads_stats.stat_report_xlsx_action').render(report.ids)
            sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
            labels = [sheet.cell_value(row, 0).strip() for row in range(sheet.nrows)]
            a1 = labels.index(self.region_a1.name)
            self.assertEqual({col: sheet.cell_value(a1, col) for col in cells}, cells)
            head = [sheet.cell_value(row, col) for row in range(7) for col in range(sheet.ncols)]
            self.assertIn(text, head)
            pdf = ''.join(page.extractText() for page in PdfFileReader(io.BytesIO(report.render_pdf())).pages)
            self.assertIn(text, pdf)
        self.assertIn('490.000', pdf)

    def test_scope_of_a_source(self):
        """No list means every office, an empty scope none, a list its
        offices only (_office_scope, shared by the process sources)."""
        self.build_vks()
        self.build_claims()
        engine = self.env['thads.stat.engine']
        start, end = self.period.year_start(), self.period.date_end
        for source, measure in (('vks', 'vks_received'), ('compensation', 'bt_received')):
            measures = getattr(engine, '_measures_%s' % source)
            everywhere = measures(start, end, None)
            self.assertIn((self.region_a1.id, None), everywhere, source)
            self.assertEqual(measures(start, end, []), {}, source)
            only_a2 = measures(start, end, [self.region_a2.id])
            self.assertEqual(set(only_a2), {(self.region_a2.id, None)}, source)
            self.assertEqual(only_a2[(self.region_a2.id, None)]['count'][measure],
                             everywhere[(self.region_a2.id, None)]['count'][measure], source)
            record_ids = getattr(engine, '_record_ids_%s' % source)
            self.assertTrue(record_ids(start, end, None, measure), source)
            self.assertEqual(record_ids(start, end, [], measure), [], source)
