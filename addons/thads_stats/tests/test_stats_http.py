"""Issue 16, point 4 over the real paths: XML-RPC as a provincial
statistician, an executor and a national statistician (users created here:
the test database has no demo data), and the drill-down, PDF and xlsx
routes of another province's report (404, never 500)."""
import json
import re
import xmlrpc.client

from odoo.tools import mute_logger

from odoo.addons.thads_accounts.tests.common import ThadsHttpCase

PASSWORD = 'Test@2026pass'
ROLES = {
    'http_stat_a': ('a', ['group_thads_statistician']),
    'http_chv_a': ('a', ['group_thads_executor']),
    'http_stat_b': ('b', ['group_thads_statistician']),
    'http_stat_cuc': ('national', ['group_thads_national', 'group_thads_statistician']),
}


class TestStatsHttp(ThadsHttpCase):

    def setUp(self):
        super(TestStatsHttp, self).setUp()
        self.db = self.registry.db_name
        with self.http_env() as env:
            Office = env['thads.office']
            national = env.ref('thads_accounts.office_national')
            offices = {'national': national}
            for key in ('a', 'b'):
                offices[key] = Office.create({'name': 'HTTP %s' % key.upper(), 'code': 'HS-%s' % key.upper(),
                                              'kind': 'province', 'parent_id': national.id})
            for login, (key, groups) in ROLES.items():
                env['res.users'].create({
                    'name': login, 'login': login, 'password': PASSWORD, 'thads_office_id': offices[key].id,
                    'email': login + '@thads.example.vn', 'lang': 'vi_VN',
                    'groups_id': [(6, 0, [env.ref('thads_accounts.' + group).id for group in groups])]})
            env['thads.stat.period'].generate_year(2025)
            period = env['thads.stat.period'].search([('stat_year', '=', 2025), ('months', '=', 6)])
            self.reports, self.lines = {}, {}
            for key in ('a', 'b'):
                report = env['thads.stat.report'].create({'form_id': env.ref('thads_stats.form_tk_viec').id,
                                                          'period_id': period.id, 'office_id': offices[key].id})
                report.action_close()
                # one row, stored by the report's own (private) path
                report._store_lines([('office', offices[key].id, None, json.dumps({'c1': 3, 'c2': 1}), 0.0,
                                      '00000000-0-')])
                self.reports[key] = report.id
                self.lines[key] = report.line_ids.id
            self.offices = {key: office.id for key, office in offices.items()}

    def state(self, key):
        """The report, its rows and locks, read as the superuser."""
        with self.http_env() as env:
            report = env['thads.stat.report'].browse(self.reports[key])
            locks = env['thads.stat.lock'].with_context(active_test=False).search([('report_id', '=', report.id)])
            return (report.state, report.version, [(l.id, l.values_json) for l in report.line_ids],
                    [(k.id, k.active) for k in locks])

    def rpc(self, login, model, method, *args):
        uid = self.xmlrpc_common.authenticate(self.db, login, PASSWORD, {})
        self.assertTrue(uid, 'login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, model, method, list(args))

    def refused(self, fragment, login, model, method, *args):
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.rpc(login, model, method, *args)
        self.assertIn(fragment, ctx.exception.faultString)

    def test_xmlrpc_bypasses_refused(self):
        before = {key: self.state(key) for key in ('a', 'b')}
        self.assertEqual(before['a'][0], 'closed')
        # a closed report back to draft, its figures rewritten
        self.refused('không thể sửa trực tiếp', 'http_stat_a', 'thads.stat.report', 'write',
                     [self.reports['a']], {'state': 'draft'})
        self.refused('chỉ được ghi khi tính', 'http_stat_a', 'thads.stat.report.line', 'write',
                     [self.lines['a']], {'values_json': '{"c1": 999}'})
        # rows of another province: rewritten, added, deleted
        self.refused('chỉ được ghi khi tính', 'http_stat_a', 'thads.stat.report.line', 'write',
                     [self.lines['b']], {'values_json': '{"c1": 999}'})
        self.refused('chỉ được ghi khi tính', 'http_stat_a', 'thads.stat.report.line', 'create',
                     {'report_id': self.reports['b'], 'level': 'office', 'office_id': self.offices['b'],
                      'values_json': '{"c1": 1}'})
        self.refused('chỉ được ghi khi tính', 'http_stat_a', 'thads.stat.report.line', 'unlink', [self.lines['b']])
        # a context key sent by the client changes nothing
        with self.assertRaises(xmlrpc.client.Fault):
            uid = self.xmlrpc_common.authenticate(self.db, 'http_stat_a', PASSWORD, {})
            self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, 'thads.stat.report.line', 'unlink',
                                          [[self.lines['a']]], {'context': {'thads_stats_writer': True}})
        # the national statistician does not write states either: an unlock request does
        self.refused('không thể sửa trực tiếp', 'http_stat_cuc', 'thads.stat.report', 'write',
                     [self.reports['b']], {'state': 'draft'})
        self.assertEqual({key: self.state(key) for key in ('a', 'b')}, before)

    def test_xmlrpc_rows_read_in_the_subtree(self):
        for login in ('http_chv_a', 'http_stat_a'):
            rows = self.rpc(login, 'thads.stat.report.line', 'search_read', [], ['report_id'])
            self.assertIn(self.lines['a'], [r['id'] for r in rows], login)
            self.assertNotIn(self.lines['b'], [r['id'] for r in rows], login)
            with self.assertRaises(xmlrpc.client.Fault, msg=login):
                self.rpc(login, 'thads.stat.report.line', 'read', [self.lines['b']], ['values_json'])
            self.assertFalse(self.rpc(login, 'thads.stat.report', 'search', [('id', '=', self.reports['b'])]))
        rows = self.rpc('http_stat_cuc', 'thads.stat.report.line', 'search', [('id', 'in', list(self.lines.values()))])
        self.assertEqual(sorted(rows), sorted(self.lines.values()))

    def test_xmlrpc_engine_not_callable(self):
        with self.http_env() as env:
            period = env['thads.stat.period'].search([('stat_year', '=', 2025), ('months', '=', 6)])
            args = [period.year_start(), period.date_end, [self.offices['b']]]
        # the public names are gone (the server logs the AttributeError: muted),
        # the private ones cannot be called remotely
        with mute_logger('odoo.http'):
            self._public_names_gone(args)
        self.refused('_measures', 'http_chv_a', 'thads.stat.engine', '_measures', *args)
        self.refused('_case_ids', 'http_chv_a', 'thads.stat.engine', '_case_ids', *(args + ['new']))
        self.refused('_record_ids', 'http_chv_a', 'thads.stat.report.line', '_record_ids', [self.lines['b']], 'c1')
        # the public drill-down answers only for a row the caller may read
        action = self.rpc('http_stat_a', 'thads.stat.report', 'action_drill', [self.reports['a']], self.lines['a'],
                          'c1')
        self.assertEqual((action['type'], action['res_model']), ('ir.actions.act_window', 'thads.case'))
        for report, line in ((self.reports['b'], self.lines['b']), (self.reports['a'], self.lines['b'])):
            with self.assertRaises(xmlrpc.client.Fault):
                self.rpc('http_stat_a', 'thads.stat.report', 'action_drill', [report], line, 'c1')

    def _public_names_gone(self, args):
        self.refused('has no attribute', 'http_chv_a', 'thads.stat.engine', 'measures', *args)
        self.refused('has no attribute', 'http_chv_a', 'thads.stat.engine', 'case_ids', *(args + ['new']))
        self.refused('has no attribute', 'http_chv_a', 'thads.stat.report.line', 'case_ids', [self.lines['b']], 'c1')
        self.refused('has no attribute', 'http_chv_a', 'thads.stat.lock', 'check', self.offices['b'], '2026-01-01')

    def login(self, login):
        page = self.opener.get(self.url('/web/login'), timeout=30)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        reply = self.opener.post(self.url('/web/login'), timeout=30, allow_redirects=False, data={
            'login': login, 'password': PASSWORD, 'csrf_token': token, 'redirect': '/web'})
        self.assertNotIn('alert-danger', reply.text)

    def test_routes_of_another_province_answer_404(self):
        self.login('http_stat_a')
        paths = {key: ['/thads_stats/drill/%d/%d/c1' % (self.reports[key], self.lines[key]),
                       '/thads_stats/report/%d/pdf' % self.reports[key],
                       '/report/xlsx/thads_stats.stat_report_xlsx/%d' % self.reports[key]]
                 for key in ('a', 'b')}
        own = [self.opener.get(self.url(path), timeout=60, allow_redirects=False) for path in paths['a']]
        self.assertEqual([r.status_code for r in own], [303, 200, 200])
        # the drill-down opens inside the web client
        self.assertTrue(own[0].headers['Location'].endswith(
            '/web#action=thads_stats.action_server_stat_drill&active_id=%d&code=c1' % self.lines['a']))
        self.assertTrue(own[1].content.startswith(b'%PDF'))
        self.assertTrue(own[2].content.startswith(b'PK'))  # xlsx is a zip
        self.assertIn('TK-VIEC_HS-A_6thang_2025-2026.pdf', own[1].headers['Content-Disposition'])
        self.assertIn('TK-VIEC_HS-A_6thang_2025-2026.xlsx', own[2].headers['Content-Disposition'])
        for path in paths['b'] + ['/thads_stats/report/999999999/pdf',
                                  '/thads_stats/drill/%d/%d/c1' % (self.reports['a'], self.lines['b']),
                                  '/report/xlsx/thads_stats.stat_report_xlsx/%d,%d' % (
                                      self.reports['a'], self.reports['b'])]:
            reply = self.opener.get(self.url(path), timeout=60)
            self.assertEqual(reply.status_code, 404, path)
            self.assertNotIn('HTTP B', reply.text, path)
