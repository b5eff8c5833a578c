"""Issue 19: the form registry (versions valid for a period), the life
cycle as the one source of the engine's buckets and of the buttons, and
forms c) (state budget), d) and đ) (per enforcement officer) on a
hand-built journal checked cell by cell."""
import io
import json
from unittest import mock

import xlrd
from PyPDF2 import PdfFileReader

from odoo.exceptions import UserError, ValidationError

from odoo.addons.thads_case.lib import lifecycle
from odoo.addons.thads_case.tests.common import ThadsCaseCase

from ..models.thads_stat_engine import MEASURES, bucket_sql
from .common import FormReportMixin

M = 1000000
CODES = ['c%d' % i for i in range(1, 17)]


class TestFormRegistry(ThadsCaseCase):

    @classmethod
    def setUpClass(cls):
        super(TestFormRegistry, cls).setUpClass()
        Period = cls.env['thads.stat.period']
        for year in (2022, 2024):
            Period.generate_year(year)
        cls.period_2023 = Period.search([('kind', '=', 'periodic'), ('stat_year', '=', 2022), ('months', '=', 12)])
        cls.period_2025 = Period.search([('kind', '=', 'periodic'), ('stat_year', '=', 2024), ('months', '=', 12)])
        cls.tt06 = cls.env.ref('thads_stats.form_tk_viec_2019')
        cls.tt05 = cls.env.ref('thads_stats.form_tk_viec')

    def test_version_for_the_period(self):
        self.assertEqual((self.period_2023.date_end, self.period_2025.date_end), ('2023-09-30', '2025-09-30'))
        Form = self.env['thads.stat.form']
        self.assertEqual(Form._version_for('TK-VIEC', self.period_2023.date_end), self.tt06)
        self.assertEqual(Form._version_for('TK-VIEC', self.period_2025.date_end), self.tt05)
        # the regimes change over on 26/07/2024
        self.assertEqual(Form._version_for('TK-TIEN', '2024-07-25'), self.env.ref('thads_stats.form_tk_tien_2019'))
        self.assertEqual(Form._version_for('TK-TIEN', '2024-07-26'), self.env.ref('thads_stats.form_tk_tien'))
        self.assertEqual((self.tt06.regime, self.tt06.date_from, self.tt06.date_to),
                         ('TT 06/2019/TT-BTP', '2020-01-05', '2024-07-25'))
        self.assertEqual((self.tt05.regime, self.tt05.date_from, self.tt05.date_to),
                         ('TT 05/2024/TT-BTP', '2024-07-26', False))
        self.assertIn('cho đến khi phụ lục của Thông tư 05/2024/TT-BTP', self.tt05.note)
        self.assertEqual(self.tt05._columns(), self.tt06._columns())  # same columns until the appendix
        for form in self.env['thads.stat.form'].search([]):
            if form.code.startswith('TK-'):
                self.assertTrue(form.official_number and form.legal_basis, form.code)
                self.assertTrue(form.working_model and all(form.column_ids.mapped('working_model')), form.code)
        # a report of 2023 computes with the TT 06/2019 version
        self.advance(self.make_case(due=M, date='2023-03-01'), ('decide', '2023-03-02'))
        report = self.env['thads.stat.report'].create(
            {'form_id': self.tt06.id, 'period_id': self.period_2023.id, 'office_id': self.region_a1.id})
        report.action_compute()
        self.assertTrue(report.line_ids)
        self.assertIn('Thông tư 06/2019/TT-BTP', report.export_layout()['legal_basis'])

    def test_invalid_pairing_refused(self):
        Report = self.env['thads.stat.report']
        for form, period in ((self.tt06, self.period_2025), (self.tt05, self.period_2023)):
            with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
                Report.create({'form_id': form.id, 'period_id': period.id, 'office_id': self.region_a1.id})
            self.assertIn(form.regime, ctx.exception.name)
        # in Vietnamese
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            Report.with_context(lang='vi_VN').create(
                {'form_id': self.tt06.id, 'period_id': self.period_2025.id, 'office_id': self.region_a1.id})
        self.assertIn('không dùng được cho kỳ', ctx.exception.name)
        # a draft moved to a period its form does not cover: refused too
        report = Report.create({'form_id': self.tt05.id, 'period_id': self.period_2025.id,
                                'office_id': self.region_a1.id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            report.period_id = self.period_2023
        # the form view proposes the valid version of the same form
        draft = Report.new({'form_id': self.tt05.id, 'period_id': self.period_2023.id,
                            'office_id': self.region_a1.id})
        draft._onchange_period_form_version()
        self.assertEqual(draft.form_id, self.tt06)

    def test_interagency_form_periods(self):
        """01/TKLN-THADS (TTLT 12/2021): periods of 3, 6, 10 and 12 months only."""
        form = self.env.ref('thads_stats.form_tkln_01')
        self.assertEqual((form.official_number, form.date_from, form._months()),
                         ('01/TKLN-THADS', '2022-02-25', [3, 6, 10, 12]))
        Period = self.env['thads.stat.period']
        Report = self.env['thads.stat.report']
        for months in (1, 9):
            period = Period.search([('kind', '=', 'periodic'), ('stat_year', '=', 2024), ('months', '=', months)])
            with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
                Report.create({'form_id': form.id, 'period_id': period.id, 'office_id': self.region_a1.id})
            self.assertIn('3, 6, 10, 12', ctx.exception.name)
        self.advance(self.make_case(due=M, date='2024-10-10'), ('decide', '2024-10-14'))
        report = Report.create({'form_id': form.id, 'period_id': self.period_2025.id, 'office_id': self.region_a1.id})
        report.action_compute()
        self.assertEqual(report.line_ids.filtered(lambda l: l.office_id == self.region_a1).value('c3'), 1)
        self.assertIn('01/TKLN-THADS', report.export_layout()['form_code'])
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            form.period_months = '3,sáu'

    def test_national_admin_adds_a_version(self):
        admin = self.users['national_admin']
        current = self.env.ref('thads_stats.form_tk_tien').sudo(admin)
        action = current.with_context(tz='Asia/Ho_Chi_Minh').action_new_version()
        version = self.env['thads.stat.form'].browse(action['res_id'])
        self.assertEqual(version.code, 'TK-TIEN')
        self.assertEqual(version._columns(), current._columns())
        self.assertTrue(current.date_to)
        self.assertEqual(fields_next(current.date_to), version.date_from)
        # headings corrected without code
        version.column_ids.filtered(lambda c: c.code == 'c2').sudo(admin).write(
            {'label': 'Số cũ chuyển sang', 'working_model': False})
        self.assertEqual(version.column_ids.filtered(lambda c: c.code == 'c2').label, 'Số cũ chuyển sang')
        # overlapping versions are refused
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            version.sudo(admin).date_from = '2025-01-01'
        # other roles cannot
        with self.assertRaises(Exception), self.env.cr.savepoint():
            self.env.ref('thads_stats.form_tk_viec').sudo(self.users['statistician']).action_new_version()


def fields_next(day):
    import datetime
    from odoo import fields
    return fields.Date.to_string(fields.Date.from_string(day) + datetime.timedelta(days=1))


class TestLifecycleSource(ThadsCaseCase):

    def test_every_state_has_a_bucket(self):
        for state in lifecycle.STATES:
            self.assertIn(state, lifecycle.STAT_BUCKETS, 'state %s has no statistical bucket' % state)
            bucket = lifecycle.STAT_BUCKETS[state]
            self.assertTrue(bucket is None or bucket == lifecycle.FINISHED or bucket in MEASURES, state)
            if bucket:
                self.assertIn("'%s'" % state, bucket_sql())

    def test_state_without_bucket_is_refused(self):
        """A state missing from the life cycle's table is not counted as
        "other": the engine refuses it with its name."""
        self.env['thads.stat.period'].generate_year(2025)
        period = self.env['thads.stat.period'].search([('stat_year', '=', 2025), ('months', '=', 6)])
        case = self.make_case(due=3 * M, date='2025-10-10')
        self.advance(case, ('decide', '2025-10-13'), ('notify', '2025-10-14'),
                     ('postpone', '2025-11-03', {'ground': '48_1a'}))
        report = self.env['thads.stat.report'].create(
            {'form_id': self.env.ref('thads_stats.form_tk_viec').id, 'period_id': period.id,
             'office_id': self.region_a1.id})
        buckets = dict(lifecycle.STAT_BUCKETS)
        del buckets['postponed']
        with mock.patch.object(lifecycle, 'STAT_BUCKETS', buckets), self.assertRaises(UserError) as ctx:
            report.action_compute()
        self.assertIn('postponed', ctx.exception.name)
        report.action_compute()
        self.assertEqual(report.line_ids.filtered(lambda l: l.office_id == self.region_a1).value('c11'), 1)

    def test_buttons_follow_the_life_cycle(self):
        arch = self.env['thads.case'].fields_view_get(view_type='form')['arch']
        from lxml import etree
        seen = set()
        for button in etree.fromstring(arch).iter('button'):
            if button.get('name') != 'action_event':
                continue
            event_type = [t for t in lifecycle.TRANSITIONS if "'%s'" % t in button.get('context')][0]
            leaves = [term for term in json.loads(button.get('modifiers'))['invisible']
                      if isinstance(term, list) and term[0] == 'state']
            self.assertEqual(leaves, [['state', 'not in', lifecycle.source_states(event_type)]], event_type)
            seen.add(event_type)
        self.assertIn('decide', seen)
        self.assertIn('return_request', seen)
        # a state added to an event's sources shows its button there, no view edited
        patched = dict(lifecycle.TRANSITIONS)
        patched['close'] = lifecycle.Transition(('done', 'terminated', 'returned'), 'closed', ())
        with mock.patch.object(lifecycle, 'TRANSITIONS', patched):
            arch = self.env['thads.case'].fields_view_get(view_type='form')['arch']
        self.assertIn('terminated,done,returned', arch)

    def test_handover_offers_pending_cases(self):
        pending = self.make_case(due=M, date='2026-03-02')
        self.advance(pending, ('decide', '2026-03-03'))
        received = self.make_case(due=M, date='2026-03-02')
        found = self.env['thads.case'].search([('is_pending', '=', True), ('id', 'in', (pending | received).ids)])
        self.assertEqual(found, pending)
        self.assertEqual(self.env['thads.case'].search([('is_pending', '=', False), ('id', 'in', (pending | received).ids)]),
                         received)
        view = self.env.ref('thads_case.thads_case_handover_view_form').arch
        self.assertIn("('is_pending', '=', True)", view)
        self.assertNotIn("'separate_register'", view)


class TestBudgetAndOfficerForms(FormReportMixin, ThadsCaseCase):
    """Form c) (state budget) and d)/đ) (per enforcement officer)."""

    @classmethod
    def setUpClass(cls):
        super(TestBudgetAndOfficerForms, cls).setUpClass()
        cls.period = cls._form_period(2025, 6)
        cls.form_budget = cls.env.ref('thads_stats.form_tk_nsnn')

    def mixed_case(self, received, private, budget, office=None, executor=None):
        executor = executor or self.users['executor']
        obligations = []
        if private:
            obligations.append((0, 0, {'name': 'Trả tiền cho người được thi hành án', 'kind': 'money',
                                       'amount_due': private}))
        if budget:
            obligations.append((0, 0, {'name': 'Án phí', 'kind': 'money', 'amount_due': budget, 'budget': True}))
        return self.env['thads.case'].create({
            'office_id': (office or executor.thads_office_id).id, 'kind': 'chu_dong', 'date_received': received,
            'executor_id': executor.id, 'court': 'TAND khu vực 1', 'judgment_number': '7/2025/HS-ST',
            'party_ids': [(0, 0, {'partner_id': self.debtor.id, 'role': 'debtor'}),
                          (0, 0, {'partner_id': self.creditor.id, 'role': 'creditor'})],
            'obligation_ids': obligations})

    def ob(self, case, budget):
        return {'obligation_id': case.obligation_ids.filtered(lambda o: o.budget == budget).id}

    def build(self):
        cases = {}
        # carried: 1 M of the budget's 4 M paid before the year, 2 M in it; private money does not count
        b1 = cases['B1'] = self.mixed_case('2025-05-28', 10 * M, 4 * M)
        self.advance(b1, ('decide', '2025-06-01'), ('notify', '2025-06-02'),
                     ('collect', '2025-07-01', dict(amount=1 * M, **self.ob(b1, True))),
                     ('collect', '2025-11-10', dict(amount=2 * M, **self.ob(b1, True))),
                     ('collect', '2025-12-01', dict(amount=5 * M, **self.ob(b1, False))))
        # new: a fine of 6 M fully paid, completed
        b2 = cases['B2'] = self.mixed_case('2025-10-10', 0, 6 * M)
        self.advance(b2, ('decide', '2025-10-13'), ('notify', '2025-10-14'),
                     ('collect', '2025-11-20', dict(amount=6 * M, **self.ob(b2, True))), ('complete', '2025-11-21'))
        # new: delegated whole (no obligation named): its 2 M for the budget are delegated
        b3 = cases['B3'] = self.mixed_case('2025-10-15', 8 * M, 2 * M, executor=self.users['executor2'])
        self.advance(b3, ('decide', '2025-10-20'), ('notify', '2025-10-21'),
                     ('delegate', '2025-12-01', {'target_office_id': self.region_b1.id}))
        # new, nothing owed to the budget: not in form c)
        cases['B4'] = self.advance(self.mixed_case('2025-10-15', 5 * M, 0), ('decide', '2025-10-20'))
        # province A, other region: new, being enforced
        cases['B5'] = self.advance(self.mixed_case('2025-11-28', 0, 3 * M, office=self.region_a2),
                                   ('decide', '2025-12-01'))
        return cases

    def test_budget_form_cell_by_cell(self):
        cases = self.build()
        report = self.report(self.form_budget, self.national)
        self.assertFalse(report.violations)
        self.assertEqual(set(report.line_ids.mapped('level')), {'office'})
        a1 = self.row(report, self.region_a1)
        #        c1      c2     c3     c4     c5 c6     c7     c8     c9 c10   c11 c12 c13 c14 (c15) c16
        expected = [11 * M, 3 * M, 8 * M, 2 * M, 0, 9 * M, 9 * M, 8 * M, 0, 1 * M, 0, 0, 0, 0, None, 1 * M]
        values = [a1.value(code) for code in CODES]
        self.assertEqual(values[:14] + values[15:], expected[:14] + expected[15:])
        self.assertAlmostEqual(a1.value('c15'), 800 / 9.0)
        province = self.row(report, self.province_a)
        self.assertEqual([province.value(c) for c in ('c1', 'c3', 'c6', 'c10', 'c16')],
                         [14 * M, 11 * M, 12 * M, 4 * M, 4 * M])
        # roll-up: the nation is the sum of its provinces
        national = self.row(report, self.national)
        provinces = report.line_ids.filtered(lambda l: l.office_id.parent_id == self.national)
        for code in ('c1', 'c6', 'c8', 'c16'):
            self.assertEqual(national.value(code), sum(p.value(code) for p in provinces), code)
        # drill-down: only the cases owing the budget
        self.assertEqual(set(a1._record_ids('c1')), set((cases['B1'] | cases['B2'] | cases['B3']).ids))
        self.assertEqual(a1._record_ids('c4'), cases['B3'].ids)
        self.assertEqual(a1._record_ids('c10'), cases['B1'].ids)
        # the money form b) counts the private money too
        money = self.report(self.env.ref('thads_stats.form_tk_tien'), self.region_a1)
        self.assertEqual(self.row(money, self.region_a1).value('c1'), (14 - 1) * M + 6 * M + 10 * M + 5 * M)

    def test_rollup_through_an_abolished_office(self):
        """A Chi cục abolished on 30/06/2025 (successor: region A1) reports
        through A1 in forms c) and d): no row of its own."""
        cases = self.build()
        old = self.env['thads.office'].create({
            'name': 'Chi cục cũ', 'code': 'CC-OLD', 'kind': 'district', 'parent_id': self.province_a.id,
            'date_start': '2010-01-01', 'date_end': '2025-06-30', 'successor_id': self.region_a1.id})
        inherited = self.mixed_case('2025-05-10', 0, 5 * M, office=old)
        self.advance(inherited, ('decide', '2025-05-12'),
                     ('collect', '2025-06-01', dict(amount=1 * M, **self.ob(inherited, True))))
        report = self.report(self.form_budget, self.national)
        self.assertFalse(report.line_ids.filtered(lambda l: l.office_id == old))
        a1 = self.row(report, self.region_a1)
        self.assertEqual([a1.value(c) for c in ('c1', 'c2', 'c3', 'c6', 'c10', 'c16')],
                         [15 * M, 7 * M, 8 * M, 13 * M, 5 * M, 5 * M])
        self.assertEqual(self.row(report, self.province_a).value('c1'), 18 * M)
        self.assertEqual(set(a1._record_ids('c2')), set((cases['B1'] | inherited).ids))
        chv = self.report(self.env.ref('thads_stats.form_tk_viec_chv'), self.province_a)
        self.assertFalse(chv.line_ids.filtered(lambda l: l.office_id == old))
        self.assertEqual(self.row(chv, self.region_a1, self.users['executor']).value('c2'), 2)

    def test_budget_form_exports_close_and_reconcile(self):
        import base64
        import xlsxwriter
        self.build()
        statistician = self.users['statistician']
        report = self.env['thads.stat.report'].sudo(statistician).create(
            {'form_id': self.form_budget.id, 'period_id': self.period.id, 'office_id': self.region_a1.id})
        report.action_close()
        self.assertEqual((report.state, report.version), ('closed', 1))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.env['thads.stat.lock']._check_locked(self.region_a1, '2026-03-20')
        content, kind = self.env.ref('thads_stats.stat_report_xlsx_action').render(report.ids)
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        labels = [sheet.cell_value(row, 0).strip() for row in range(sheet.nrows)]
        a1 = labels.index(self.region_a1.name)
        self.assertEqual([sheet.cell_value(a1, col) for col in (1, 2, 3, 4, 6, 8, 16)],
                         [11000, 3000, 8000, 2000, 9000, 8000, 1000])
        head = [sheet.cell_value(row, col) for row in range(7) for col in range(sheet.ncols)]
        self.assertIn('Form No. c)', head)
        text = ''.join(page.extractText() for page in PdfFileReader(io.BytesIO(report.render_pdf())).pages)
        self.assertIn('11.000', text)
        self.assertIn('Form No. c)', text)
        buf = io.BytesIO()
        book = xlsxwriter.Workbook(buf)
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ['office', 'c1', 'c8'])
        sheet.write_row(1, 0, ['T-A-1', 11000, 7000])  # hand count: 1 M less collected
        book.close()
        rec = self.env['thads.stat.reconciliation'].sudo(statistician).create({
            'report_id': report.id, 'file': base64.b64encode(buf.getvalue()), 'filename': 'nsnn.xlsx',
            'threshold': 0})
        rec.action_compare()
        self.assertEqual([(l.column_code, l.difference) for l in rec.line_ids.filtered('flagged')],
                         [('c8', 1000)])

    def test_officer_forms(self):
        self.build()
        ex, ex2 = self.users['executor'], self.users['executor2']
        count = self.report(self.env.ref('thads_stats.form_tk_viec_chv'), self.province_a)
        money = self.report(self.env.ref('thads_stats.form_tk_tien_chv'), self.province_a)
        for report in (count, money):
            self.assertFalse(report.violations)
            self.assertEqual(set(report.line_ids.mapped('level')), {'office', 'executor'})
        # cases per officer: ex has B1 (carried, enforcing), B2 (new, done), B4 (new, enforcing); ex2 has B3
        row = self.row(count, self.region_a1, ex)
        self.assertEqual([row.value(c) for c in ('c1', 'c2', 'c3', 'c4', 'c6', 'c8', 'c10', 'c16')],
                         [3, 1, 2, 0, 3, 1, 2, 2])
        row2 = self.row(count, self.region_a1, ex2)
        self.assertEqual([row2.value(c) for c in ('c1', 'c3', 'c4', 'c6')], [1, 1, 1, 0])
        office = self.row(count, self.region_a1)
        for code in CODES:
            if code != 'c15':
                self.assertEqual(office.value(code), row.value(code) + row2.value(code), code)
        # money per officer: ex B1 14 M carried less 1 M paid before = 13 M; new 6 + 5 M
        mrow = self.row(money, self.region_a1, ex)
        self.assertEqual([mrow.value(c) for c in ('c2', 'c3', 'c8', 'c10')], [13 * M, 11 * M, 13 * M, 11 * M])
        self.assertEqual(self.row(money, self.region_a1, ex2).value('c4'), 10 * M)
        # drill-down of an officer's cell
        self.assertEqual(len(row._record_ids('c1')), 3)
