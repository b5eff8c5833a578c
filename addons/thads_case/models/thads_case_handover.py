from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import lifecycle


class ThadsCaseHandover(models.Model):
    """Handover (bàn giao) of cases between enforcement officers of an
    office: the minutes list the cases and the money collected but not yet
    paid out; the receiver confirms, then each case records a "handover"
    event, so statistics per officer keep who had the case when."""
    _name = 'thads.case.handover'
    _description = 'Handover of cases'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'thads.office.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(string='Minutes number', required=True, readonly=True,
                       states={'draft': [('readonly', False)]}, default='/')
    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True,
                       states={'draft': [('readonly', False)]})
    from_user_id = fields.Many2one('res.users', string='Handed over by', required=True, readonly=True,
                                   states={'draft': [('readonly', False)]})
    to_user_id = fields.Many2one('res.users', string='Received by', required=True, readonly=True,
                                 states={'draft': [('readonly', False)]}, track_visibility='onchange')
    reason = fields.Char(readonly=True, states={'draft': [('readonly', False)]})
    case_ids = fields.Many2many('thads.case', string='Cases', readonly=True,
                                states={'draft': [('readonly', False)]})
    case_count = fields.Integer(compute='_compute_totals')
    amount_held = fields.Float(digits=(18, 0), compute='_compute_totals',
                               string='Collected, not paid out')
    state = fields.Selection([('draft', 'Draft'), ('sent', 'Waiting for the receiver'),
                              ('confirmed', 'Confirmed'), ('cancel', 'Cancelled')],
                             default='draft', readonly=True, track_visibility='onchange')

    @api.depends('case_ids.amount_held')
    def _compute_totals(self):
        for handover in self:
            handover.case_count = len(handover.case_ids)
            handover.amount_held = sum(handover.case_ids.mapped('amount_held'))

    @api.multi
    def action_send(self):
        for handover in self:
            if not handover.case_ids:
                raise UserError(_('Select the cases to hand over.'))
            wrong = handover.case_ids.filtered(lambda c: c.executor_id != handover.from_user_id)
            if wrong:
                raise UserError(_('These cases are not in the charge of %s: %s') % (
                    handover.from_user_id.name, ', '.join(wrong.mapped('name'))))
            finished = handover.case_ids.filtered(lambda c: c.state not in lifecycle.PENDING)
            if finished:
                raise UserError(_('These cases are no longer being enforced and cannot be handed over: %s')
                                % ', '.join(finished.mapped('name')))
            if handover.name == '/':
                handover.name = self.env['ir.sequence'].next_by_code('thads.case.handover') or '/'
            handover.state = 'sent'
            handover.activity_schedule_receiver()
        return True

    def activity_schedule_receiver(self):
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get_id(self._name), 'res_id': self.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'user_id': self.to_user_id.id, 'summary': _('Confirm the handover %s') % self.name,
        })

    @api.multi
    def action_confirm(self):
        """The receiver confirms: each case changes hands through an event."""
        for handover in self:
            if handover.state != 'sent':
                raise UserError(_('Only a handover waiting for the receiver can be confirmed.'))
            if self.env.user != handover.to_user_id and not self.env.user.has_group(
                    'thads_accounts.group_thads_leader'):
                raise UserError(_('Only %s or an office leader can confirm this handover.')
                                % handover.to_user_id.name)
            for case in handover.case_ids.sudo():
                self.env['thads.case.event'].sudo().create({
                    'case_id': case.id, 'event_type': 'handover', 'date': handover.date,
                    'executor_id': handover.to_user_id.id, 'document_number': handover.name,
                    'note': handover.reason,
                })
            handover.state = 'confirmed'
            handover.activity_ids.action_feedback(_('Confirmed'))
        return True

    @api.multi
    def action_cancel(self):
        if self.filtered(lambda h: h.state == 'confirmed'):
            raise UserError(_('A confirmed handover cannot be cancelled; make a new handover back.'))
        self.write({'state': 'cancel'})
        return True
