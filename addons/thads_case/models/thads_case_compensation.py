from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .thads_case import MONEY
from .thads_case_compensation_rule import STEP_DATES

STATES = [('received', 'Claim received'), ('accepted', 'Accepted for settlement'), ('settled', 'Settled'),
          ('paid', 'Paid')]
OUTCOMES = [('compensate', 'Compensation decided'), ('agreement', 'Settled by agreement'),
            ('rejected', 'Rejected'), ('withdrawn', 'Claim withdrawn')]
AMOUNTS = ('amount_claimed', 'amount_decided', 'amount_paid')
DEADLINE_STATUS = [('none', 'No deadline'), ('ok', 'On time'), ('soon', 'Due soon'), ('overdue', 'Overdue')]


class ThadsCaseCompensation(models.Model):
    """A claim for state compensation for damage caused by the enforcement
    (Law 10/2017/QH14 on the State's liability for compensation, the part
    on civil judgment enforcement): received, accepted, settled by a
    compensation decision, an agreement, a rejection or a withdrawal, and
    paid.  A simple tracked record: the dates and the amounts feed form l)
    of the statistics; the claimant's identity stays in the record, seen
    only within the office's scope (access table)."""
    _name = 'thads.case.compensation'
    _description = 'State compensation claim'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'thads.office.mixin']
    _order = 'date_received desc, id desc'

    name = fields.Char(string='Number', required=True, readonly=True, copy=False, default='/', index=True)
    claimant_name = fields.Char(string='Claimant', required=True, track_visibility='onchange')
    claimant_id_number = fields.Char(string='Claimant ID number')
    claimant_address = fields.Char(string='Claimant address')
    case_id = fields.Many2one('thads.case', string='Case', index=True, ondelete='restrict')
    user_id = fields.Many2one('res.users', string='Officer in charge', default=lambda self: self.env.user,
                              track_visibility='onchange')
    description = fields.Text(string='Damage claimed and the act that caused it')
    date_received = fields.Date(string='Claim received on', required=True, default=fields.Date.context_today,
                                index=True, track_visibility='onchange')
    date_accepted = fields.Date(string='Accepted on', index=True, track_visibility='onchange')
    date_verified = fields.Date(string='Damage verified on', track_visibility='onchange',
                                help='Day of the report on the verification of the damage.')
    date_negotiated = fields.Date(string='Negotiated on', track_visibility='onchange',
                                  help='Day of the record of the negotiation.')
    date_settled = fields.Date(string='Settled on', index=True, track_visibility='onchange')
    settlement_number = fields.Char(string='Decision or agreement number', track_visibility='onchange')
    outcome = fields.Selection(OUTCOMES, index=True, track_visibility='onchange')
    date_paid = fields.Date(string='Paid on', index=True, track_visibility='onchange')
    amount_claimed = fields.Float(string='Amount claimed', digits=MONEY, track_visibility='onchange')
    amount_decided = fields.Float(string='Amount decided', digits=MONEY, track_visibility='onchange')
    amount_paid = fields.Float(string='Amount paid', digits=MONEY, track_visibility='onchange')
    state = fields.Selection(STATES, compute='_compute_state', store=True, index=True, track_visibility='onchange',
                             group_expand='_group_expand_states')
    color = fields.Integer()
    # the open time limit of the settlement (thads.case.compensation.rule),
    # computed when read: it follows the dates entered and the calendar
    deadline_rule_id = fields.Many2one('thads.case.compensation.rule', string='Current time limit',
                                       compute='_compute_deadline')
    deadline_date = fields.Date(string='Due by', compute='_compute_deadline')
    deadline_status = fields.Selection(DEADLINE_STATUS, string='Deadline status', compute='_compute_deadline')

    @api.depends('date_received', 'date_accepted', 'date_verified', 'date_negotiated', 'date_settled')
    def _compute_deadline(self):
        today = fields.Date.context_today(self)
        soon = self.env['thads.case']._soon_limit()
        for rec in self:
            rule, due = rec._open_deadline()
            rec.deadline_rule_id, rec.deadline_date = rule, due
            rec.deadline_status = rec._deadline_status(due, today, soon)

    def _open_deadline(self):
        """(rule, last day) of the first step started and not yet met, by
        the versions valid on the day the claim was received; (empty, False)
        once the claim is settled or before any step."""
        self.ensure_one()
        Rule = self.env['thads.case.compensation.rule']
        if self.date_settled:
            return Rule, False
        for rule in Rule._rules_for(self.date_received):
            start, end = STEP_DATES[rule.step]
            if self[start] and not self[end]:
                return rule, rule._due(self[start])
        return Rule, False

    @api.model
    def _deadline_status(self, due, today, soon):
        return self.env['thads.case']._deadline_status_of(due, today, soon)

    @api.model
    def _group_expand_states(self, states, domain, order):
        return [key for key, _label in STATES]

    @api.depends('date_accepted', 'date_settled', 'outcome', 'date_paid')
    def _compute_state(self):
        """The state follows the dates entered: nothing is set by hand."""
        for rec in self:
            if rec.date_paid:
                rec.state = 'paid'
            elif rec.date_settled:
                rec.state = 'settled'
            elif rec.date_accepted:
                rec.state = 'accepted'
            else:
                rec.state = 'received'

    @api.model
    def create(self, vals):
        if vals.get('name', '/') == '/':
            # sudo: the numbering sequence is not readable by officers
            vals = dict(vals, name=self.env['ir.sequence'].sudo().next_by_code('thads.case.compensation') or '/')
        return super(ThadsCaseCompensation, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'name' in vals:
            raise UserError(_('The number of a compensation claim is given by the system.'))
        return super(ThadsCaseCompensation, self).write(vals)

    @api.constrains('date_received', 'date_accepted', 'date_verified', 'date_negotiated', 'date_settled',
                    'date_paid', 'outcome', 'amount_claimed',
                    'amount_decided', 'amount_paid', 'case_id', 'office_id')
    def _check_claim(self):
        labels = dict(self.fields_get(list(AMOUNTS), ['string']))
        for rec in self:
            for name in AMOUNTS:
                if rec[name] < 0:
                    raise ValidationError(_('%s cannot be negative.') % labels[name]['string'])
                if rec[name] != int(rec[name]):
                    raise ValidationError(_('%s is counted in whole đồng.') % labels[name]['string'])
            if rec.date_accepted and rec.date_accepted < rec.date_received:
                raise ValidationError(_('A claim cannot be accepted before it was received.'))
            if rec.date_settled and not rec.date_accepted and rec.outcome != 'withdrawn':
                raise ValidationError(_('Only a withdrawal ends a claim that was not accepted for settlement.'))
            if rec.date_verified and not (rec.date_accepted and rec.date_verified >= rec.date_accepted):
                raise ValidationError(_('The damage is verified after the claim was accepted.'))
            if rec.date_negotiated and not (rec.date_verified and rec.date_negotiated >= rec.date_verified):
                raise ValidationError(_('The negotiation follows the verification of the damage.'))
            if rec.date_settled and rec.date_negotiated and rec.date_settled < rec.date_negotiated:
                raise ValidationError(_('A claim cannot be settled before the negotiation.'))
            if rec.date_settled and rec.date_settled < (rec.date_accepted or rec.date_received):
                raise ValidationError(_('A claim cannot be settled before it was received and accepted.'))
            if bool(rec.date_settled) != bool(rec.outcome):
                raise ValidationError(_('A settled claim needs both its outcome and the date it was settled.'))
            if rec.amount_decided and rec.outcome not in ('compensate', 'agreement'):
                raise ValidationError(_('An amount is decided only when compensation is decided or agreed.'))
            if rec.amount_paid > rec.amount_decided:
                raise ValidationError(_('The amount paid cannot exceed the amount decided or agreed.'))
            if rec.date_paid and not (rec.outcome in ('compensate', 'agreement') and rec.amount_paid):
                raise ValidationError(_('A payment needs a compensation decided or agreed and the amount paid.'))
            if rec.date_paid and rec.date_paid < rec.date_settled:
                raise ValidationError(_('A compensation cannot be paid before it was decided or agreed.'))
            if rec.case_id and rec.case_id.sudo().office_id != rec.office_id:  # sudo: compare ids only
                raise ValidationError(_('The case belongs to another office.'))
