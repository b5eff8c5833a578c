"""Vietnamese where Odoo and OCA modules draw the back office (issue 18):
the title of the server's error dialogs, the login attempts of
auth_brute_force, and the agency's emblem instead of Odoo's logo."""
import base64
import hashlib
import io
import json
import os

from PIL import Image

from odoo.modules.module import get_module_path, get_module_resource
from odoo.tests.common import TransactionCase, at_install, post_install

from .test_http import PASSWORD, AccountsHttpCase

JS = 'static/src/js/crash_manager.js'


def pixels(data):
    """A digest of the image's pixels (short in a failure message)."""
    return hashlib.sha1(Image.open(io.BytesIO(data)).convert('RGBA').tobytes()).hexdigest()


@at_install(False)
@post_install(True)
class TestOcaInVietnamese(TransactionCase):

    def setUp(self):
        super(TestOcaInVietnamese, self).setUp()
        self.vi = self.env(context={'lang': 'vi_VN'})

    def test_login_attempt_labels(self):
        Attempt = self.vi['res.authentication.attempt']
        fields = Attempt.fields_get(['login', 'remote', 'result'])
        self.assertEqual(fields['login']['string'], 'Tên đăng nhập đã thử')
        self.assertEqual(fields['remote']['string'], 'Địa chỉ IP')
        self.assertEqual(fields['result']['string'], 'Kết quả đăng nhập')
        self.assertEqual(dict(fields['result']['selection']),
                         {'successful': 'Thành công', 'failed': 'Thất bại', 'banned': 'Bị chặn'})
        self.assertEqual(self.vi['ir.model']._get('res.authentication.attempt').name, 'Lượt đăng nhập')
        self.assertEqual(self.vi.ref('auth_brute_force.menu_res_authentication_attempt').name, 'Lượt đăng nhập')
        self.assertEqual(self.vi.ref('auth_brute_force.action_res_authentication_attempt').name, 'Lượt đăng nhập')
        # OCA's own views (Settings > Users > Lượt đăng nhập)
        search = Attempt.fields_view_get(self.vi.ref('auth_brute_force.view_res_authentication_attempt_search').id,
                                         'search')['arch']
        for label in ('Không thành công', 'Bị chặn', 'Thất bại', 'Thành công'):
            self.assertIn('string="%s"' % label, search)
        form = Attempt.fields_view_get(self.vi.ref('auth_brute_force.view_res_authentication_attempt_form').id,
                                       'form')['arch']
        self.assertIn('Thêm địa chỉ IP vào danh sách tin cậy', form)
        self.assertIn('Bỏ địa chỉ IP khỏi danh sách tin cậy', form)
        # THADS's list (Quản trị > Lượt đăng nhập): no label left in English
        view = Attempt.fields_view_get(self.vi.ref('thads_accounts.res_authentication_attempt_view_tree').id, 'tree')
        english = self.env(context={'lang': 'en_US'})['res.authentication.attempt'].fields_get(list(view['fields']))
        for name, field in view['fields'].items():
            self.assertNotEqual(field['string'], english[name]['string'], name)

    def test_company_logo_is_the_emblem(self):
        """The main company shows the drawn emblem placeholder, not Odoo's logo."""
        company = self.env.ref('base.main_company')
        self.assertTrue(company.logo)
        with open(get_module_resource('base', 'res', 'res_company_logo.png'), 'rb') as handle:
            self.assertNotEqual(pixels(base64.b64decode(company.logo)), pixels(handle.read()))
        with open(get_module_resource('thads_accounts', 'static', 'src', 'img', 'emblem.png'), 'rb') as handle:
            self.assertEqual(pixels(base64.b64decode(company.logo)), pixels(handle.read()))


class TestWebClientInVietnamese(AccountsHttpCase):

    def _json(self, path, params):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'params': params}
        return self.opener.post(self.url(path), data=json.dumps(payload), timeout=30,
                                headers={'Content-Type': 'application/json'}).json()

    def test_server_error_title_in_vietnamese(self):
        # the server titles its error answers with a fixed English string (here a refusal) ...
        self._login_page('http_chv_a', PASSWORD)
        reply = self._json('/web/dataset/call_kw', {
            'model': 'res.groups', 'method': 'check_access_rights', 'args': ['unlink'], 'kwargs': {}})
        self.assertEqual(reply['error']['data']['exception_type'], 'access_error')
        self.assertEqual(reply['error']['message'], 'Odoo Server Error')
        # ... which the web client's error dialogs name through this file ...
        with open(os.path.join(get_module_path('thads_accounts'), JS)) as handle:
            self.assertIn("'Odoo Server Error': _lt(\"Odoo Server Error\")", handle.read())
        with self.http_env() as env:
            bundle = env.ref('web.assets_backend').read_combined(['arch'])['arch']
        self.assertIn('/thads_accounts/' + JS, bundle)
        # ... and the web client's translations give them in Vietnamese, merged as the client
        # does (translation.js set_bundle: every installed module, web first, then by name,
        # a later module's text replacing an earlier one's)
        modules = self._json('/web/webclient/translations', {'lang': 'vi_VN'})['result']['modules']
        terms = {}
        for name in ['web'] + sorted(set(modules) - {'web'}):
            terms.update((message['id'], message['string']) for message in modules[name]['messages'])
        self.assertEqual(terms.get('Odoo Server Error'), 'Lỗi máy chủ')
        self.assertEqual(terms.get('Server notice'), 'Thông báo của hệ thống')  # a warning's title
        for title in ('Odoo Session Invalid', 'Odoo Session Expired', '404: Not Found'):
            self.assertTrue(terms.get(title) and terms[title] != title, title)
        # the other words of the dialogs are Odoo's own, already translated
        for text in ('Copy the full error to clipboard', 'An error occurred', 'See details', 'Ok', 'Warning'):
            self.assertTrue(terms.get(text) and terms[text] != text, text)

    def test_company_logo_served(self):
        """The back office's logo (/web/binary/company_logo) is the emblem."""
        response = self.opener.get(self.url('/web/binary/company_logo'), timeout=30)
        self.assertEqual(response.status_code, 200)
        with self.http_env() as env:
            logo_web = base64.b64decode(env.ref('base.main_company').logo_web)
        self.assertEqual(response.content, logo_web)
        with open(get_module_resource('web', 'static', 'src', 'img', 'logo.png'), 'rb') as handle:
            self.assertNotEqual(response.content, handle.read())
        emblem = Image.open(io.BytesIO(response.content)).convert('RGB')
        red, green, blue = emblem.getpixel((emblem.width * 3 // 10, emblem.height // 2))
        self.assertGreater(red, 150)  # the emblem's red disc (Odoo's logo is purple and grey)
        self.assertLess(green, 80)
