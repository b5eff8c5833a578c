"""Form g) (coercion, TT 06/2019/TT-BTP art. 2 point g) computed from the
coercions of the cases: a hand-built set of coercions checked cell by
cell, the invariant, roll-up through an abolished office, drill-down,
form versions, xlsx and PDF read back, the demo's closed quarter."""
import io

import xlrd
from PyPDF2 import PdfFileReader

from odoo.addons.thads_case.tests.common import ThadsCaseCase

from .common import FormReportMixin

M = 1000000
CODES = ['c%d' % i for i in range(1, 18)]
MONEY_CODES = ['c%d' % i for i in range(1, 9)]


class TestCoercionForm(FormReportMixin, ThadsCaseCase):

    @classmethod
    def setUpClass(cls):
        super(TestCoercionForm, cls).setUpClass()
        Period = cls.env['thads.stat.period']
        for year in (2022, 2025):
            Period.generate_year(year)
        cls.env['ir.config_parameter'].sudo().set_param('thads_stats.sync_office_limit', '100000')
        # statistical year 2025: 01/10/2025 - 30/09/2026 (under the 2014 law, then Law 106/2025)
        cls.period = Period.search([('kind', '=', 'periodic'), ('stat_year', '=', 2025), ('months', '=', 12)])
        cls.form = cls.env.ref('thads_stats.form_tk_cc')
        cls.form_money = cls.env.ref('thads_stats.form_tk_cc_tien')

    def coercion(self, kind, received, decided, steps=(), office=None, notified=None):
        """A case notified the day after `received`, its coercion decided on
        `decided`, then `steps` (event, date, values)."""
        case = self.make_case(date=received, office=office)
        day = int(received[-2:])
        decide = received[:-2] + '%02d' % (day + 1)
        self.advance(case, ('decide', decide), ('notify', notified or decide),
                     ('coercion_decide', decided, {'coercion_kind': kind}))
        coercion = case.coercion_ids
        for event_type, date, vals in steps:
            self.record(case, event_type, date, coercion_id=coercion.id, **vals)
        return coercion

    def build(self):
        c = {}
        # decided before the year, carried out in it: carried over, successful
        c['K1'] = self.coercion('seizure', '2025-08-01', '2025-09-15', [
            ('coercion_carry', '2025-11-12', {'coercion_at': '2025-11-12 02:00:00', 'coercion_result': 'success',
                                              'coercion_cost': 1 * M})])
        # decided and carried out before the year: not in the form at all
        c['K2'] = self.coercion('account', '2025-08-01', '2025-09-10', [
            ('coercion_carry', '2025-09-24', {'coercion_at': '2025-09-24 02:00:00', 'coercion_result': 'success',
                                              'coercion_cost': 500000})])
        c['K3'] = self.coercion('income', '2026-02-02', '2026-03-05')
        c['K4'] = self.coercion('eviction', '2026-02-02', '2026-03-05', [
            ('coercion_plan', '2026-03-09', {'coercion_at': '2026-03-17 02:00:00'}),
            ('coercion_postpone', '2026-03-16', {'coercion_cost': 200000})])
        c['K5'] = self.coercion('auction', '2026-02-02', '2026-03-06', [
            ('coercion_carry', '2026-03-20', {'coercion_at': '2026-03-20 02:00:00', 'coercion_result': 'failed',
                                              'coercion_cost': 3 * M})])
        # Law 106: planned Wednesday 19/08, carried out on the make-up Saturday 22/08/2026
        c['K6'] = self.coercion('act', '2026-07-01', '2026-08-03', [
            ('coercion_plan', '2026-08-19', {'coercion_at': '2026-08-22 01:00:00'}),
            ('coercion_carry', '2026-08-22', {'coercion_at': '2026-08-22 01:00:00', 'coercion_result': 'partial',
                                              'coercion_cost': 450000})])
        # decided at the end of the year, carried out after it: pending at 30/09/2026
        c['K7'] = self.coercion('handover', '2026-07-01', '2026-09-28', [
            ('coercion_carry', '2026-10-05', {'coercion_at': '2026-10-05 02:00:00', 'coercion_result': 'success'})])
        # the other region of province A
        c['K8'] = self.coercion('seizure', '2026-02-02', '2026-04-01', [
            ('coercion_carry', '2026-04-08', {'coercion_at': '2026-04-08 02:00:00', 'coercion_result': 'success',
                                              'coercion_cost': 2 * M})], office=self.region_a2)
        return c

    def test_form_g_cell_by_cell(self):
        c = self.build()
        # an office abolished on 30/06/2026 (successor: region A1) reports through A1
        old = self.env['thads.office'].create({
            'name': 'Chi cục cũ', 'code': 'CC-OLD-G', 'kind': 'district', 'parent_id': self.province_a.id,
            'date_start': '2010-01-01', 'date_end': '2026-06-30', 'successor_id': self.region_a1.id})
        c['K9'] = self.coercion('account', '2026-01-05', '2026-02-10', [
            ('coercion_carry', '2026-02-24', {'coercion_at': '2026-02-24 02:00:00', 'coercion_result': 'success',
                                              'coercion_cost': 600000})], office=old)
        self.assertEqual(c['K9'].office_id, old)
        report = self.report(self.form, self.national)
        self.assertFalse(report.violations)
        self.assertFalse(report.line_ids.filtered(lambda l: l.office_id == old))
        a1 = self.row(report, self.region_a1)
        #           c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12 c13 c14 c15 c16 (c17)
        expected = [7, 1, 6, 1, 1, 0, 1, 1, 1, 1, 4, 2, 1, 1, 1, 2]
        self.assertEqual([a1.value(code) for code in CODES[:16]], expected)
        self.assertAlmostEqual(a1.value('c17'), 75.0)
        province = self.row(report, self.province_a)
        self.assertEqual([province.value(code) for code in ('c1', 'c3', 'c6', 'c11', 'c12', 'c16')],
                         [8, 7, 1, 5, 3, 2])
        self.assertEqual(self.row(report, self.region_a2).value('c6'), 1)
        # roll-up: the nation is the sum of its provinces
        national = self.row(report, self.national)
        provinces = report.line_ids.filtered(lambda l: l.office_id.parent_id == self.national)
        for code in ('c1', 'c2', 'c3', 'c11', 'c15', 'c16'):
            self.assertEqual(national.value(code), sum(p.value(code) for p in provinces), code)
        # drill-down: the coercions behind a cell
        ids = lambda *keys: set(sum((c[k].ids for k in keys), []))
        self.assertEqual(set(a1._record_ids('c2')), ids('K1'))
        self.assertEqual(set(a1._record_ids('c3')), ids('K3', 'K4', 'K5', 'K6', 'K7', 'K9'))
        self.assertEqual(set(a1._record_ids('c11')), ids('K1', 'K5', 'K6', 'K9'))
        self.assertEqual(set(a1._record_ids('c12')), ids('K1', 'K9'))
        self.assertEqual(set(a1._record_ids('c15')), ids('K4'))
        self.assertEqual(set(a1._record_ids('c16')), ids('K3', 'K7'))
        self.assertEqual(report.form_id._record_model(), 'thads.case.coercion')
        # costs, in whole đồng (the export shows thousand đồng)
        money = self.report(self.form_money, self.province_a)
        self.assertFalse(money.violations)
        m1 = self.row(money, self.region_a1)
        #            c1 total      c2 account c3 income c4 seizure c5 auction c6 eviction c7 handover c8 act
        self.assertEqual([m1.value(code) for code in MONEY_CODES],
                         [5250000, 600000, 0, 1 * M, 3 * M, 200000, 0, 450000])
        self.assertEqual(self.row(money, self.province_a).value('c1'), 7250000)
        self.assertEqual(set(m1._record_ids('c1')), ids('K1', 'K4', 'K5', 'K6', 'K9'))
        self.assertEqual(set(m1._record_ids('c4')), ids('K1'))

    def test_versions_exports(self):
        Form = self.env['thads.stat.form']
        self.assertEqual(Form._version_for('TK-CC', '2023-09-30'), self.env.ref('thads_stats.form_tk_cc_2019'))
        self.assertEqual(Form._version_for('TK-CC', '2024-07-26'), self.form)
        self.assertEqual(Form._version_for('TK-CC-TIEN', '2024-07-25'),
                         self.env.ref('thads_stats.form_tk_cc_tien_2019'))
        for form in (self.form, self.form_money):
            self.assertEqual((form.official_number, form.source), ('g)', 'coercion'))
            self.assertTrue(form.working_model)
        self.build()
        report = self.report(self.form, self.region_a1)
        content, _kind = self.env.ref('thads_stats.stat_report_xlsx_action').render(report.ids)
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        labels = [sheet.cell_value(row, 0).strip() for row in range(sheet.nrows)]
        row = labels.index(self.region_a1.name)
        self.assertEqual([sheet.cell_value(row, col) for col in range(1, 17)],
                         [6, 1, 5, 0, 1, 0, 1, 1, 1, 1, 3, 1, 1, 1, 1, 2])
        head = [sheet.cell_value(r, col) for r in range(7) for col in range(sheet.ncols)]
        self.assertIn('Form No. g)', head)
        text = ''.join(page.extractText() for page in PdfFileReader(io.BytesIO(report.render_pdf())).pages)
        self.assertIn('Form No. g)', text)
        money = self.report(self.form_money, self.region_a1)
        content, _kind = self.env.ref('thads_stats.stat_report_xlsx_action').render(money.ids)
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        labels = [sheet.cell_value(r, 0).strip() for r in range(sheet.nrows)]
        row = labels.index(self.region_a1.name)
        # thousand đồng: 1 000 + 200 + 3 000 + 450
        self.assertEqual([sheet.cell_value(row, col) for col in range(1, 9)], [4650, 0, 0, 1000, 3000, 200, 0, 450])
        text = ''.join(page.extractText() for page in PdfFileReader(io.BytesIO(money.render_pdf())).pages)
        self.assertIn('4.650', text)
        # a 2023 period takes the TT 06/2019 version and computes (nothing there)
        period_2023 = self.env['thads.stat.period'].search(
            [('kind', '=', 'periodic'), ('stat_year', '=', 2022), ('months', '=', 12)])
        old = self.report(self.env.ref('thads_stats.form_tk_cc_2019'), self.region_a1, period_2023)
        self.assertIn('Thông tư 06/2019/TT-BTP', old.export_layout()['legal_basis'])

    def test_demo_closed_quarter_shows_form_g(self):
        reports = self.env['thads.stat.report'].search([('form_id.code', '=', 'TK-CC'), ('state', '=', 'closed')])
        if not self.env['ir.module.module'].search([('name', '=', 'thads_stats')]).demo:
            return  # installed without demo data
        self.assertTrue(reports, 'the demo closes form g) with the other forms of its quarter')
        report = reports[0]
        hanoi = self.env.ref('thads_accounts.office_hn_demo')
        start, end = report.period_id.year_start(), report.period_id.date_end
        decided = self.env['thads.case.coercion'].search_count([
            ('office_id', 'child_of', hanoi.id), ('decision_date', '>=', start), ('decision_date', '<=', end)])
        line = report.line_ids.filtered(lambda l: l.office_id == hanoi and l.level == 'office')
        self.assertEqual(line.value('c3'), decided)
