from odoo import api, fields, models

from ..lib import deadlines

VKS_KINDS = [('recommendation', 'Recommendation'), ('protest', 'Protest')]


class ThadsCaseVksRule(models.Model):
    """A time limit of the office towards the procuracy (Viện kiểm sát), as
    data: answer a recommendation or a protest, carry out an accepted one.
    Versions of a rule share a code and differ by validity dates (the
    version valid on the day the period starts applies), like the case
    deadlines (thads.deadline.rule); the periods are computed by the same
    pure functions (lib/deadlines.py) on the working calendar."""
    _name = 'thads.case.vks.rule'
    _description = 'Time limit towards the procuracy'
    _inherit = 'thads.rule.version'
    _order = 'code, date_from'
    _version_keys = ('code', 'kind')

    code = fields.Selection([('reply', 'Answer'), ('execute', 'Carry out an accepted one')], required=True,
                            index=True)
    kind = fields.Selection(VKS_KINDS, required=True, help='What the procuracy sent.')
    name = fields.Char(required=True, translate=True)
    unit = fields.Selection([('working_days', 'Working days'), ('days', 'Days'), ('months', 'Months')],
                            required=True, default='days')

    @api.constrains('code', 'kind', 'count', 'date_from', 'date_to')
    def _check_rule(self):
        self._check_versions()

    @api.model
    def _rule_for(self, code, kind, day):
        """The version of the rule valid on `day` (ISO string), or an empty record."""
        if not day:
            return self.browse()
        return self.sudo().search([  # sudo: reference data, read to compute a deadline
            ('code', '=', code), ('kind', '=', kind)] + self._valid_on(day), limit=1)

    @api.multi
    def _due(self, start):
        """Last day of the period started on `start` (ISO strings), rolled
        over to the next working day (Civil Code art. 148)."""
        self.ensure_one()
        rule = deadlines.make_rule(self.code, (), (), self.count, self.unit)
        calendar = self.env['thads.calendar.day']._get_calendar()
        return fields.Date.to_string(deadlines.period_end(rule, fields.Date.from_string(start), calendar))
