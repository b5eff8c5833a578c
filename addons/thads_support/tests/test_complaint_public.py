"""Issue 20: the public complaint form over real HTTP, with the support
forms' protections: a valid complaint is received online; a wrong day, a
bad identity number or a missing CSRF token stores nothing; the rate limit
counts complaints as requests of the address."""
import re

import requests

from odoo.addons.thads_accounts.tests.common import ThadsHttpCase

FORM = '/khieu-nai-truc-tuyen'


class TestComplaintPublic(ThadsHttpCase):

    def setUp(self):
        super(TestComplaintPublic, self).setUp()
        with self.http_env() as env:
            self.office_id = env.ref('thads_accounts.office_national').search(
                [('kind', '=', 'region'), ('is_system', '=', True), ('date_end', '=', False)], limit=1).id
            env['ir.config_parameter'].set_param('thads_support.rate_limit_per_hour', '2')
        self.session = requests.Session()

    def post(self, data=None, csrf=True):
        values = {'office_id': self.office_id, 'applicant_name': 'Lê Thị Khiếu', 'applicant_id_number': '001190001111',
                  'applicant_email': 'khieu@example.com', 'content': 'Khiếu nại quyết định cưỡng chế.',
                  'measure': 'coercion', 'date_known': '2020-01-02', 'subject_document': '15/QĐ-CCTHA'}
        values.update(data or {})
        if csrf:
            page = self.session.get(self.url(FORM), timeout=60)
            self.assertEqual(page.status_code, 200)
            values['csrf_token'] = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.session.post(self.url(FORM), data=values, timeout=60)

    def count(self):
        with self.http_env() as env:
            return env['thads.complaint'].search_count([])

    def test_submission_protections(self):
        before = self.count()
        for bad in ({'date_known': '2999-01-01'}, {'date_known': 'hôm qua'}, {'applicant_id_number': '123'},
                    {'applicant_email': 'khong-phai-email'}):
            response = self.post(bad)
            self.assertEqual(response.status_code, 200)
            self.assertIn('o_thads_errors', response.text, bad)
        self.assertEqual(self.post(csrf=False).status_code, 400)
        self.assertEqual(self.count(), before)
        response = self.post({'applicant_name': '<script>alert(1)</script>'})
        code = re.search(r'o_thads_receipt_code">([A-Z0-9-]+)<', response.text).group(1)
        with self.http_env() as env:
            complaint = env['thads.complaint'].search([('name', '=', code)])
            self.assertEqual((complaint.channel, complaint.kind, complaint.measure, complaint.subject_document),
                             ('online', 'complaint', 'coercion', '15/QĐ-CCTHA'))
            # filed years after the notice: the limitation check marks it late
            self.assertTrue(complaint.late)
            self.assertEqual(complaint.request_id.client_ip, '127.0.0.1')
        self.post()
        self.assertEqual(self.count(), before + 2)
        limited = self.post()  # third from the address within the hour
        self.assertIn('o_thads_errors', limited.text)
        self.assertEqual(self.count(), before + 2)
