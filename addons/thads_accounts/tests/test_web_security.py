"""Over real HTTP: redirects stay on this site, security headers and cookie
flags on every response, HSTS and Secure cookies behind TLS."""
import re

import odoo
import requests

from .common import ThadsHttpCase

PASSWORD = 'Test@2026pass'
OFF_SITE = ('https://evil.example/x', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)',
            '/\tevil', 'http:/evil.example')


class TestWebSecurity(ThadsHttpCase):

    def setUp(self):
        super(TestWebSecurity, self).setUp()
        with self.http_env() as env:
            env['res.users'].create({
                'name': 'web_sec', 'login': 'web_sec', 'password': PASSWORD, 'email': 'web_sec@thads.example.vn',
                'thads_office_id': env.ref('thads_accounts.office_national').id,
                'groups_id': [(6, 0, [env.ref('thads_accounts.group_thads_executor').id])]})
        self.session = requests.Session()

    def _login(self, redirect):
        page = self.session.get(self.url('/web/login'), timeout=30)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.session.post(self.url('/web/login'), timeout=30, allow_redirects=False, data={
            'login': 'web_sec', 'password': PASSWORD, 'csrf_token': token, 'redirect': redirect})

    @staticmethod
    def _target(response):
        if response.status_code in (301, 302, 303):
            return response.headers['Location']
        match = re.search(r"window.location = '([^']*)'", response.text)
        return match and match.group(1)

    def test_redirects_stay_on_this_site(self):
        for url in OFF_SITE:
            target = self._target(self._login(url))
            self.assertIn(target, ('/web', '/web?'), url)  # website adds the query string
            # logged in: the login page does not bounce off-site either
            page = self.session.get(self.url('/web/login'), params={'redirect': url}, timeout=30,
                                    allow_redirects=False)
            self.assertNotIn('evil', self._target(page) or '', url)
            logout = self.session.get(self.url('/web/session/logout'), params={'redirect': url}, timeout=30,
                                      allow_redirects=False)
            self.assertEqual(logout.status_code, 303)
            self.assertEqual(logout.headers['Location'], self.url('/web'), url)
        # paths of this site are kept
        self.assertEqual(self._target(self._login('/web#action=1')), '/web#action=1')
        logout = self.session.get(self.url('/web/session/logout'), params={'redirect': '/web/login'},
                                  timeout=30, allow_redirects=False)
        self.assertEqual(logout.headers['Location'], self.url('/web/login'))

    def _assert_headers(self, response, path):
        self.assertIn("script-src 'self' 'unsafe-inline' 'unsafe-eval'", response.headers['Content-Security-Policy'],
                      path)
        self.assertIn("object-src 'none'", response.headers['Content-Security-Policy'], path)
        self.assertEqual(response.headers['X-Content-Type-Options'], 'nosniff', path)
        self.assertEqual(response.headers['Referrer-Policy'], 'same-origin', path)
        self.assertIn(response.headers['X-Frame-Options'], ('SAMEORIGIN', 'DENY'), path)

    def test_security_headers_and_cookie_flags(self):
        login = self.session.get(self.url('/web/login'), timeout=30)
        self._assert_headers(login, '/web/login')
        cookie = login.headers['Set-Cookie']
        self.assertIn('session_id=', cookie)
        self.assertIn('SameSite=Lax', cookie)
        self.assertNotIn('Secure', cookie)  # plain HTTP: a Secure cookie would never come back
        self.assertNotIn('Strict-Transport-Security', login.headers)
        for path in ('/web/webclient/version_info', '/nothing-here', '/web/login?redirect=/web'):
            response = self.session.get(self.url(path), timeout=30, allow_redirects=False)
            self._assert_headers(response, path)
        # JSON-RPC answers too
        json_reply = self.session.post(self.url('/web/webclient/version_info'), json={'params': {}}, timeout=30)
        self._assert_headers(json_reply, 'json')
        # behind the TLS proxy (proxy_mode on): HSTS and Secure cookies; without proxy_mode the header is ignored
        forwarded = {'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': '127.0.0.1',
                     'X-Forwarded-For': '198.51.100.7'}
        plain = requests.get(self.url('/web/login'), headers=forwarded, timeout=30)
        self.assertNotIn('Strict-Transport-Security', plain.headers)
        self.patch(odoo.tools.config, 'options', dict(odoo.tools.config.options, proxy_mode=True))
        tls = requests.get(self.url('/web/login'), headers=forwarded, timeout=30)
        self.assertIn('max-age=', tls.headers['Strict-Transport-Security'])
        self.assertIn('Secure', tls.headers['Set-Cookie'])
        self.assertIn('SameSite=Lax', tls.headers['Set-Cookie'])
