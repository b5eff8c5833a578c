"""A real SMTP server on 127.0.0.1 for the e-mail tests of the THADS addons:
Odoo's mail queue sends to it for real, and the test reads what it got."""
import asyncore
import email
import email.policy
import smtpd
import threading


class SinkServer(smtpd.SMTPServer):
    def __init__(self):
        self.received = []
        smtpd.SMTPServer.__init__(self, ('127.0.0.1', 0), None, decode_data=False)

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.received.append((rcpttos, email.message_from_bytes(data, policy=email.policy.default)))


class SmtpSinkMixin(object):
    """For a TransactionCase: the sink runs from setUp to tearDown and is the
    only active outgoing mail server."""

    def setUp(self):
        super(SmtpSinkMixin, self).setUp()
        self.smtp = SinkServer()
        self.loop = threading.Thread(target=asyncore.loop, kwargs={'timeout': 0.05}, daemon=True)
        self.loop.start()
        self.env['ir.mail_server'].search([]).write({'active': False})
        self.env['ir.mail_server'].create({'name': 'test sink', 'smtp_host': '127.0.0.1',
                                           'smtp_port': self.smtp.socket.getsockname()[1], 'sequence': 1})

    def tearDown(self):
        self.smtp.close()
        self.loop.join(5)
        super(SmtpSinkMixin, self).tearDown()

    def deliver(self, mails):
        """Send `mails` for real (Odoo skips SMTP while testing) and return
        what the sink received since the last call."""
        thread = threading.current_thread()
        testing = getattr(thread, 'testing', False)
        thread.testing = False
        try:
            mails.send(auto_commit=False)
        finally:
            thread.testing = testing
        for _attempt in range(100):
            if not self.loop.is_alive() or self.smtp.received:
                break
            threading.Event().wait(0.05)
        received, self.smtp.received = self.smtp.received, []
        return received
