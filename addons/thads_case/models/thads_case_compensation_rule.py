from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Each time limit of a claim runs from one of its dates to the next one
# (Law 10/2017/QH14, chapter V, section 1: settling a claim at the body
# responsible for compensation): (date it starts from, date that meets it).
STEPS = [('accept', 'Accept the claim'), ('verify', 'Verify the damage'), ('negotiate', 'Negotiate'),
         ('decide', 'Decide on the compensation')]
STEP_DATES = {
    'accept': ('date_received', 'date_accepted'),
    'verify': ('date_accepted', 'date_verified'),
    'negotiate': ('date_verified', 'date_negotiated'),
    'decide': ('date_negotiated', 'date_settled'),
}


class ThadsCaseCompensationRule(models.Model):
    """A time limit for settling a state compensation claim, as data:
    versions of a step differ by validity dates (the version valid on the
    day the claim was received applies), computed on the working calendar
    (a period in days ending on a day off rolls over, Civil Code art. 148).
    `verified` is unchecked where the period could not be read in the text
    of the law: the legal basis says what is known."""
    _name = 'thads.case.compensation.rule'
    _description = 'Time limit of a state compensation claim'
    _order = 'sequence, date_from'

    step = fields.Selection(STEPS, required=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    count = fields.Integer(required=True)
    unit = fields.Selection([('working_days', 'Working days'), ('days', 'Days')], required=True, default='days')
    legal_basis = fields.Char(required=True)
    verified = fields.Boolean(string='Checked against the text',
                              help='Unchecked: the period could not be read in the text of the law; '
                                   'the legal basis says what is known.')
    date_from = fields.Date(string='Valid from')
    date_to = fields.Date(string='Valid until')
    active = fields.Boolean(default=True)

    @api.constrains('step', 'count', 'date_from', 'date_to')
    def _check_rule(self):
        for rule in self:
            if rule.count < 0:
                raise ValidationError(_('A time limit cannot be negative.'))
            if rule.date_from and rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_('Rule %s ends before it starts.') % rule.name)
            overlap = self.search([('id', '!=', rule.id), ('step', '=', rule.step),
                                   '|', ('date_to', '=', False), ('date_to', '>=', rule.date_from or '0001-01-01'),
                                   '|', ('date_from', '=', False), ('date_from', '<=', rule.date_to or '9999-12-31')])
            if overlap:
                raise ValidationError(_('Two versions of rule %s are valid on the same days.') % rule.name)

    @api.model
    def _rules_for(self, day):
        """The versions valid on `day` (ISO string), one per step, in order."""
        if not day:
            return self.browse()
        return self.sudo().search([  # sudo: reference data, read to compute a deadline
            '|', ('date_from', '=', False), ('date_from', '<=', day),
            '|', ('date_to', '=', False), ('date_to', '>=', day)])

    @api.multi
    def _due(self, start):
        """Last day of the period started on `start` (ISO strings)."""
        self.ensure_one()
        return self.env['thads.calendar.day'].add(start, self.count, self.unit)
