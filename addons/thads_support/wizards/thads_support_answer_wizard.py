from odoo import _, api, fields, models
from odoo.exceptions import UserError

KINDS = [('valid', 'Appointment'), ('incomplete', 'Guidance'), ('refuse', 'Refusal')]


class ThadsSupportAnswerWizard(models.TransientModel):
    """Asks what an answer to the applicant needs before sending it: the
    appointment of a valid request, the guidance of an incomplete one, the
    legal ground of a refusal.  Written on the request with the user's
    rights, then the request's own action sends the e-mail."""
    _name = 'thads.support.answer.wizard'
    _description = 'Answer to the applicant'

    request_id = fields.Many2one('thads.support.request', string='Request', required=True, ondelete='cascade')
    kind = fields.Selection(KINDS, required=True)
    appointment_date = fields.Datetime(string='Appointment')
    guidance_note = fields.Text(string='Guidance to the applicant')
    refusal_ground = fields.Char(string='Legal ground of the refusal')

    @api.model
    def default_get(self, fields_list):
        values = super(ThadsSupportAnswerWizard, self).default_get(fields_list)
        request = self.env['thads.support.request'].browse(values.get('request_id')).exists()
        if request:  # what was already written on the request
            for name in ('appointment_date', 'guidance_note', 'refusal_ground'):
                if name in fields_list and request[name]:
                    values[name] = request[name]
        return values

    @api.multi
    def action_send(self):
        self.ensure_one()
        field = {'valid': 'appointment_date', 'incomplete': 'guidance_note', 'refuse': 'refusal_ground'}[self.kind]
        value = self[field]
        if isinstance(value, str):
            value = value.strip()
        if not value:
            raise UserError({'valid': _('Set the appointment before accepting the request.'),
                             'incomplete': _('Write the guidance for the applicant first.'),
                             'refuse': _('Give the legal ground of the refusal.')}[self.kind])
        request = self.request_id
        request.write({field: value})
        {'valid': request.action_valid, 'incomplete': request.action_incomplete,
         'refuse': request.action_refuse}[self.kind]()
        return {'type': 'ir.actions.act_window_close'}
