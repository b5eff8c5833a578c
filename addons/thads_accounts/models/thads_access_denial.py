"""Tracing of refused accesses (support regulation, Art. 13).

Every AccessError raised on a THADS model (model name starting with
'thads.') is written here by the hooks of base.py (access rights of every
operation; record rules of create, write, unlink, and of read through
read()/search_read).  The hooks sit in the ORM, so they cover
every path that reaches it: the web client (JSON-RPC), XML-RPC/JSON-RPC
services and the website routes.

The failing transaction is rolled back, so the trace is written through a
cursor of its own (a separate transaction committed at once), best effort:
a trace that cannot be written is logged and never hides the refusal."""
import datetime
import logging
import threading

from odoo import SUPERUSER_ID, _, api, fields, models, tools

_logger = logging.getLogger(__name__)

OPERATIONS = [('read', 'Read'), ('write', 'Write'), ('create', 'Create'), ('unlink', 'Delete')]
TRACED_PREFIX = 'thads.'
MAX_IDS = 50  # ids kept per refusal (the text field stays short)


def request_ip():
    """Address of the current request: the website/JSON-RPC request, else
    the XML-RPC request (auth_brute_force keeps its WSGI environ on the
    thread), else None (cron, shell)."""
    try:
        from odoo.http import request
        if request and request.httprequest:
            return request.httprequest.remote_addr
    except (RuntimeError, AttributeError):
        pass
    environ = getattr(threading.current_thread(), 'environ', None) or {}
    return environ.get('REMOTE_ADDR')


class ThadsAccessDenial(models.Model):
    _name = 'thads.access.denial'
    _description = 'Refused access'
    _order = 'date desc, id desc'
    _rec_name = 'model'

    date = fields.Datetime(string='Time', required=True, readonly=True, index=True,
                           default=fields.Datetime.now)
    user_id = fields.Many2one('res.users', string='User', readonly=True, index=True, ondelete='set null')
    login = fields.Char(readonly=True, index=True)
    office_id = fields.Many2one('thads.office', string='Office', readonly=True, index=True,
                                ondelete='set null')
    model = fields.Char(string='Model', readonly=True, index=True)
    res_ids = fields.Char(string='Records', readonly=True)
    operation = fields.Selection(OPERATIONS, readonly=True, index=True)
    source = fields.Selection([('acl', 'Access rights'), ('rule', 'Record rules'),
                               ('directory', 'Directory sign-in')], string='Refused by', readonly=True)
    reason = fields.Char(readonly=True, help='Why a directory sign-in was refused, e.g. an unknown office code.')
    ip = fields.Char(string='IP address', readonly=True)

    # ------------------------------------------------------------ recording
    @api.model
    def _thads_trace(self, model_name, operation, res_ids, source, exception=None):
        """Record a refusal of ``operation`` on ``model_name`` for the current
        user, in a separate transaction.  Never raises.  ``exception`` is
        marked so that one refusal is written once (an ACL refusal inside
        read() is also seen by the read hook)."""
        if exception is not None:
            if getattr(exception, '_thads_traced', False):
                return
            try:
                exception._thads_traced = True
            except AttributeError:
                pass
        if not (model_name or '').startswith(TRACED_PREFIX) or self.env.uid == SUPERUSER_ID:
            return
        registry = self.pool
        if registry.in_test_mode():
            # HttpCase: every "cursor" is the one test cursor; committing it
            # would commit the refused transaction's partial work as well.
            return
        try:
            values = self._thads_trace_values(model_name, operation, res_ids, source)
            with registry.cursor() as cr:
                # never wait on locks held by the refused transaction
                cr.execute("SET LOCAL lock_timeout = 2000")
                # ids created by the refused (uncommitted) transaction are not visible here
                for field in ('user_id', 'office_id'):
                    if values[field]:
                        table = self.env[self._fields[field].comodel_name]._table
                        cr.execute('SELECT 1 FROM "%s" WHERE id = %%s' % table, (values[field],))
                        if not cr.fetchone():
                            values[field] = None
                # superuser on a fresh cursor: the denial model itself must not be refused
                api.Environment(cr, SUPERUSER_ID, {})[self._name].create(values)
        except Exception:
            _logger.warning('Could not trace the refused %s on %s', operation, model_name, exc_info=True)

    @api.model
    def _thads_trace_values(self, model_name, operation, res_ids, source):
        """Values of the trace, read on the refused transaction (still open)."""
        login, office_id = None, None
        try:
            # sudo: reads the acting user's own login and office to label the trace
            user = self.env.user.sudo()
            login, office_id = user.login, user.thads_office_id.id
        except Exception:
            _logger.debug('user of the refusal not readable', exc_info=True)
        ids = [str(i) for i in (res_ids or []) if isinstance(i, int)]
        return {
            'date': fields.Datetime.now(),
            'user_id': self.env.uid,
            'login': login,
            'office_id': office_id or None,
            'model': model_name,
            'res_ids': ','.join(ids[:MAX_IDS]) + (',…' if len(ids) > MAX_IDS else '') or False,
            'operation': operation if operation in dict(OPERATIONS) else False,
            'source': source,
            'ip': request_ip(),
        }

    # ------------------------------------------------------------ digest
    @api.model
    def _thads_bursts(self, since, threshold):
        """(user_id, login, hour, count) for every hour bucket since ``since``
        where one user was refused more than ``threshold`` times."""
        self.env.cr.execute("""
            SELECT user_id, login, date_trunc('hour', date) AS hour, count(*)
              FROM thads_access_denial
             WHERE date >= %s
             GROUP BY user_id, login, date_trunc('hour', date)
            HAVING count(*) > %s
             ORDER BY hour, login""", (since, threshold))
        return self.env.cr.fetchall()

    @api.model
    def _thads_failed_logins(self, since):
        """(login, remote, count) of the failed or banned logins since ``since``."""
        self.env.cr.execute("""
            SELECT login, remote, count(*)
              FROM res_authentication_attempt
             WHERE create_date >= %s AND result != 'successful'
             GROUP BY login, remote
             ORDER BY count(*) DESC, login""", (since,))
        return self.env.cr.fetchall()

    @api.model
    def _cron_digest(self):
        """Daily: e-mail national administrators the bursts of refusals (more
        than thads_accounts.denial_burst_threshold by one user within an
        hour, default 10) and the failed logins of the last 24 hours."""
        params = self.env['ir.config_parameter'].sudo()
        threshold = int(params.get_param('thads_accounts.denial_burst_threshold', 10))
        since = fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(days=1))
        bursts = self._thads_bursts(since, threshold)
        failed = self._thads_failed_logins(since)
        if not bursts and not failed:
            return False
        group = self.env.ref('thads_accounts.group_thads_national_admin')
        recipients = self.env['res.users'].search([('groups_id', 'in', group.id)]).filtered(
            lambda u: u.email and u.id != SUPERUSER_ID)
        if not recipients:
            return False
        lang = recipients[0].lang or 'vi_VN'
        self_lang = self.with_context(lang=lang)
        body = self_lang._thads_digest_body(threshold, bursts, failed)
        # sudo: the cron runs as the superuser already; mail.mail is written directly
        return self.env['mail.mail'].sudo().create({
            'subject': self_lang._thads_digest_subject(len(bursts), sum(r[2] for r in failed)),
            'body_html': body,
            'email_from': self.env.ref('base.main_company').email or 'noreply@%s' % (
                params.get_param('mail.catchall.domain') or 'localhost'),
            'email_to': ','.join(recipients.mapped('email')),
            'auto_delete': False,
        })

    @api.model
    def _thads_digest_subject(self, bursts, failed):
        return _('THADS security: %s bursts of refused accesses, %s failed logins') % (bursts, failed)

    @api.model
    def _thads_digest_body(self, threshold, bursts, failed):
        esc = tools.html_escape
        parts = ['<p>%s</p>' % esc(_('Security digest of the last 24 hours (support regulation, Art. 13).'))]
        parts.append('<h3>%s</h3>' % esc(_('Users refused more than %s times within an hour') % threshold))
        if bursts:
            parts.append('<table border="1" cellpadding="4"><tr><th>%s</th><th>%s</th><th>%s</th></tr>' % (
                esc(_('Login')), esc(_('Hour (UTC)')), esc(_('Refusals'))))
            for _uid, login, hour, count in bursts:
                parts.append('<tr><td>%s</td><td>%s</td><td>%s</td></tr>' % (
                    esc(login or ''), esc(str(hour)[:16]), count))
            parts.append('</table>')
        else:
            parts.append('<p>%s</p>' % esc(_('None.')))
        parts.append('<h3>%s</h3>' % esc(_('Failed logins')))
        if failed:
            parts.append('<table border="1" cellpadding="4"><tr><th>%s</th><th>%s</th><th>%s</th></tr>' % (
                esc(_('Login')), esc(_('IP address')), esc(_('Attempts'))))
            for login, remote, count in failed:
                parts.append('<tr><td>%s</td><td>%s</td><td>%s</td></tr>' % (
                    esc(login or ''), esc(remote or ''), count))
            parts.append('</table>')
        else:
            parts.append('<p>%s</p>' % esc(_('None.')))
        return ''.join(parts)
