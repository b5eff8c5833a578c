"""Issue 16, point 4: the statistics hold on every path.  Each bypass that
was found is tried again as the role that found it (sudo(user) here, over
XML-RPC and HTTP in test_stats_http.py); it must be refused with a clear
message, and the record, re-read as the superuser, must be unchanged."""
import json

from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.thads_case.tests.common import ThadsCaseCase

M = 1000000


class TestStatsAccess(ThadsCaseCase):

    @classmethod
    def setUpClass(cls):
        super(TestStatsAccess, cls).setUpClass()
        cls.env['thads.stat.period'].generate_year(2025)
        cls.env['ir.config_parameter'].sudo().set_param('thads_stats.sync_office_limit', '100000')
        cls.period = cls.env['thads.stat.period'].search([('stat_year', '=', 2025), ('months', '=', 6)])
        cls.form = cls.env.ref('thads_stats.form_tk_viec')
        Report = cls.env['thads.stat.report']
        cls.reports = {}
        for key, users, office in (('a', cls.users, cls.region_a1), ('b', cls.users_b, cls.region_b1)):
            # the helpers of ThadsCaseCase only use the class attributes
            case = ThadsCaseCase.make_case(cls, executor=users['executor'], due=5 * M, date='2025-10-10')
            ThadsCaseCase.record(cls, case, 'decide', '2025-10-13')
            report = Report.sudo(users['statistician']).create(
                {'form_id': cls.form.id, 'period_id': cls.period.id, 'office_id': office.id})
            report.action_close()
            cls.reports[key] = report.sudo(cls.env.uid)
        # a draft of province A, for the dashboard
        cls.draft_a = Report.create({'form_id': cls.form.id, 'period_id': cls.period.id,
                                     'office_id': cls.region_a1.id})
        cls.draft_a.action_compute()

    def snapshot(self, report):
        """Everything a bypass could change, read as the superuser."""
        report.invalidate_cache()
        lines = self.env['thads.stat.report.line'].search([('report_id', '=', report.id)])
        locks = self.env['thads.stat.lock'].with_context(active_test=False).search([('report_id', '=', report.id)])
        return (report.state, report.version, report.computed_at,
                sorted((l.id, l.office_id.id, l.executor_id.id, l.values_json, l.report_state) for l in lines),
                sorted((k.id, k.office_id.id, k.date_end, k.active) for k in locks))

    def assertRefused(self, call, fragment, exception=AccessError):
        with self.assertRaises(exception) as ctx, self.env.cr.savepoint():
            call()
        self.assertIn(fragment, ctx.exception.name)

    def test_fixture(self):
        for report in self.reports.values():
            self.assertEqual((report.state, report.version), ('closed', 1))
            self.assertTrue(report.line_ids, 'the closed reports have rows')
            self.assertTrue(self.env['thads.stat.lock'].search([('report_id', '=', report.id)]))

    # ------------------------------------------- closed report back to draft
    def test_statistician_cannot_reopen_by_writing_state(self):
        report = self.reports['a']
        before = self.snapshot(report)
        for role in ('statistician', 'national', 'leader'):
            self.assertRefused(lambda: report.sudo(self.users[role]).write({'state': 'draft'}),
                               'cannot be changed directly')
        self.assertRefused(lambda: report.write({'state': 'draft'}), 'cannot be changed directly')  # not even admin
        self.assertRefused(lambda: report.sudo(self.users['statistician']).write({'version': 7}),
                           'cannot be changed directly')
        self.assertRefused(lambda: report.sudo(self.users['statistician']).write(
            {'office_id': self.region_a2.id}), 'A closed report cannot be changed')
        self.assertRefused(lambda: report.sudo(self.users['statistician']).unlink(), 'official record')
        self.assertRefused(lambda: self.env['thads.stat.report'].sudo(self.users['statistician']).create(
            {'form_id': self.form.id, 'period_id': self.period.id, 'office_id': self.region_a1.id,
             'state': 'closed', 'version': 3}), 'created as a draft')
        self.assertEqual(self.snapshot(report), before)

    def test_reopen_only_by_a_reviewed_unlock_request(self):
        report = self.reports['a']
        before = self.snapshot(report)
        Request = self.env['thads.stat.unlock.request']
        statistician, national = self.users['statistician'], self.users['national']
        # created pending, for the user asking, whatever the client sends
        self.assertRefused(lambda: Request.sudo(statistician).create(
            {'report_id': report.id, 'reason': 'x', 'state': 'approved'}), 'waiting for approval')
        request = Request.sudo(statistician).create(
            {'report_id': report.id, 'reason': 'Thiếu biên lai', 'requested_by_id': national.id})
        self.assertEqual((request.state, request.requested_by_id), ('pending', statistician))
        # the decision cannot be written, the requester cannot decide
        self.assertRefused(lambda: request.sudo(statistician).write({'state': 'approved'}), 'cannot be changed')
        self.assertRefused(lambda: request.sudo(national).write({'state': 'approved'}), 'cannot be changed')
        self.assertRefused(lambda: request.sudo(statistician).action_approve(),
                           'Only the national statistics officers', UserError)
        own = Request.sudo(national).create({'report_id': report.id, 'reason': 'Tự mở'})
        self.assertRefused(lambda: own.sudo(national).action_approve(), 'You asked for this unlock yourself',
                           UserError)
        # another province cannot ask for it
        self.assertRefused(lambda: Request.sudo(self.users_b['statistician']).create(
            {'report_id': report.id, 'reason': 'x'}), '')
        self.assertEqual(self.snapshot(report), before)
        self.assertEqual(request.state, 'pending')
        # the one path: a national statistician other than the requester approves
        request.sudo(national).action_approve()
        report.invalidate_cache()
        self.assertEqual((request.state, request.decided_by_id, report.state), ('approved', national, 'draft'))
        self.assertFalse(self.env['thads.stat.lock'].search([('report_id', '=', report.id)]))
        self.assertRefused(lambda: request.sudo(statistician).write({'reason': 'khác'}), 'decided', UserError)

    # ---------------------------------------------- figures of a closed report
    def test_figures_of_a_closed_report_cannot_be_rewritten(self):
        report = self.reports['a']
        before = self.snapshot(report)
        line = report.line_ids[0]
        forged = json.dumps(dict(json.loads(line.values_json), c1=999))
        for role in ('statistician', 'national', 'executor'):
            user = self.users[role]
            self.assertRefused(lambda: line.sudo(user).write({'values_json': forged}), 'report rows are written only')
            self.assertRefused(lambda: report.sudo(user).write(
                {'line_ids': [(1, line.id, {'values_json': forged})]}), 'cannot be changed directly')
        self.assertRefused(lambda: line.write({'values_json': forged}), 'report rows are written only')  # admin
        self.assertRefused(lambda: report.sudo(self.users['statistician']).action_compute(),
                           'request an unlock', UserError)
        self.assertEqual(self.snapshot(report), before)

    # -------------------------------------- rows of another province's report
    def test_rows_of_another_province_cannot_be_written_added_or_deleted(self):
        report_b = self.reports['b']
        before = self.snapshot(report_b)
        line_b = report_b.line_ids[0]
        Line = self.env['thads.stat.report.line']
        for user in (self.users['statistician'], self.users_b['statistician'], self.env.user):
            self.assertRefused(lambda: line_b.sudo(user).write({'values_json': '{"c1": 1}'}),
                               'report rows are written only')
            self.assertRefused(lambda: Line.sudo(user).create({
                'report_id': report_b.id, 'level': 'office', 'office_id': self.region_b1.id,
                'values_json': '{"c1": 1}'}), 'report rows are written only')
            self.assertRefused(lambda: line_b.sudo(user).unlink(), 'report rows are written only')
        # nor through the report, nor by computing it again
        statistician = self.users['statistician']
        self.assertRefused(lambda: report_b.sudo(statistician).write(
            {'line_ids': [(0, 0, {'level': 'office', 'office_id': self.region_b1.id, 'values_json': '{}'})]}),
            'cannot be changed directly')
        self.assertRefused(lambda: report_b.sudo(statistician).action_close(), '')
        # locks: set by closing only, for every role
        lock = self.env['thads.stat.lock'].search([('report_id', '=', report_b.id)])
        for user in (statistician, self.users_b['statistician'], self.env.user):
            self.assertRefused(lambda: lock.sudo(user).write({'active': False}), 'Statistics locks are set only')
            self.assertRefused(lambda: lock.sudo(user).unlink(), 'Statistics locks are set only')
            self.assertRefused(lambda: self.env['thads.stat.lock'].sudo(user).create(
                {'office_id': self.region_a1.id, 'date_end': '2030-01-01'}), 'Statistics locks are set only')
        self.assertEqual(self.snapshot(report_b), before)

    # ---------------------------------------------------------- read scope
    def test_rows_are_read_in_the_office_subtree_only(self):
        line_b = self.reports['b'].line_ids[0]
        models = ('thads.stat.report', 'thads.stat.report.line', 'thads.stat.lock')
        for role in ('reader', 'executor', 'statistician', 'leader', 'office_admin'):
            user = self.users[role]
            for model in models:
                seen = self.env[model].sudo(user).search([])
                self.assertTrue(seen, '%s sees its own %s' % (role, model))
                offices = seen.mapped('office_id') if model != 'thads.stat.report.line' \
                    else seen.mapped('report_id.office_id')
                self.assertFalse(offices - self.region_a1, '%s reads %s of another office' % (role, model))
            self.assertEqual(self.env['thads.stat.report.line'].sudo(user).search_count(
                [('id', '=', line_b.id)]), 0)
            with self.assertRaises(AccessError, msg=role):
                line_b.sudo(user).read(['values_json'])
            with self.assertRaises(AccessError, msg=role):
                self.reports['b'].sudo(user).read(['name'])
            groups = self.env['thads.stat.report.line'].sudo(user).read_group(
                [], ['completion_rate', 'office_id'], ['office_id'])
            self.assertNotIn(self.region_b1.id, [g['office_id'][0] for g in groups if g['office_id']])
        for role in ('national', 'national_admin'):
            seen = self.env['thads.stat.report.line'].sudo(self.users[role]).search([])
            self.assertIn(line_b, seen, role)
            self.assertIn(self.reports['a'].line_ids[0], seen, role)

    def test_reconciliations_scoped_and_differences_written_by_the_comparison(self):
        import base64
        import io
        import xlsxwriter
        buf = io.BytesIO()
        book = xlsxwriter.Workbook(buf)
        book.add_worksheet().write_row(0, 0, ['office', 'c1'])
        book.worksheets()[0].write_row(1, 0, ['T-B-1', 5])
        book.close()
        statistician_b = self.users_b['statistician']
        rec = self.env['thads.stat.reconciliation'].sudo(statistician_b).create({
            'report_id': self.reports['b'].id, 'file': base64.b64encode(buf.getvalue()), 'filename': 'b.xlsx'})
        rec.action_compare()
        rec = rec.sudo(self.env.uid)
        before = [(l.id, l.software, l.manual, l.flagged) for l in rec.line_ids]
        self.assertEqual([b[2] for b in before], [5])
        statistician = self.users['statistician']
        self.assertFalse(self.env['thads.stat.reconciliation'].sudo(statistician).search([('id', '=', rec.id)]))
        self.assertFalse(self.env['thads.stat.reconciliation.line'].sudo(statistician).search([]))
        self.assertRefused(lambda: rec.sudo(statistician).action_compare(), '')
        self.assertRefused(lambda: rec.sudo(statistician).write({'threshold': 9}), '')
        for user in (statistician, statistician_b, self.env.user):
            self.assertRefused(lambda: rec.line_ids.sudo(user).write({'manual': 0}), 'Reconciliation differences')
            self.assertRefused(lambda: rec.line_ids.sudo(user).unlink(), 'Reconciliation differences')
            self.assertRefused(lambda: rec.sudo(user).write(
                {'line_ids': [(0, 0, {'office_id': self.region_b1.id, 'column_code': 'c1'})]}),
                'Reconciliation differences')
        rec.invalidate_cache()
        self.assertEqual([(l.id, l.software, l.manual, l.flagged) for l in rec.line_ids], before)

    # ------------------------------------------------------------ the engine
    def test_engine_methods_are_private(self):
        """Odoo 11 refuses RPC calls to methods whose name starts with '_'
        (odoo.service.model.call_kw / api: '_' prefix): every method of the
        engine, and the drill-down of a row, must be private (over XML-RPC
        in test_stats_http.py)."""
        engine = type(self.env['thads.stat.engine'])
        public = [name for name in dir(engine) if not name.startswith('_') and callable(getattr(engine, name))
                  and name not in dir(type(self.env['base']))]
        self.assertEqual(public, [])
        self.assertFalse(hasattr(self.env['thads.stat.report.line'], 'case_ids'))
        self.assertFalse(hasattr(self.env['thads.stat.lock'], 'check'))

    # ------------------------------------------------------------ dashboard
    def default_dashboard_domain(self):
        """What the web client searches when the dashboard opens: the
        action's domain AND each group of default filters (the client ORs
        the filters of one group, groups are cut by <separator/>)."""
        import lxml.etree
        action = self.env.ref('thads_stats.thads_stat_report_line_action_dashboard')
        context = safe_eval(action.context)
        arch = self.env['thads.stat.report.line'].fields_view_get(
            view_id=action.search_view_id.id, view_type='search')['arch']
        groups, current = [], []
        for node in lxml.etree.fromstring(arch):
            if node.tag == 'separator':
                groups.append(current)
                current = []
            elif node.tag == 'filter' and context.get('search_default_' + node.get('name')):
                current.append(safe_eval(node.get('domain')))
        groups.append(current)
        domain = safe_eval(action.domain or '[]')
        for group in groups:
            if group:
                domain += ['|'] * (len(group) - 1) + [leaf for part in group for leaf in part]
        return domain

    def test_dashboard_defaults_to_closed_reports_of_the_subtree(self):
        domain = self.default_dashboard_domain()
        for role, users, office in (('leader', self.users, self.region_a1), ('statistician', self.users, self.region_a1),
                                    ('statistician', self.users_b, self.region_b1)):
            rows = self.env['thads.stat.report.line'].sudo(users[role]).search(domain)
            self.assertTrue(rows, role)
            self.assertEqual(set(rows.mapped('report_state')), {'closed'}, role)
            self.assertEqual(rows.mapped('report_id.office_id'), office, role)
            self.assertNotIn(self.draft_a, rows.mapped('report_id'))
        national = self.env['thads.stat.report.line'].sudo(self.users['national']).search(domain)
        self.assertIn(self.reports['a'], national.mapped('report_id'))
        self.assertIn(self.reports['b'], national.mapped('report_id'))
        self.assertNotIn(self.draft_a, national.mapped('report_id'))
