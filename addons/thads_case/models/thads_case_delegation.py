from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .thads_case import is_replay, replaying

# Everything a delegation holds comes from the "delegate" event of the case
# or from the acceptance: written on the replay path only (replaying()),
# never by a client, whatever its context.
WORKFLOW_FIELDS = frozenset(['case_id', 'origin_office_id', 'office_id', 'date', 'document_number', 'amount',
                             'state', 'new_case_id', 'accepted_by_id', 'accept_date'])


class ThadsCaseDelegation(models.Model):
    """Delegation (ủy thác) of a case to another office.  The origin
    records the "delegate" event (the case leaves its "phải thi hành");
    an office of the system receives a pending delegation to accept, which
    opens a new linked case there (new intake); an office outside the
    system (army, other agency) only gets the record."""
    _name = 'thads.case.delegation'
    _description = 'Delegation of a case'
    _inherit = ['mail.thread']
    _order = 'date desc, id desc'

    case_id = fields.Many2one('thads.case', string='Delegated case', required=True, readonly=True,
                              index=True, ondelete='restrict')
    origin_office_id = fields.Many2one('thads.office', string='From office', required=True, readonly=True,
                                       index=True)
    office_id = fields.Many2one('thads.office', string='To office', required=True, readonly=True, index=True)
    date = fields.Date(required=True, readonly=True)
    document_number = fields.Char(string='Delegation decision', readonly=True)
    amount = fields.Float(digits=(18, 0), readonly=True, string='Amount delegated')
    state = fields.Selection([('pending', 'Waiting for acceptance'), ('accepted', 'Accepted'),
                              ('external', 'Outside the system')], readonly=True, index=True,
                             track_visibility='onchange')
    new_case_id = fields.Many2one('thads.case', string='Case opened', readonly=True)
    accepted_by_id = fields.Many2one('res.users', readonly=True)
    accept_date = fields.Date(readonly=True)

    @api.model
    def create(self, vals):
        if not is_replay(self):
            raise UserError(_('A delegation is created by recording the "Delegated to another office" event on '
                              'the case; it cannot be created directly.'))
        return super(ThadsCaseDelegation, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_replay(self) and WORKFLOW_FIELDS & set(vals):
            raise UserError(_('The state, the opened case and the other data of a delegation are set by its '
                              'workflow only (the delegation event, the "Accept" button); they cannot be '
                              'changed directly.'))
        return super(ThadsCaseDelegation, self).write(vals)

    @api.multi
    def name_get(self):
        # the receiving office cannot read the origin case, only its number
        return [(d.id, _('%s to %s') % (d.case_id.sudo().name, d.office_id.sudo().display_name)) for d in self]

    @api.multi
    def action_accept(self):
        """The receiving office accepts: a new case in its books, linked to
        the origin, starting with the receipt of the delegation."""
        for delegation in self:
            if delegation.state != 'pending':
                raise UserError(_('This delegation is not waiting for acceptance.'))
            user = self.env.user
            allowed = self.env['thads.office'].sudo().search([('id', 'child_of', user.thads_office_id.ids)])
            if delegation.office_id not in allowed and not user.has_group('thads_accounts.group_thads_national'):
                raise UserError(_('Only the receiving office can accept this delegation.'))
            origin = delegation.case_id.sudo()
            new_case = self.env['thads.case'].sudo().create({
                'office_id': delegation.office_id.id, 'kind': origin.kind,
                'date_received': fields.Date.context_today(self),
                'court': origin.court, 'judgment_number': origin.judgment_number,
                'judgment_date': origin.judgment_date, 'judgment_type': origin.judgment_type,
                'judgment_effective_date': origin.judgment_effective_date,
                'origin_case_id': origin.id,
                'party_ids': [(0, 0, {'partner_id': p.partner_id.id, 'role': p.role}) for p in origin.party_ids],
                'obligation_ids': [(0, 0, {
                    'name': ob.name, 'kind': ob.kind, 'budget': ob.budget,
                    'debtor_id': ob.debtor_id.id, 'creditor_id': ob.creditor_id.id,
                    'amount_due': ob.amount_delegated,
                }) for ob in origin.obligation_ids if ob.kind != 'money' or ob.amount_delegated],
            })
            replaying(delegation).write({'state': 'accepted', 'new_case_id': new_case.id, 'accepted_by_id': user.id,
                              'accept_date': fields.Date.context_today(self)})
            new_case.message_post(body=_('Delegated by %s (case %s, decision %s).') % (
                delegation.origin_office_id.name, origin.name, delegation.document_number))
        return True
