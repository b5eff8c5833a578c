"""The public pages over real HTTP, in Vietnamese (the website language): a valid submission, each invalid input
refused with its message and nothing stored, oversized and forged files,
escaped script, CSRF, the rate limit, and a lookup that reveals nothing."""
import re

import requests

from odoo.addons.thads_accounts.tests.common import ThadsHttpCase
from odoo.addons.thads_case.models.thads_case import replaying

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
FORM = '/ho-tro-truc-tuyen/gui/yeu-cau-thi-hanh-an'


class TestPublicPages(ThadsHttpCase):

    def setUp(self):
        super(TestPublicPages, self).setUp()
        with self.http_env() as env:
            self.office_id = env.ref('thads_accounts.office_national').search(
                [('kind', '=', 'region'), ('is_system', '=', True), ('date_end', '=', False)], limit=1).id
            env['ir.config_parameter'].set_param('thads_support.rate_limit_per_hour', '100')
        self.session = requests.Session()

    def csrf(self, path=FORM):
        page = self.session.get(self.url(path), timeout=60)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def post(self, data=None, files=None, path=FORM, csrf=True):
        values = {'office_id': self.office_id, 'applicant_name': 'Lê Thị Công Dân',
                  'applicant_id_number': '001190001111', 'applicant_email': 'congdan@example.com',
                  'applicant_phone': '0912345678', 'content': 'Đề nghị thi hành án.',
                  'court': 'TAND khu vực 1', 'judgment_number': '99/2026/DS-ST'}
        values.update(data or {})
        if csrf:
            values['csrf_token'] = self.csrf(path)
        return self.session.post(self.url(path), data=values, files=files or [], timeout=60)

    def count(self):
        with self.http_env() as env:
            return env['thads.support.request'].search_count([]), env['ir.attachment'].search_count(
                [('res_model', '=', 'thads.support.request')])

    def test_valid_submission_then_lookup(self):
        before = self.count()
        response = self.post(files=[('attachments', ('ban-an.pdf', PDF, 'application/pdf'))])
        self.assertEqual(response.status_code, 200)
        code = re.search(r'o_thads_receipt_code">([A-Z0-9-]+)<', response.text).group(1)
        self.assertEqual(self.count(), (before[0] + 1, before[1] + 1))
        with self.http_env() as env:
            request = env['thads.support.request'].search([('name', '=', code)])
            self.assertEqual((request.procedure_code, request.applicant_id_number, request.state),
                             ('enforcement', '001190001111', 'received'))
            self.assertEqual(request.office_id.id, self.office_id)
        token = self.csrf('/ho-tro-truc-tuyen/tra-cuu')
        found = self.session.post(self.url('/ho-tro-truc-tuyen/tra-cuu'),
                                  data={'code': code, 'id_number': '001190001111', 'csrf_token': token})
        self.assertIn('o_thads_lookup_result', found.text)
        self.assertIn(code, found.text)
        # the right code with another person's identity number reveals nothing
        wrong = self.session.post(self.url('/ho-tro-truc-tuyen/tra-cuu'),
                                  data={'code': code, 'id_number': '001190002222', 'csrf_token': token})
        self.assertNotIn('o_thads_lookup_result', wrong.text)
        self.assertIn('Không có hồ sơ nào khớp', wrong.text)
        self.assertNotIn('Lê Thị Công Dân', wrong.text)

    def test_invalid_inputs_are_refused_and_nothing_is_stored(self):
        before = self.count()
        cases = [
            ({'applicant_name': ''}, 'Chưa nhập Họ và tên.'),
            ({'applicant_id_number': '12345'}, 'Số định danh phải có 12 chữ số'),
            ({'applicant_email': 'not-an-email'}, 'Địa chỉ email không hợp lệ.'),
            # full-width digits (str.isdigit() and \\d accept them)
            ({'applicant_id_number': '\uff10\uff10\uff11190001111'}, 'Số định danh phải có 12 chữ số'),
            ({'applicant_id_number': '\u0660\u0660\u0661\u0661\u0669\u0660\u0660\u0660\u0661\u0661\u0661\u0661'},
             'Số định danh phải có 12 chữ số'),
            # one address per e-mail field
            ({'applicant_email': 'a,b@evil.com'}, 'Địa chỉ email không hợp lệ.'),
            ({'applicant_email': 'congdan@example.com, b@evil.com'}, 'Địa chỉ email không hợp lệ.'),
            ({'applicant_email': 'congdan@example.com;b@evil.com'}, 'Địa chỉ email không hợp lệ.'),
            ({'applicant_phone': '12'}, 'Số điện thoại không hợp lệ.'),
            ({'office_id': '999999'}, 'Hãy chọn cơ quan thi hành án.'),
            ({'judgment_number': ''}, 'Chưa nhập Số bản án, quyết định.'),
        ]
        for data, message in cases:
            response = self.post(data)
            self.assertEqual(response.status_code, 200)
            self.assertIn('o_thads_errors', response.text, data)
            self.assertIn(message, response.text)
            self.assertIn('Lê Thị Công Dân' if data.get('applicant_name') != '' else 'congdan@example.com',
                          response.text)  # what was typed comes back
            self.assertNotIn('o_thads_receipt_code', response.text, data)
        self.assertEqual(self.count(), before)

    def test_oversized_and_forged_files(self):
        with self.http_env() as env:
            env['ir.config_parameter'].set_param('thads_support.max_upload_mb', '1')
        before = self.count()
        big = self.post(files=[('attachments', ('lon.pdf', PDF + b'0' * (1024 * 1024), 'application/pdf'))])
        self.assertIn('lớn hơn 1 MB', big.text)
        forged = self.post(files=[('attachments', ('gia.pdf', b'<html><script>x</script></html>', 'application/pdf'))])
        self.assertIn('không đúng như tên tệp', forged.text)
        exe = self.post(files=[('attachments', ('virus.exe', b'MZ\x90\x00', 'application/octet-stream'))])
        self.assertIn('chỉ chấp nhận tệp PDF, JPG, PNG và DOCX', exe.text)
        self.assertEqual(self.count(), before)

    def test_script_is_shown_escaped(self):
        response = self.post({'content': '<script>alert("x")</script>', 'applicant_email': 'bad'})
        self.assertIn('&lt;script&gt;alert', response.text)
        self.assertNotIn('<script>alert("x")</script>', response.text)

    def test_csrf_and_rate_limit(self):
        before = self.count()
        response = self.post(csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.count(), before)
        with self.http_env() as env:
            env['ir.config_parameter'].set_param('thads_support.rate_limit_per_hour', '1')
        self.assertIn('o_thads_receipt_code', self.post().text)
        limited = self.post()
        self.assertIn('Có quá nhiều yêu cầu từ địa chỉ', limited.text)
        self.assertEqual(self.count()[0], before[0] + 1)

    def test_published_debtors_only(self):
        with self.http_env() as env:
            def case(name, state):
                debtor = env['res.partner'].create({'name': name})
                record = env['thads.case'].create({
                    'office_id': self.office_id, 'kind': 'theo_yeu_cau', 'date_received': '2026-03-02',
                    'party_ids': [(0, 0, {'partner_id': debtor.id, 'role': 'debtor'})]})
                # derived from events: written here on the journal's privileged path
                replaying(record).write({'publication_state': state, 'publication_date': '2026-06-01',
                                         'no_condition_ground': 'Điều 44a khoản 1 điểm a'})
            case('Công ty Công Khai', 'published')
            case('Ông Chưa Công Khai', 'to_publish')
        page = self.session.get(self.url('/ho-tro-truc-tuyen/chua-co-dieu-kien'), timeout=60).text
        self.assertIn('Công ty Công Khai', page)
        self.assertNotIn('Ông Chưa Công Khai', page)

    def test_other_pages(self):
        for path in ('/ho-tro-truc-tuyen', '/ho-tro-truc-tuyen/gui/kien-nghi-phan-anh',
                     '/ho-tro-truc-tuyen/gui/xac-nhan-ket-qua', '/ho-tro-truc-tuyen/chua-co-dieu-kien'):
            self.assertEqual(self.session.get(self.url(path), timeout=60).status_code, 200, path)
        self.assertEqual(self.session.get(self.url('/ho-tro-truc-tuyen/gui/khac'), timeout=60).status_code, 404)

    def test_bounded_paging(self):
        path = '/ho-tro-truc-tuyen/chua-co-dieu-kien'
        for page in ('99999999999999999999999', '-99999999999999999999999', 'abc', '1e9', '', '0',
                     '9' * 5000, '%00', '1.5'):
            response = self.session.get(self.url(path), params={'page': page}, timeout=60)
            self.assertEqual(response.status_code, 200, page[:30])
        # paths that are not pages of this site: 404, not 500
        for bad in ('/ho-tro-truc-tuyen%2Fgui%2Fkhac', '/ho-tro-truc-tuyen/gui/%2F..%2Fkhac',
                    '/website%2Fstatic%2Fnothing.js'):
            self.assertEqual(self.session.get(self.url(bad), timeout=60).status_code, 404, bad)

    # ------------------------------------------------------ issue 18, point 7
    def test_portal_is_the_agency_site(self):
        root = self.session.get(self.url('/'), timeout=60, allow_redirects=False)
        self.assertIn(root.status_code, (301, 302, 303))
        self.assertTrue(root.headers['Location'].endswith('/ho-tro-truc-tuyen'))
        for path in ('/ho-tro-truc-tuyen', FORM, '/ho-tro-truc-tuyen/tra-cuu', '/ho-tro-truc-tuyen/bo-sung',
                     '/ho-tro-truc-tuyen/lien-he', '/ho-tro-truc-tuyen/chua-co-dieu-kien'):
            page = self.session.get(self.url(path), timeout=60)
            self.assertEqual(page.status_code, 200, path)
            for placeholder in ('Your logo', 'YourCompany', 'My Company', '+1 555', '555-555', 'Create a',
                                'free website', 'fa-facebook', 'fa-twitter', 'Đăng kí',
                                'Website localhost', 'info@yourcompany'):
                self.assertNotIn(placeholder, page.text, '%s: %s' % (path, placeholder))
            self.assertIn('Cục Quản lý thi hành án dân sự', page.text, path)
            self.assertIn('/thads_support/static/src/img/emblem.svg', page.text, path)
            title = re.search(r'<title>(.*?)</title>', page.text, re.S).group(1)
            self.assertTrue(title.strip().endswith('| Cục Quản lý thi hành án dân sự'), title)
            self.assertNotIn('Online support', title)
        index = self.session.get(self.url('/ho-tro-truc-tuyen'), timeout=60).text
        self.assertIn('<title>Hỗ trợ trực tuyến | Cục Quản lý thi hành án dân sự</title>', index)
        self.assertIn('Đăng nhập', index)

    def test_offices_grouped_by_province_and_contact_data(self):
        with self.http_env() as env:
            region = env['thads.office'].browse(self.office_id)
            region.write({'street': 'Số 9 phố Thử Nghiệm', 'phone': '024 3999 0000'})
            province, region_name = region.parent_id.name, region.name
        form = self.session.get(self.url(FORM), timeout=60).text
        group = re.search(r'<optgroup label="%s">(.*?)</optgroup>' % re.escape(province), form, re.S)
        self.assertTrue(group, province)
        self.assertIn(region_name, group.group(1))
        contact = self.session.get(self.url('/ho-tro-truc-tuyen/lien-he'), timeout=60).text
        self.assertIn('Số 9 phố Thử Nghiệm', contact)
        self.assertIn('024 3999 0000', contact)

    def submit_and_code(self):
        response = self.post()
        self.assertIn('o_thads_receipt_code', response.text)
        return re.search(r'o_thads_receipt_code">([A-Z0-9-]+)<', response.text).group(1)

    def test_receipt_code_any_spelling_and_dates(self):
        code = self.submit_and_code()
        token = self.csrf('/ho-tro-truc-tuyen/tra-cuu')
        for typed in (code.replace('-', ''), code.lower(), ' %s ' % code.replace('-', ' ').lower(), code[3:]):
            found = self.session.post(self.url('/ho-tro-truc-tuyen/tra-cuu'),
                                      data={'code': typed, 'id_number': '001190001111', 'csrf_token': token})
            self.assertIn('o_thads_lookup_result', found.text, typed)
            self.assertIn(code, found.text)
            self.assertTrue(re.search(r'<td>\d{2}/\d{2}/\d{4}</td>', found.text))
            self.assertFalse(re.search(r'<td>\d{4}-\d{2}-\d{2}</td>', found.text))

    def test_upload_of_missing_documents(self):
        code = self.submit_and_code()
        path = '/ho-tro-truc-tuyen/bo-sung'

        def upload(files, id_number='001190001111', typed=code):
            return self.session.post(self.url(path), timeout=60, files=files, data={
                'code': typed, 'id_number': id_number, 'csrf_token': self.csrf(path)})

        def attachments():
            with self.http_env() as env:
                request = env['thads.support.request'].search([('name', '=', code)])
                return env['ir.attachment'].search_count([('res_model', '=', request._name),
                                                          ('res_id', '=', request.id)])
        before = attachments()
        pdf = [('attachments', ('bo-sung.pdf', PDF, 'application/pdf'))]
        # not waiting for documents yet: refused
        self.assertIn('không chờ bổ sung', upload(pdf).text)
        with self.http_env() as env:
            request = env['thads.support.request'].search([('name', '=', code)])
            request.guidance_note = 'Nộp bản sao bản án.'
            request.action_incomplete()
        # wrong identity number: the same answer as an unknown code
        wrong = upload(pdf, id_number='001190002222')
        self.assertIn('Không có hồ sơ nào khớp', wrong.text)
        self.assertIn('Không có hồ sơ nào khớp', upload(pdf, typed='HT-AAAA-BBBB-CCCC').text)
        forged = upload([('attachments', ('gia.pdf', b'MZ\x90\x00 not a pdf', 'application/pdf'))])
        self.assertIn('không đúng như tên tệp', forged.text)
        self.assertEqual(attachments(), before)
        done = upload(pdf, typed=code.replace('-', '').lower())
        self.assertIn('o_thads_complete_done', done.text)
        self.assertEqual(attachments(), before + 1)
        with self.http_env() as env:
            request = env['thads.support.request'].search([('name', '=', code)])
            self.assertIn('bo-sung.pdf', request.message_ids[0].body)
            self.assertEqual(request.state, 'waiting')  # the officer checks, then resumes

    def test_debtor_list_address_and_citation(self):
        with self.http_env() as env:
            debtor = env['res.partner'].create({'name': 'Bà Trùng Tên', 'street': 'Thôn Đông, xã Thử'})
            record = env['thads.case'].create({
                'office_id': self.office_id, 'kind': 'theo_yeu_cau', 'date_received': '2026-03-02',
                'party_ids': [(0, 0, {'partner_id': debtor.id, 'role': 'debtor'})]})
            replaying(record).write({'publication_state': 'published', 'publication_date': '2026-06-01',
                                     'no_condition_ground': 'Điều 44a khoản 1 điểm a'})
        page = self.session.get(self.url('/ho-tro-truc-tuyen/chua-co-dieu-kien'), timeout=60).text
        row = re.search(r'<tr>\s*<td>Bà Trùng Tên</td>(.*?)</tr>', page, re.S).group(1)
        self.assertIn('Thôn Đông, xã Thử', row)
        self.assertIn('điểm a khoản 1 Điều 44a', row)
        self.assertNotIn('Điều 44a khoản 1 điểm a', row)
        self.assertIn('01/06/2026', row)
