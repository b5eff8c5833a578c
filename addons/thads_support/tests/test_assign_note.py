"""Odoo's e-mail "You have been assigned to the <model> ..." (mail's
message_user_assigned), sent at once when a request is assigned to someone
else, reads in the assignee's language with the model's translated label.
It goes to a real SMTP server started by the test (Odoo deletes the note once
sent)."""
import threading

from odoo.addons.thads_accounts.tests.smtp_sink import SmtpSinkMixin

from .common import SupportCase


class TestAssignmentNote(SmtpSinkMixin, SupportCase):

    def assign(self, request, user, lang=None):
        """Assign as the superuser would from the web client (lang) or over
        XML-RPC (no lang), with tracking on as in production; the text of
        the e-mail the assignee receives."""
        context = {'lang': lang} if lang else {}
        thread = threading.current_thread()
        testing, thread.testing = getattr(thread, 'testing', False), False  # Odoo skips SMTP while testing
        try:
            request.with_env(self.env(context=context)).write({'user_id': user.id})
        finally:
            thread.testing = testing
        for _attempt in range(100):
            if self.smtp.received:
                break
            threading.Event().wait(0.05)
        received, self.smtp.received = self.smtp.received, []
        mails = [message for rcpt, message in received if user.email in rcpt]
        self.assertEqual(len(mails), 1)
        return mails[0].get_body(preferencelist=('html', 'plain')).get_content()

    def test_note_in_the_assignees_language(self):
        executor = self.users['executor']
        executor.lang = 'vi_VN'
        # from a Vietnamese session, over XML-RPC (no language), from an English session
        for lang in ('vi_VN', None, 'en_US'):
            request = self.make_request()
            self.assertNotEqual(request.user_id, executor)
            body = self.assign(request, executor, lang)
            self.assertIn('Bạn đã được phân công/gán cho yêu cầu hỗ trợ trực tuyến %s' % request.name, body)
            for english in ('You have been assigned', 'online support request', 'Dear'):
                self.assertNotIn(english, body)
