"""Issue 20: the complainant's letters (receipt, acceptance or refusal,
decision) through the mail queue to a real SMTP server on 127.0.0.1."""
from odoo.addons.thads_accounts.tests.smtp_sink import SmtpSinkMixin

from .test_complaint import ComplaintCase
from ..models.thads_support_request import on_day


class TestComplaintEmail(SmtpSinkMixin, ComplaintCase):

    def setUp(self):
        super(TestComplaintEmail, self).setUp()
        # only the letters of this test (a database may hold others in its queue)
        self.env.cr.execute('SELECT COALESCE(MAX(id), 0) FROM mail_mail')
        self.floor = self.env.cr.fetchone()[0]

    def deliver(self):
        return super(TestComplaintEmail, self).deliver(self.env['mail.mail'].search(
            [('state', '=', 'outgoing'), ('model', 'in', ('thads.complaint', 'thads.support.request')),
             ('id', '>', self.floor)]))

    @staticmethod
    def text(message):
        return message.get_body(preferencelist=('html', 'plain')).get_content()

    def create(self, day, **vals):
        values = {'kind': 'complaint', 'office_id': self.region_a1.id, 'applicant_name': 'Phạm Văn Đơn',
                  'applicant_email': 'don@example.com', 'content': 'Khiếu nại.', 'date_known': '2026-02-05',
                  'internal_note': 'GHI CHÚ NỘI BỘ'}
        values.update(vals)
        return on_day(self.env['thads.complaint'], day).create(values)

    def test_receipt_acceptance_decision(self):
        complaint = self.create('2026-02-12')
        (rcpt, receipt), = self.deliver()
        self.assertEqual(rcpt, ['don@example.com'])
        self.assertIn(complaint.name, receipt['Subject'])
        self.assertIn('26/02/2026', self.text(receipt))  # acceptance limit across Tết
        self.on(complaint, '2026-02-13').action_accept()
        (rcpt, acceptance), = self.deliver()
        self.assertIn('thụ lý', acceptance['Subject'])
        self.assertIn('02/03/2026', self.text(acceptance))
        complaint.write({'proposed_outcome': 'partly', 'decision_number': '07/QĐ-GQKN',
                         'result_note': 'Chấp nhận một phần nội dung khiếu nại.'})
        self.on(complaint, '2026-02-27').action_decide()
        (rcpt, decision), = self.deliver()
        self.assertIn('07/QĐ-GQKN', decision['Subject'])
        self.assertIn('Chấp nhận một phần', self.text(decision))
        self.assertIn('lần hai', self.text(decision))
        for message in (receipt, acceptance, decision):
            self.assertNotIn('NỘI BỘ', self.text(message))

    def test_refusal_and_no_mail_to_a_denouncer(self):
        complaint = self.create('2026-02-12', applicant_email='tuchoi@example.com', date_known='2026-01-02')
        self.deliver()
        self.on(complaint, '2026-02-13').action_refuse_late()
        (rcpt, refusal), = self.deliver()
        self.assertEqual(rcpt, ['tuchoi@example.com'])
        self.assertIn('không thụ lý', refusal['Subject'])
        self.assertIn('19/01/2026', self.text(refusal))
        denunciation = on_day(self.env['thads.complaint'], '2026-02-12').create({
            'kind': 'denunciation', 'office_id': self.region_a1.id, 'content': 'Tố cáo.',
            'denouncer_name': 'Ẩn Danh', 'denouncer_email': 'an@example.com'})
        self.on(denunciation, '2026-02-13').action_accept()
        self.assertEqual(self.deliver(), [])
