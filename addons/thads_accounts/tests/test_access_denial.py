"""Tracing of refused accesses (support regulation Art. 13).

The refusals happen in transactions that are rolled back, and the trace is
written on a cursor of its own: these tests therefore run against committed
data (the demo accounts), call the running server over XML-RPC as a user
would, and read the trace on a fresh cursor.  What they commit is removed
at the end."""
import datetime
import xmlrpc.client

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase, at_install, post_install

from .smtp_sink import SmtpSinkMixin

DEMO_PASSWORD = 'Thads@2026'


@at_install(False)
@post_install(True)
class TestAccessDenialTrace(TransactionCase):

    def setUp(self):
        super(TestAccessDenialTrace, self).setUp()
        self.db = self.env.cr.dbname
        self.start_id = self._committed(lambda env: env['thads.access.denial'].search(
            [], order='id desc', limit=1).id or 0)
        self.addCleanup(self._committed, lambda env: env['thads.access.denial'].search(
            [('id', '>', self.start_id)]).unlink())
        url = 'http://127.0.0.1:%s/xmlrpc/2/' % odoo.tools.config['http_port']
        self.common = xmlrpc.client.ServerProxy(url + 'common')
        self.models = xmlrpc.client.ServerProxy(url + 'object')

    def _committed(self, func):
        """Run func(env) in a transaction of its own, committed."""
        with self.registry.cursor() as cr:
            return func(api.Environment(cr, SUPERUSER_ID, {}))

    def _traces(self):
        return self._committed(lambda env: [
            (d.login, d.user_id.login, d.office_id.id, d.model, d.operation, d.source, d.res_ids, d.ip)
            for d in env['thads.access.denial'].search([('id', '>', self.start_id)], order='id')])

    def _rpc(self, login, model, method, *args):
        uid = self.common.authenticate(self.db, login, DEMO_PASSWORD, {})
        self.assertTrue(uid, 'demo login %s failed' % login)
        return self.models.execute_kw(self.db, uid, DEMO_PASSWORD, model, method, list(args))

    def test_xmlrpc_refusals_are_traced(self):
        hn_kv1 = self.env.ref('thads_accounts.office_hn_kv1_demo').id
        # access rights: an enforcement officer may not create offices
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc('chv.hn1', 'thads.office', 'create', {'name': 'Giả mạo', 'code': 'FAKE-1'})
        self.assertFalse(self.env['thads.office'].search([('code', '=', 'FAKE-1')]))
        (trace,) = self._traces()
        self.assertEqual(trace, ('chv.hn1', 'chv.hn1', hn_kv1, 'thads.office', 'create', 'acl', False, '127.0.0.1'))
        # record rules: the Hà Nội administrator cannot read a trace of Hồ Chí Minh City
        hcm = self._committed(lambda env: env['thads.access.denial'].create({
            'login': 'chv.hcm1', 'model': 'thads.case', 'operation': 'write',
            'office_id': env.ref('thads_accounts.office_hcm_kv1_demo').id}).id)
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc('quantri.hn', 'thads.access.denial', 'read', [hcm], ['login'])
        last = self._traces()[-1]
        self.assertEqual(last[:6], ('quantri.hn', 'quantri.hn', self.env.ref('thads_accounts.office_hn_demo').id,
                                    'thads.access.denial', 'read', 'rule'))
        self.assertEqual(last[6], str(hcm))
        # administrators see the refusals of their subtree; the national administrator sees all
        seen_hn = {r['id'] for r in self._rpc('quantri.hn', 'thads.access.denial', 'search_read',
                                              [('id', '>', self.start_id)], ['login'])}
        seen_all = {r['id'] for r in self._rpc('quantri', 'thads.access.denial', 'search_read',
                                               [('id', '>', self.start_id)], ['login'])}
        self.assertNotIn(hcm, seen_hn)
        self.assertIn(hcm, seen_all)
        self.assertTrue(seen_hn)
        self.assertTrue(seen_hn < seen_all)
        # an executor sees no trace at all
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc('chv.hn1', 'thads.access.denial', 'search_read', [], ['login'])

    def test_trace_survives_the_rollback(self):
        executor = self.env.ref('thads_accounts.user_hn_chv1_demo')
        office = self.env.ref('thads_accounts.office_hn_kv1_demo')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            office.sudo(executor).write({'phone': '0000'})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            office.sudo(executor).unlink()
        traces = self._traces()
        self.assertEqual([t[:6] for t in traces], [
            ('chv.hn1', 'chv.hn1', office.id, 'thads.office', 'write', 'acl'),
            ('chv.hn1', 'chv.hn1', office.id, 'thads.office', 'unlink', 'acl')])
        self.assertFalse(traces[0][7])  # no request: no address
        # refusals on other models and allowed operations are not traced
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['res.users'].sudo(executor).create({'name': 'x', 'login': 'x_trace'})
        office.sudo(executor).read(['name'])
        self.assertEqual(len(self._traces()), 2)


@at_install(False)
@post_install(True)
class TestSecurityDigest(SmtpSinkMixin, TransactionCase):

    def setUp(self):
        super(TestSecurityDigest, self).setUp()
        self.env['thads.access.denial'].search([]).unlink()
        self.env['res.authentication.attempt'].search([]).unlink()
        national_admin = self.env.ref('thads_accounts.group_thads_national_admin')
        self.admin = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Quản trị viên Cục', 'login': 'digest_admin', 'email': 'canhbao@thads.example.vn',
            'lang': 'vi_VN', 'thads_office_id': self.env.ref('thads_accounts.office_national').id,
            'groups_id': [(6, 0, [national_admin.id])]})

    def _denials(self, login, count, hour):
        for minute in range(count):
            self.env['thads.access.denial'].create({
                'login': login, 'model': 'thads.case', 'operation': 'write',
                'date': '%s:%02d:00' % (hour, minute)})

    def test_digest_of_bursts_and_failed_logins(self):
        Denial = self.env['thads.access.denial']
        self.assertFalse(Denial._cron_digest())  # nothing to report: no mail
        hour = (datetime.datetime.utcnow() - datetime.timedelta(hours=2)).strftime('%Y-%m-%d %H')
        self._denials('chv.tancong', 11, hour)  # over the default threshold of 10
        self._denials('chv.binhthuong', 10, hour)  # not over it
        for _attempt in range(3):
            self.env['res.authentication.attempt'].create({'login': 'doan.mo', 'remote': '203.0.113.9',
                                                           'result': 'failed'})
        mail = Denial._cron_digest()
        self.assertTrue(mail)
        ((rcpt, message),) = self.deliver(mail)
        self.assertIn('canhbao@thads.example.vn', rcpt)
        self.assertNotIn('chv.hn1@thads.example.vn', rcpt)  # national administrators only
        body = message.get_body(preferencelist=('html', 'plain')).get_content()
        self.assertIn('chv.tancong', body)
        self.assertNotIn('chv.binhthuong', body)
        self.assertIn('doan.mo', body)
        self.assertIn('203.0.113.9', body)
        self.assertIn('Đăng nhập thất bại', body)  # in the administrator's language
        self.assertIn('1 đợt', message['Subject'])
        # the threshold is a system parameter
        self.env['ir.config_parameter'].set_param('thads_accounts.denial_burst_threshold', '9')
        self.assertIn('chv.binhthuong', Denial._cron_digest().body_html)
