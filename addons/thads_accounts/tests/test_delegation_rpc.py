"""The bypasses of issue 16 replayed over XML-RPC and JSON-RPC, as the
office administrator of a province (like quantri.hn): each is refused with
a Vietnamese message and nothing changed.  And an account whose password
must be changed cannot use RPC, only the web login (which sends it to the
reset page)."""
import json
import xmlrpc.client

from .test_http import PASSWORD, AccountsHttpCase


class TestDelegationRpc(AccountsHttpCase):

    def _ids(self, env):
        ref = env.ref
        return {
            'admin': env['res.users'].search([('login', '=', 'http_admin_a')]).id,
            'chv': env['res.users'].search([('login', '=', 'http_chv_a')]).id,
            'reader_role': ref('thads_accounts.role_national_reader').id,
            'national_role': ref('thads_accounts.role_national_admin').id,
            'executor_role': ref('thads_accounts.role_executor').id,
            'national': ref('thads_accounts.group_thads_national').id,
            'root_partner': ref('base.user_root').partner_id.id,
        }

    def test_rpc_role_escalation_refused(self):
        with self.http_env() as env:
            ids = self._ids(env)
            outside = env['res.users'].create({
                'name': 'http_chv_b', 'login': 'http_chv_b', 'thads_office_id': self.province_b}).id
        attempts = [(ids['chv'], ids['reader_role'], 'quyền cấp quốc gia'),
                    (ids['chv'], ids['national_role'], 'quyền cấp quốc gia'),
                    (ids['admin'], ids['executor_role'], 'vai trò của mình'),
                    (outside, ids['executor_role'], 'nằm ngoài phạm vi này')]
        for user_id, role_id, message in attempts:
            with self.assertRaises(xmlrpc.client.Fault, msg=message) as ctx:
                self._rpc('http_admin_a', 'res.users.role.line', 'create', {'user_id': user_id, 'role_id': role_id})
            self.assertIn(message, ctx.exception.faultString)
        # then reapplying the roles gives nothing
        self._rpc('http_admin_a', 'res.users', 'set_groups_from_roles', [ids['chv']])
        with self.http_env() as env:
            self.assertFalse(env['res.users.role.line'].search([('user_id', 'in', [ids['chv'], ids['admin'], outside])]))
            self.assertNotIn(ids['national'], env['res.users'].browse(ids['chv']).groups_id.ids)
        # a role without national rights, in the subtree: granted
        self._rpc('http_admin_a', 'res.users', 'write', [ids['chv']],
                  {'role_line_ids': [(0, 0, {'role_id': ids['executor_role']})]})
        with self.http_env() as env:
            self.assertEqual(env['res.users'].browse(ids['chv']).role_ids.ids, [ids['executor_role']])

    def test_rpc_builtin_administrator_partner_refused(self):
        with self.http_env() as env:
            ids = self._ids(env)
            email = env['res.partner'].browse(ids['root_partner']).email
        with self.assertRaises(xmlrpc.client.Fault):
            self._rpc('http_admin_a', 'res.partner', 'write', [ids['root_partner']], {'email': 'evil@example.com'})
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self._rpc('http_admin_a', 'res.users', 'write', [1], {'email': 'evil@example.com'})
        self.assertIn('quyền cấp quốc gia', ctx.exception.faultString)
        with self.http_env() as env:
            self.assertEqual(env['res.partner'].browse(ids['root_partner']).email, email)

    def _create_officer(self, password, context=None):
        kwargs = {'context': context} if context else {}
        uid = self.xmlrpc_common.authenticate(self.db, 'http_admin_a', PASSWORD, {})
        return self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, 'res.users', 'create', [{
            'name': 'Cán bộ mới', 'login': 'new_officer', 'thads_office_id': self.province_a,
            'lang': 'vi_VN', 'thads_initial_password': password}], kwargs)

    def test_rpc_new_officer_must_change_password(self):
        with self.assertRaises(xmlrpc.client.Fault) as ctx:  # the policy holds on create
            self._create_officer('1')
        self.assertIn('Mật khẩu phải có', ctx.exception.faultString)
        # the context key of the issue changes nothing
        new_id = self._create_officer('Ban@Dau2026', {'thads_force_password_change': False})
        # XML-RPC: neither login nor calls
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.xmlrpc_common.authenticate(self.db, 'new_officer', 'Ban@Dau2026', {})
        self.assertIn('phải được đổi', ctx.exception.faultString)
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.xmlrpc_object.execute_kw(self.db, new_id, 'Ban@Dau2026', 'res.users', 'read', [[new_id], ['name']])
        self.assertIn('phải được đổi', ctx.exception.faultString)
        # JSON-RPC, and the web client's JSON login
        reply = self.opener.post(self.url('/jsonrpc'), timeout=30, json={
            'jsonrpc': '2.0', 'method': 'call', 'params': {
                'service': 'object', 'method': 'execute',
                'args': [self.db, new_id, 'Ban@Dau2026', 'res.users', 'search_count', []]}}).json()
        self.assertIn('phải được đổi', json.dumps(reply['error'], ensure_ascii=False))
        reply = self.opener.post(self.url('/web/session/authenticate'), timeout=30, json={
            'jsonrpc': '2.0', 'method': 'call', 'params': {
                'db': self.db, 'login': 'new_officer', 'password': 'Ban@Dau2026'}}).json()
        self.assertIn('phải được đổi', json.dumps(reply.get('error'), ensure_ascii=False))
        # the web login form sends the officer to the reset page
        page = self._login_page('new_officer', 'Ban@Dau2026')
        self.assertIn('/web/reset_password', self._redirect_target(page) or '')
        # once changed there (auth_signup writes it with superuser rights), RPC works
        with self.http_env() as env:
            env['res.users'].browse(new_id).write({'password': 'Cua@Toi2026'})
        uid = self.xmlrpc_common.authenticate(self.db, 'new_officer', 'Cua@Toi2026', {})
        self.assertEqual(uid, new_id)
        self.assertEqual(self.xmlrpc_object.execute_kw(self.db, uid, 'Cua@Toi2026', 'res.users', 'read',
                                                       [[uid], ['name']])[0]['name'], 'Cán bộ mới')
