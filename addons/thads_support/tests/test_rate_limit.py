"""The public rate limit under concurrency, against the running server with
real transactions (not the shared test cursor of HttpCase, which would
serialise the requests): 3 sequential then 4 simultaneous submissions from
one address store no more than the limit of 5.  What the test commits is
removed at the end."""
import re
import threading

import odoo
import requests
from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase, at_install, post_install

FORM = '/ho-tro-truc-tuyen/gui/xac-nhan-ket-qua'
MARK = 'Kiểm thử giới hạn đồng thời'


@at_install(False)
@post_install(True)
class TestRateLimitConcurrency(TransactionCase):

    def _committed(self, func):
        with self.registry.cursor() as cr:
            return func(api.Environment(cr, SUPERUSER_ID, {}))

    def setUp(self):
        super(TestRateLimitConcurrency, self).setUp()
        self.base = 'http://127.0.0.1:%s' % odoo.tools.config['http_port']
        params = self.env['ir.config_parameter']
        old_limit = params.get_param('thads_support.rate_limit_per_hour')
        self.office_id = self.env['thads.office'].search(
            [('kind', '=', 'region'), ('is_system', '=', True), ('date_end', '=', False)], limit=1).id

        def prepare(env):
            env['ir.config_parameter'].set_param('thads_support.rate_limit_per_hour', '5')
            env['thads.support.request'].search([('client_ip', '=', '127.0.0.1')]).write({'client_ip': 'old'})
            env.cr.execute("DELETE FROM thads_support_rate_counter WHERE client_ip = '127.0.0.1'")
        self._committed(prepare)

        def cleanup(env):
            env['ir.config_parameter'].set_param('thads_support.rate_limit_per_hour', old_limit or '5')
            requests_ = env['thads.support.request'].with_context(active_test=False).search(
                [('applicant_name', '=', MARK)])
            env['ir.attachment'].search([('res_model', '=', 'thads.support.request'),
                                         ('res_id', 'in', requests_.ids)]).unlink()
            env['mail.mail'].search([('model', '=', 'thads.support.request'), ('res_id', 'in', requests_.ids)]).unlink()
            requests_.unlink()
            env.cr.execute("DELETE FROM thads_support_rate_counter WHERE client_ip = '127.0.0.1'")
        self.addCleanup(self._committed, cleanup)

    def _prepared_session(self):
        session = requests.Session()
        page = session.get(self.base + FORM, timeout=60)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return session, token

    def _submit(self, session, token, results):
        response = session.post(self.base + FORM, timeout=120, data={
            'csrf_token': token, 'office_id': self.office_id, 'applicant_name': MARK,
            'applicant_id_number': '001190003333', 'applicant_email': 'dongthoi@example.com',
            'content': 'Xác nhận kết quả.', 'case_reference': '1/QĐ-THA'})
        results.append((response.status_code, 'o_thads_receipt_code' in response.text))

    def _stored(self):
        return self._committed(lambda env: env['thads.support.request'].search_count(
            [('applicant_name', '=', MARK)]))

    def test_sequential_then_concurrent(self):
        results = []
        for _i in range(3):
            self._submit(*self._prepared_session(), results=results)
        self.assertEqual(results, [(200, True)] * 3)
        self.assertEqual(self._stored(), 3)
        prepared = [self._prepared_session() for _i in range(4)]
        barrier = threading.Barrier(4)

        def run(session, token):
            barrier.wait()
            self._submit(session, token, results)
        threads = [threading.Thread(target=run, args=prepared[i]) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(180)
        self.assertEqual(len(results), 7)
        self.assertTrue(all(status == 200 for status, _ok in results), results)  # refused, never 500
        self.assertEqual(sum(ok for _status, ok in results), 5)
        self.assertEqual(self._stored(), 5)
        # and later ones are refused too
        self._submit(*self._prepared_session(), results=results)
        self.assertEqual(results[-1], (200, False))
        self.assertEqual(self._stored(), 5)
