from odoo import _, fields, models
from odoo.exceptions import ValidationError


class ThadsRuleVersion(models.AbstractModel):
    """A time limit as data, in versions: the versions of one rule share the
    fields named by `_version_keys` and differ by validity dates, which may
    not overlap.  `verified` is unchecked where the period could not be read
    in the text of the law: the legal basis says what is known.  Shared by
    the limits towards the procuracy (thads.case.vks.rule), of state
    compensation claims (thads.case.compensation.rule) and of complaints and
    denunciations (thads_support's thads.complaint.limit)."""
    _name = 'thads.rule.version'
    _description = 'Versioned time limit'
    _version_keys = ()

    count = fields.Integer(required=True)
    legal_basis = fields.Char(required=True)
    verified = fields.Boolean(string='Checked against the text',
                              help='Unchecked: the period could not be read in the text of the law; '
                                   'the legal basis says what is known.')
    date_from = fields.Date(string='Valid from')
    date_to = fields.Date(string='Valid until')
    active = fields.Boolean(default=True)

    @staticmethod
    def _valid_on(day):
        """Domain of the versions valid on `day` (ISO string)."""
        return ['|', ('date_from', '=', False), ('date_from', '<=', day),
                '|', ('date_to', '=', False), ('date_to', '>=', day)]

    def _check_versions(self):
        """A limit is not negative, ends after it starts, and no two
        versions of a rule are valid on the same day (each model calls it
        from its constraint, which names its own key fields)."""
        for rule in self:
            if rule.count < 0:
                raise ValidationError(_('A time limit cannot be negative.'))
            if rule.date_from and rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_('Rule %s ends before it starts.') % rule.name)
            keys = [(key, '=', rule[key].id if isinstance(rule[key], models.BaseModel) else rule[key])
                    for key in self._version_keys]
            overlap = self.search([('id', '!=', rule.id)] + keys + [
                '|', ('date_to', '=', False), ('date_to', '>=', rule.date_from or '0001-01-01'),
                '|', ('date_from', '=', False), ('date_from', '<=', rule.date_to or '9999-12-31')])
            if overlap:
                raise ValidationError(_('Two versions of rule %s are valid on the same days.') % rule.name)
