"""Sign-in with the ministry's directory, against the real OpenLDAP server
that `./thads test` starts (config/ldap/demo.ldif; THADS_LDAP_URI and the
directory administrator's credentials in the environment): no mock.

Over XML-RPC and the web login page: first sign-in provisions the account
in the office of its unit code with no role, an office administrator gives
the role; wrong password, unknown user and unknown office refused and
traced; five failures lock the account out; a disabled account is refused
at the next sign-in and the daily check flags a removed one; directory
users change their mail password, not this one; local accounts keep the
local password policy.  LDAPS and StartTLS against the same directory, whose
certificate comes from a throwaway authority that ./thads makes and passes
to the clients (LDAPTLS_CACERT): the certificate is checked."""
import json
import os
import re
import subprocess
import tempfile
import xmlrpc.client

import ldap
import ldap.modlist

from odoo.addons.password_security.exceptions import PassError
from odoo.tools import mute_logger

from .common import ThadsHttpCase

PASSWORD = 'Thads@2026'      # every officer of the demo directory
AN = 'nguyen.van.an@moj.gov.vn'        # THADS.HN.KV01
BINH = 'tran.thi.binh@moj.gov.vn'      # THADS.HN.KV02
CUONG = 'le.van.cuong@moj.gov.vn'      # THADS.HCM.KV01
DUNG = 'pham.thi.dung@moj.gov.vn'      # THADS.HN
EM = 'hoang.van.em@moj.gov.vn'         # THADS.XX.KV99: no office
GIANG = 'vu.thi.giang@moj.gov.vn'      # disabled
PEOPLE = 'ou=people,dc=moj,dc=gov,dc=vn'


def directory_admin():
    """A connection to the test directory as its administrator."""
    uri = os.environ.get('THADS_LDAP_URI')
    if not uri:
        raise AssertionError('THADS_LDAP_URI is not set: run these tests with ./thads test, which starts '
                             'the directory (README "Sign-in with the ministry\'s directory")')
    conn = ldap.initialize(uri)
    conn.simple_bind_s(os.environ['THADS_LDAP_ADMIN_DN'], os.environ['THADS_LDAP_ADMIN_PASSWORD'])
    return conn


class TestDirectorySignIn(ThadsHttpCase):

    def setUp(self):
        super(TestDirectorySignIn, self).setUp()
        self.db = self.registry.db_name
        self.ldap = directory_admin()
        self.addCleanup(self.ldap.unbind_s)
        with self.http_env() as env:
            conf = env['res.company.ldap'].search([('thads_from_config', '=', True)])
            # the directory comes from the configuration file ./thads writes
            self.assertEqual(len(conf), 1)
            self.assertEqual('ldap://127.0.0.1:%s' % conf.ldap_server_port, os.environ['THADS_LDAP_URI'])

    # ------------------------------------------------------------ helpers
    def _user(self, env, login):
        return env['res.users'].with_context(active_test=False).search([('login', '=', login)])

    def _login_page(self, login, password):
        page = self.opener.get(self.url('/web/login'), timeout=30)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.opener.post(self.url('/web/login'), timeout=30, allow_redirects=False, data={
            'login': login, 'password': password, 'csrf_token': token, 'redirect': '/web'})

    @staticmethod
    def _redirect_target(response):
        if response.status_code in (301, 302, 303):
            return response.headers['Location']
        match = re.search(r"window.location = '([^']*)'", response.text)
        return match and match.group(1)

    def _add_officer(self, uid, code):
        dn = 'uid=%s,%s' % (uid, PEOPLE)
        self.ldap.add_s(dn, ldap.modlist.addModlist({
            'objectClass': [b'top', b'inetOrgPerson'], 'uid': [uid.encode()], 'cn': [b'Can bo thu'],
            'sn': [b'Thu'], 'mail': [('%s@moj.gov.vn' % uid).encode()], 'departmentNumber': [code.encode()],
            'userPassword': [PASSWORD.encode()]}))
        self.addCleanup(self._delete_entry, dn)
        return '%s@moj.gov.vn' % uid, dn

    def _delete_entry(self, dn):
        try:
            self.ldap.delete_s(dn)
        except ldap.NO_SUCH_OBJECT:
            pass

    def _attempts(self, login):
        with self.http_env() as env:
            return env['res.authentication.attempt'].search([('login', '=', login)], order='id').mapped('result')

    # ------------------------------------------------------------ tests
    def test_first_sign_in_xmlrpc_provisions_without_role_and_office_admin_grants(self):
        uid = self.xmlrpc_common.authenticate(self.db, AN, PASSWORD, {})
        self.assertTrue(uid)
        with self.http_env() as env:
            user = self._user(env, AN)
            self.assertEqual(user.id, uid)
            self.assertEqual(user.name, 'Nguyễn Văn An')
            self.assertEqual(user.thads_office_id, env.ref('thads_accounts.office_hn_kv1_demo'))
            self.assertTrue(user.thads_directory_user)
            self.assertEqual(user.thads_directory_dn, 'uid=nguyen.van.an,%s' % PEOPLE)
            # the base internal user and nothing of THADS
            self.assertTrue(user.has_group('base.group_user'))
            self.assertFalse(user.thads_has_role)
            self.assertFalse(user.has_group('thads_accounts.group_thads_user'))
            # the password never sits in the database
            env.cr.execute('SELECT password, password_crypt FROM res_users WHERE id = %s', (uid,))
            self.assertEqual(env.cr.fetchone(), (None, None))
            executor = env.ref('thads_accounts.group_thads_executor').id
        self.assertEqual(self._attempts(AN), ['successful'])
        # a user without a role sees no THADS record
        with self.assertRaises(xmlrpc.client.Fault):
            self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, 'thads.directory.office', 'search', [[]])
        # the office administrator of Hà Nội finds the account in the queue and gives a role
        admin = self.xmlrpc_common.authenticate(self.db, 'quantri.hn', PASSWORD, {})
        self.assertTrue(admin)
        with self.http_env() as env:
            queue = env.ref('thads_accounts.res_users_action_directory_queue')
            domain = eval(queue.domain)  # noqa: S307 - our own action's literal domain
        queued = self.xmlrpc_object.execute_kw(self.db, admin, PASSWORD, 'res.users', 'search', [domain])
        self.assertIn(uid, queued)
        self.xmlrpc_object.execute_kw(self.db, admin, PASSWORD, 'res.users', 'write',
                                      [[uid], {'groups_id': [(4, executor)]}])
        queued = self.xmlrpc_object.execute_kw(self.db, admin, PASSWORD, 'res.users', 'search', [domain])
        self.assertNotIn(uid, queued)
        with self.http_env() as env:
            self.assertTrue(self._user(env, AN).has_group('thads_accounts.group_thads_executor'))
        # the next sign-in goes to the directory again and keeps the role
        self.assertEqual(self.xmlrpc_common.authenticate(self.db, AN, PASSWORD, {}), uid)

    def test_first_sign_in_on_the_web_login_page(self):
        response = self._login_page(BINH, PASSWORD)
        self.assertEqual(self._redirect_target(response), '/web')
        with self.http_env() as env:
            user = self._user(env, BINH)
            self.assertEqual(user.thads_office_id, env.ref('thads_accounts.office_hn_kv2_demo'))
            self.assertFalse(user.thads_has_role)
        web = self.opener.get(self.url('/web'), timeout=30, allow_redirects=False)
        self.assertEqual(web.status_code, 200)

    def test_wrong_password_and_unknown_user_refused_and_traced(self):
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, DUNG, 'Sai@2026', {}))
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, 'khong.co@moj.gov.vn', PASSWORD, {}))
        response = self._login_page(DUNG, 'Sai@2026')
        self.assertNotEqual(self._redirect_target(response), '/web')
        with self.http_env() as env:
            self.assertFalse(self._user(env, DUNG))
            self.assertFalse(self._user(env, 'khong.co@moj.gov.vn'))
        self.assertEqual(self._attempts(DUNG), ['failed', 'failed'])
        self.assertEqual(self._attempts('khong.co@moj.gov.vn'), ['failed'])

    def test_unknown_office_code_refused_with_message_and_traced(self):
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, EM, PASSWORD, {}))
        response = self._login_page(EM, PASSWORD)
        self.assertEqual(response.status_code, 200)
        self.assertIn('không tương ứng với cơ quan THADS nào', response.text)
        self.assertIn('THADS.XX.KV99', response.text)
        with self.http_env() as env:
            self.assertFalse(self._user(env, EM))
            traces = env['thads.access.denial'].search([('login', '=', EM)])
            self.assertEqual(len(traces), 2)  # one per sign-in
            self.assertEqual(set(traces.mapped('source')), {'directory'})
            self.assertIn('THADS.XX.KV99', traces[0].reason)
        self.assertEqual(self._attempts(EM), ['failed', 'failed'])

    def test_five_failures_lock_a_directory_account_out(self):
        self.assertTrue(self.xmlrpc_common.authenticate(self.db, CUONG, PASSWORD, {}))
        for _attempt in range(5):
            self.assertFalse(self.xmlrpc_common.authenticate(self.db, CUONG, 'Sai@2026', {}))
        # the right password no longer opens the account from this address
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, CUONG, PASSWORD, {}))
        attempts = self._attempts(CUONG)
        self.assertEqual(len(attempts), 7)
        self.assertEqual(attempts[0], 'successful')
        self.assertLessEqual(set(attempts[1:6]), {'failed', 'banned'})
        self.assertEqual(attempts[-1], 'banned')
        with self.http_env() as env:
            self.assertEqual(self._user(env, CUONG).thads_office_id,
                             env.ref('thads_accounts.office_hcm_kv1_demo'))

    def test_disabled_refused_at_next_sign_in_and_daily_check_flags_removed(self):
        # a disabled mail account never gets an account
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, GIANG, PASSWORD, {}))
        with self.http_env() as env:
            self.assertFalse(self._user(env, GIANG))
        leaving, leaving_dn = self._add_officer('test.nghi.viec', 'THADS.HN.KV01')
        removed, removed_dn = self._add_officer('test.chuyen.cong.tac', 'THADS.HN.KV02')
        for login in (leaving, removed):
            self.assertTrue(self.xmlrpc_common.authenticate(self.db, login, PASSWORD, {}))
        self.assertTrue(self.xmlrpc_common.authenticate(self.db, AN, PASSWORD, {}))
        # disabled in the directory: refused at the next sign-in, web page too
        self.ldap.modify_s(leaving_dn, [(ldap.MOD_ADD, 'employeeType', [b'disabled'])])
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, leaving, PASSWORD, {}))
        self.assertNotEqual(self._redirect_target(self._login_page(leaving, PASSWORD)), '/web')
        # removed: the daily check flags it for the office administrator, and the disabled one
        self.ldap.delete_s(removed_dn)
        with self.http_env() as env:
            env.ref('thads_accounts.cron_directory_check').method_direct_trigger()
            flagged = env['res.users'].search([('thads_directory_missing', '=', True)])
            self.assertEqual(set(flagged.mapped('login')), {leaving, removed})
            self.assertTrue(self._user(env, removed).thads_directory_missing_since)
            self.assertFalse(self._user(env, AN).thads_directory_missing)
            queue = env.ref('thads_accounts.res_users_action_directory_queue')
            domain = eval(queue.domain)  # noqa: S307 - our own action's literal domain
        admin = self.xmlrpc_common.authenticate(self.db, 'quantri.hn', PASSWORD, {})
        queued = self.xmlrpc_object.execute_kw(self.db, admin, PASSWORD, 'res.users', 'search_read',
                                               [domain + [('thads_directory_missing', '=', True)]], {'fields': ['login']})
        self.assertEqual({row['login'] for row in queued}, {leaving, removed})
        # back in the directory: the flag goes
        self.ldap.modify_s(leaving_dn, [(ldap.MOD_DELETE, 'employeeType', None)])
        with self.http_env() as env:
            env.ref('thads_accounts.cron_directory_check').method_direct_trigger()
            self.assertFalse(self._user(env, leaving).thads_directory_missing)
            self.assertTrue(self._user(env, removed).thads_directory_missing)

    def test_change_password_screen_points_to_the_mail_account(self):
        uid = self.xmlrpc_common.authenticate(self.db, AN, PASSWORD, {})
        # the preferences form shows the notice instead of the button
        arch = self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, 'res.users', 'fields_view_get', [],
                                             {'view_id': self._view_id('base.view_users_form_simple_modif'),
                                              'view_type': 'form'})['arch']
        self.assertIn('thads_directory_password', arch)
        me = self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, 'res.users', 'read', [[uid]],
                                           {'fields': ['thads_directory_user']})
        self.assertTrue(me[0]['thads_directory_user'])
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, 'res.users', 'preference_change_password',
                                          [[uid]], {'context': {'lang': 'vi_VN'}})
        self.assertIn('thư công vụ', ctx.exception.faultString)
        # the web client's change-password dialog
        self.assertEqual(self._redirect_target(self._login_page(AN, PASSWORD)), '/web')
        reply = self.opener.post(self.url('/web/session/change_password'), timeout=30, data=json.dumps({
            'jsonrpc': '2.0', 'method': 'call', 'params': {'fields': [
                {'name': 'old_pwd', 'value': PASSWORD}, {'name': 'new_password', 'value': 'Moi@Khoe2026'},
                {'name': 'confirm_pwd', 'value': 'Moi@Khoe2026'}]}}),
            headers={'Content-Type': 'application/json'}).json()
        self.assertIn('thư công vụ', reply['result']['error'])
        # nothing changed: no local password, the mail password still opens the account
        with self.http_env() as env:
            env.cr.execute('SELECT password, password_crypt FROM res_users WHERE id = %s', (uid,))
            self.assertEqual(env.cr.fetchone(), (None, None))
            with self.assertRaises(Exception):
                self._user(env, AN).sudo().write({'password': 'Moi@Khoe2026'})
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, AN, 'Moi@Khoe2026', {}))
        self.assertEqual(self.xmlrpc_common.authenticate(self.db, AN, PASSWORD, {}), uid)

    def test_local_account_keeps_the_local_password_policy(self):
        # a local account whose login is also a mail address of the directory
        with self.http_env() as env:
            local = env['res.users'].create({
                'name': 'Tài khoản cục bộ', 'login': DUNG, 'password': 'Cuc@Bo2026',
                'thads_office_id': env.ref('thads_accounts.office_hn_demo').id,
                'groups_id': [(6, 0, [env.ref('thads_accounts.group_thads_user').id])]})
            local_id = local.id
        # the directory password does not open it; its own password does
        self.assertFalse(self.xmlrpc_common.authenticate(self.db, DUNG, PASSWORD, {}))
        self.assertEqual(self.xmlrpc_common.authenticate(self.db, DUNG, 'Cuc@Bo2026', {}), local_id)
        with self.http_env() as env:
            local = env['res.users'].browse(local_id)
            self.assertFalse(local.thads_directory_user)
            with self.assertRaises(PassError):
                local.write({'password': 'yeu'})
            local.write({'password': 'Moi@Khoe2026'})
        self.assertEqual(self.xmlrpc_common.authenticate(self.db, DUNG, 'Moi@Khoe2026', {}), local_id)

    def _view_id(self, xmlid):
        with self.http_env() as env:
            return env.ref(xmlid).id

    def test_sign_in_over_ldaps_and_starttls_checks_the_certificate(self):
        port = os.environ.get('THADS_LDAPS_PORT')
        self.assertTrue(port and os.environ.get('LDAPTLS_CACERT'),
                        'run with ./thads test: it starts the directory with LDAPS (README "Sign-in with '
                        'the ministry\'s directory")')
        # the certificate is checked: without the authority it is refused
        def bind(cafile):
            probe = ldap.initialize('ldaps://127.0.0.1:%s' % port)
            probe.set_option(ldap.OPT_X_TLS_CACERTFILE, cafile)
            probe.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
            probe.set_option(ldap.OPT_X_TLS_NEWCTX, 0)
            probe.simple_bind_s(os.environ['THADS_LDAP_ADMIN_DN'], os.environ['THADS_LDAP_ADMIN_PASSWORD'])
            probe.unbind_s()
        bind(os.environ['LDAPTLS_CACERT'])
        with tempfile.TemporaryDirectory() as folder:
            other = os.path.join(folder, 'other-ca.pem')
            subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj',
                            '/CN=Another authority', '-keyout', os.path.join(folder, 'key.pem'), '-out', other],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with self.assertRaises(ldap.SERVER_DOWN):
                bind(other)
        with self.http_env() as env:
            conf = env['res.company.ldap'].search([('thads_from_config', '=', True)])
            plain = conf.ldap_server_port
            conf.write({'is_ssl': True, 'ldap_tls': False, 'ldap_server_port': int(port)})
        # OCA auth_ldaps: ldaps://127.0.0.1:<port>
        uid = self.xmlrpc_common.authenticate(self.db, AN, PASSWORD, {})
        self.assertTrue(uid)
        with self.http_env() as env:
            self.assertEqual(self._user(env, AN).thads_office_id, env.ref('thads_accounts.office_hn_kv1_demo'))
            env['res.company.ldap'].browse(conf.id).write({'is_ssl': False, 'ldap_tls': True,
                                                          'ldap_server_port': plain})
        # auth_ldap's "Use TLS": StartTLS on the plain port
        self.assertTrue(self.xmlrpc_common.authenticate(self.db, BINH, PASSWORD, {}))
        # LDAPS spoken to the plain port: no TLS handshake, no sign-in (auth_ldap logs the
        # connection error: expected here)
        with self.http_env() as env:
            env['res.company.ldap'].browse(conf.id).write({'is_ssl': True, 'ldap_tls': False})
        with mute_logger('odoo.addons.auth_ldap.models.res_company_ldap'):
            self.assertFalse(self.xmlrpc_common.authenticate(self.db, CUONG, PASSWORD, {}))
