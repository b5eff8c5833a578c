from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .thads_case import check_derived

MONEY = (18, 0)


class ThadsCaseObligation(models.Model):
    """One obligation of the decision.  Money in whole đồng; what was
    collected, paid out, reduced and delegated comes from the events."""
    _name = 'thads.case.obligation'
    _description = 'Obligation to enforce'
    # written by the case's replay alone (see thads_case.check_derived)
    _thads_derived_fields = frozenset(['amount_collected', 'amount_paid_out', 'amount_reduced',
                                       'amount_delegated', 'amount_remaining'])

    case_id = fields.Many2one('thads.case', required=True, ondelete='cascade', index=True)
    name = fields.Char(string='Obligation', required=True)
    kind = fields.Selection([('money', 'Money'), ('other', 'Other (deliver, do, refrain)')],
                            required=True, default='money')
    budget = fields.Boolean(string='Owed to the state budget',
                            help='Fines, court fees, confiscation: may be exempted or reduced.')
    debtor_id = fields.Many2one('res.partner', string='Debtor')
    creditor_id = fields.Many2one('res.partner', string='Creditor')
    amount_due = fields.Float(digits=MONEY, string='Amount due')
    amount_collected = fields.Float(digits=MONEY, readonly=True)
    amount_paid_out = fields.Float(digits=MONEY, readonly=True)
    amount_reduced = fields.Float(digits=MONEY, readonly=True)
    amount_delegated = fields.Float(digits=MONEY, readonly=True)
    amount_remaining = fields.Float(digits=MONEY, readonly=True)

    @api.constrains('amount_due')
    def _check_amount(self):
        for ob in self:
            if ob.amount_due < 0 or ob.amount_due != int(ob.amount_due):
                raise ValidationError(_('An amount due must be a whole, non-negative number of đồng.'))

    @api.multi
    def write(self, vals):
        check_derived(self, vals)
        if 'case_id' in vals and self.filtered(lambda ob: ob.case_id.id != vals['case_id']):
            raise UserError(_('An obligation cannot be moved to another case.'))
        if 'amount_due' in vals and self.env['thads.case.event'].search_count(
                [('obligation_id', 'in', self.ids)]):
            raise ValidationError(_('The amount due of an obligation with money events cannot be changed; '
                                    'record a correction (reduction) instead.'))
        res = super(ThadsCaseObligation, self).write(vals)
        if 'amount_due' in vals:
            self.mapped('case_id')._recompute_from_events()
        return res

    @api.model
    def create(self, vals):
        check_derived(self, vals)
        obligation = super(ThadsCaseObligation, self).create(vals)
        obligation.case_id._recompute_from_events()
        return obligation
