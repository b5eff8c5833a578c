from odoo import api, fields, models

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
    Validity and checks: thads.rule.version."""
    _name = 'thads.case.compensation.rule'
    _description = 'Time limit of a state compensation claim'
    _inherit = 'thads.rule.version'
    _order = 'sequence, date_from'
    _version_keys = ('step',)

    step = fields.Selection(STEPS, required=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    unit = fields.Selection([('working_days', 'Working days'), ('days', 'Days')], required=True, default='days')

    @api.constrains('step', 'count', 'date_from', 'date_to')
    def _check_rule(self):
        self._check_versions()

    @api.model
    def _rules_for(self, day):
        """The versions valid on `day` (ISO string), one per step, in order."""
        if not day:
            return self.browse()
        return self.sudo().search(self._valid_on(day))  # sudo: reference data, read to compute a deadline

    @api.multi
    def _due(self, start):
        """Last day of the period started on `start` (ISO strings)."""
        self.ensure_one()
        return self.env['thads.calendar.day'].add(start, self.count, self.unit)
