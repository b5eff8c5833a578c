"""Over real HTTP: XML-RPC as an office administrator, the login page with
an expired password, and the lockout after repeated failed logins."""
import json
import re
import time
import xmlrpc.client

import odoo
import requests

from .common import ThadsHttpCase

PASSWORD = 'Test@2026pass'


class AccountsHttpCase(ThadsHttpCase):
    """Two provinces, an office administrator and officers of province A;
    helpers to call XML-RPC and the login page as them."""

    def setUp(self):
        super(AccountsHttpCase, self).setUp()
        with self.http_env() as env:
            Office = env['thads.office']
            national = env.ref('thads_accounts.office_national')
            self.province_a = Office.create({'name': 'HTTP A', 'code': 'H-A', 'kind': 'province',
                                             'parent_id': national.id}).id
            self.province_b = Office.create({'name': 'HTTP B', 'code': 'H-B', 'kind': 'province',
                                             'parent_id': national.id}).id
            for login, group in (('http_admin_a', 'group_thads_office_admin'),
                                 ('http_chv_a', 'group_thads_executor'),
                                 ('http_lock_a', 'group_thads_executor')):
                env['res.users'].create({
                    'name': login, 'login': login, 'password': PASSWORD, 'thads_office_id': self.province_a,
                    'email': login + '@thads.example.vn', 'lang': 'vi_VN',
                    'groups_id': [(6, 0, [env.ref('thads_accounts.' + group).id])]})
        self.db = self.registry.db_name

    def _rpc(self, login, model, method, *args):
        uid = self.xmlrpc_common.authenticate(self.db, login, PASSWORD, {})
        self.assertTrue(uid, 'login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, model, method, list(args))

    def _login_page(self, login, password):
        page = self.opener.get(self.url('/web/login'), timeout=30)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.opener.post(self.url('/web/login'), timeout=30, allow_redirects=False, data={
            'login': login, 'password': password, 'csrf_token': token, 'redirect': '/web'})

    @staticmethod
    def _redirect_target(response):
        """Odoo 11 redirects most browsers with a script (redirect_with_hash)."""
        if response.status_code in (301, 302, 303):
            return response.headers['Location']
        match = re.search(r"window.location = '([^']*)'", response.text)
        return match and match.group(1)


class TestAccountsHttp(AccountsHttpCase):

    def test_xmlrpc_office_admin_scope(self):
        new_id = self._rpc('http_admin_a', 'res.users', 'create', {
            'name': 'Qua RPC', 'login': 'rpc_ok', 'thads_office_id': self.province_a})
        self.assertTrue(new_id)
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self._rpc('http_admin_a', 'res.users', 'create', {
                'name': 'Ngoài phạm vi', 'login': 'rpc_out', 'thads_office_id': self.province_b})
        # errors reach the user translated (the users speak Vietnamese)
        self.assertIn('nằm ngoài phạm vi này', ctx.exception.faultString)
        with self.http_env() as env:
            system = env.ref('base.group_system').id
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self._rpc('http_admin_a', 'res.users', 'write', [new_id], {'groups_id': [(4, system)]})
        self.assertIn('Bạn không thể cấp quyền', ctx.exception.faultString)
        # the executor reads offices but cannot touch accounts
        offices = self._rpc('http_chv_a', 'thads.office', 'search_read', [('code', '=', 'H-B')], ['name'])
        self.assertEqual(offices[0]['name'], 'HTTP B')
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc('http_chv_a', 'res.users', 'write', [new_id], {'name': 'x'})

    def test_expired_password_redirects_to_reset(self):
        ok = self._login_page('http_chv_a', PASSWORD)
        self.assertEqual(self._redirect_target(ok), '/web')
        self.opener.get(self.url('/web/session/logout'), timeout=30, allow_redirects=False)
        with self.http_env() as env:
            env['res.users'].search([('login', '=', 'http_chv_a')]).write({'password_write_date': False})
        expired = self._login_page('http_chv_a', PASSWORD)
        self.assertIn('/web/reset_password', self._redirect_target(expired) or '')
        # and the session was closed: /web asks for a login again
        web = self.opener.get(self.url('/web'), timeout=30, allow_redirects=False)
        self.assertIn('/web/login', web.headers.get('Location', ''))

    def test_lockout_after_failed_logins(self):
        for _attempt in range(5):
            self.assertFalse(self.xmlrpc_common.authenticate(self.db, 'http_lock_a', 'wrong', {}))
        with self.http_env() as env:
            attempts = env['res.authentication.attempt'].search([('login', '=', 'http_lock_a')])
            self.assertEqual(len(attempts), 5)
            self.assertEqual(attempts.mapped('thads_office_id').id, self.province_a)
        # the right password no longer opens the account from this address
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, 'http_lock_a', PASSWORD, {}))
        with self.http_env() as env:
            last = env['res.authentication.attempt'].search([('login', '=', 'http_lock_a')], order='id desc', limit=1)
            self.assertEqual(last.result, 'banned')

    def _call_kw(self):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'params': {
            'model': 'res.users', 'method': 'search_count', 'args': [[]], 'kwargs': {}}}
        return self.opener.post(self.url('/web/dataset/call_kw'), data=json.dumps(payload), timeout=30,
                                headers={'Content-Type': 'application/json'}).json()

    def test_idle_session_expires(self):
        self.opener = requests.Session()  # only the session cookie of the login
        self._login_page('http_chv_a', PASSWORD)
        self.assertIn('result', self._call_kw())
        store = odoo.http.root.session_store
        session = store.get(self.opener.cookies['session_id'])
        self.assertTrue(session.uid and session['thads_last_activity'])
        session['thads_last_activity'] = time.time() - 1700  # 28 minutes idle: still open
        store.save(session)
        self.assertIn('result', self._call_kw())
        session = store.get(self.opener.cookies['session_id'])
        session['thads_last_activity'] = time.time() - 1801  # over 30 minutes
        store.save(session)
        reply = self._call_kw()
        self.assertEqual(reply['error']['data']['name'], 'odoo.http.SessionExpiredException')
        self.assertFalse(store.get(self.opener.cookies['session_id']).uid)
