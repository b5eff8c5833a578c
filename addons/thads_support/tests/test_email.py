"""Emails to applicants go through Odoo's mail queue to a real SMTP server
started on 127.0.0.1 by the test; we read what it received."""
from odoo.addons.thads_accounts.tests.smtp_sink import SmtpSinkMixin

from .common import SupportCase


class TestSupportEmail(SmtpSinkMixin, SupportCase):

    def deliver(self):
        """Run the mail queue of the support requests for real."""
        return super(TestSupportEmail, self).deliver(self.env['mail.mail'].search(
            [('state', '=', 'outgoing'), ('model', '=', 'thads.support.request')]))

    @staticmethod
    def text(message):
        return message.get_body(preferencelist=('html', 'plain')).get_content()

    def test_each_event_mails_the_applicant_only(self):
        request = self.make_request(internal_note='GHI CHÚ NỘI BỘ: không gửi', applicant_name='Phạm <b>Văn</b> A')
        (rcpt, receipt), = self.deliver()
        self.assertEqual(rcpt, ['don@example.com'])
        self.assertIn(request.name, receipt['Subject'])
        self.assertIn(request.name, self.text(receipt))
        self.assertIn('12/01/2026', self.text(receipt))  # expected answer date
        self.assertIn('Phạm &lt;b&gt;Văn&lt;/b&gt; A', self.text(receipt))  # typed text stays text
        request = self.on(request, '2026-01-07')
        request.guidance_note = 'Nộp bản sao bản án có chứng thực.'
        request.action_incomplete()
        (rcpt, guidance), = self.deliver()
        self.assertIn('cần bổ sung', guidance['Subject'])
        self.assertIn('Nộp bản sao bản án có chứng thực.', self.text(guidance))
        request.action_resume()
        request.appointment_date = '2026-01-09 02:00:00'
        request.action_valid()
        (rcpt, appointment), = self.deliver()
        self.assertIn('09:00 09/01/2026', self.text(appointment))
        for _step in ('meet', 'process', 'return'):
            request.action_next_step()
        request.result_note = 'Đã ra Quyết định thi hành án số 1/QĐ-THA.'
        request.action_done()
        (rcpt, result), = self.deliver()
        self.assertEqual(rcpt, ['don@example.com'])
        self.assertIn('1/QĐ-THA', self.text(result))
        for message in (receipt, guidance, appointment, result):
            self.assertNotIn('NỘI BỘ', self.text(message))

    def test_refusal_mail(self):
        request = self.make_request(applicant_email='tuchoi@example.com')
        self.deliver()
        request.refusal_ground = 'Khoản 5 Điều 31 Luật THADS'
        self.on(request, '2026-01-07').action_refuse()
        (rcpt, refusal), = self.deliver()
        self.assertEqual(rcpt, ['tuchoi@example.com'])
        self.assertIn('từ chối', refusal['Subject'])
        self.assertIn('Khoản 5 Điều 31', self.text(refusal))
