from odoo import _, api, fields, models
from odoo.exceptions import UserError

IDENTITY_FIELDS = ('name', 'id_number', 'address', 'phone', 'email')


class ThadsDenunciationIdentity(models.Model):
    """Who denounced (Law on Denunciation: the denouncer is protected): a
    record of its own so that the denunciation itself can be read by the
    office while the identity is read only by the officer handling it and
    the leaders (record rules of the access table; no context key relaxes
    them).  Every read of it is written to the audit log (OCA auditlog)."""
    _name = 'thads.denunciation.identity'
    _description = 'Identity of a denouncer'

    complaint_id = fields.Many2one('thads.complaint', string='Denunciation', required=True, ondelete='cascade',
                                   index=True, auto_join=True)
    name = fields.Char(string='Full name', required=True)
    id_number = fields.Char(string='Identity number')
    address = fields.Char()
    phone = fields.Char()
    email = fields.Char()

    _sql_constraints = [('complaint_uniq', 'unique(complaint_id)', 'A denunciation has one identity record.')]

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(ThadsDenunciationIdentity, self).read(fields, load=load)
        asked = set(fields or IDENTITY_FIELDS)
        if asked & set(IDENTITY_FIELDS):
            self._log_access([row['id'] for row in result], 'read')
        return result

    def _log_access(self, ids, method):
        """Private: one audit log entry per identity shown, with the user and
        the HTTP request (auditlog's own models)."""
        if not ids:
            return
        # sudo: the audit trail is written by the system; the user only caused the read (checked by super)
        env = self.sudo().env
        model = env['ir.model']._get(self._name)
        http_request = env['auditlog.http.request'].current_http_request()
        http_session = env['auditlog.http.session'].current_http_session()
        Log = env['auditlog.log']
        for record in self.sudo().browse(ids):
            Log.create({'name': ('%s #%d' % (self._description, record.id))[:64], 'model_id': model.id,
                        'res_id': record.id, 'user_id': self.env.uid, 'method': method, 'log_type': 'fast',
                        'http_request_id': http_request, 'http_session_id': http_session})

    @api.model
    def create(self, vals):
        if not self.env.context.get('thads_identity_internal') is _KEY:
            raise UserError(_('The identity of a denouncer is recorded with the denunciation.'))
        return super(ThadsDenunciationIdentity, self).create(vals)


class _Key(object):
    """Marker of the denunciation's own path (a client context cannot hold it)."""


_KEY = _Key()


def identity_writer(model):
    return model.with_context(thads_identity_internal=_KEY)
