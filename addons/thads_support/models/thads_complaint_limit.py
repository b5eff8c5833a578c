from odoo import api, fields, models

from odoo.addons.thads_accounts.lib.workdays import UNIT_DAYS, UNIT_WORKING_DAYS

MEASURES = [
    ('general', 'Other decisions and acts'),
    ('freeze', 'Freezing of an account'),
    ('security', 'Other security measures'),
    ('coercion', 'Coercion'),
    ('after_coercion', 'Decisions and acts after coercion'),
]
LIMIT_KINDS = [
    ('limitation', 'Time limit to complain'),
    ('acceptance', 'Acceptance'),
    ('decision', 'Decision or conclusion'),
    ('extension', 'Extension for a complex matter'),
]


class ThadsComplaintLimit(models.Model):
    """A legal time limit of a complaint or denunciation procedure version:
    the limits change with the law (Law 2014 to 30/06/2026, Law 106/2025
    from 01/07/2026), so they are data of the version, not code.  Within a
    version a limit may change on a date of its own (a circular replacing
    one period, e.g. TT 13/2021/TT-BTP from 13/02/2022): its rows then carry
    validity dates (thads.rule.version: count, legal basis, verified,
    validity, no two rows of one limit valid on the same day), and the row
    valid on the day the complaint was received applies."""
    _name = 'thads.complaint.limit'
    _description = 'Time limit of a complaint or denunciation'
    _inherit = 'thads.rule.version'
    _order = 'procedure_id, kind, measure, round, date_from'
    _version_keys = ('procedure_id', 'kind', 'measure', 'round', 'complexity')

    procedure_id = fields.Many2one('thads.support.procedure', string='Procedure version', required=True,
                                   ondelete='cascade', index=True)
    name = fields.Char(compute='_compute_name')
    kind = fields.Selection(LIMIT_KINDS, required=True)
    measure = fields.Selection(MEASURES, string='What is complained about',
                               help='Empty: every kind of decision or act.')
    round = fields.Selection([('1', 'First round'), ('2', 'Second round')], help='Empty: both rounds.')
    complexity = fields.Selection([('complex', 'Complex'), ('very_complex', 'Very complex')],
                                  help='Empty: an ordinary matter.')
    unit = fields.Selection([(UNIT_WORKING_DAYS, 'Working days'), (UNIT_DAYS, 'Days')], required=True,
                            default=UNIT_DAYS)
    # The request's clock can pause (waiting for the complainant, or a
    # suspension).  Only where the law excludes that time from the period
    # does the legal time limit move by it; elsewhere the pause shows on the
    # clock but the legal deadline stays.
    pausable = fields.Boolean(string='A pause extends it',
                              help='Checked: the days the handling is paused are not counted in this time limit '
                                   '(working days or days, as the limit).')
    pause_basis = fields.Char(string='Legal basis of the pause',
                              help='The article that allows (or the reason it does not allow) the pause.')
    final = fields.Boolean(string='First decision is final',
                           help='On a decision limit: the first-round decision under it takes effect at once and '
                                'has no second round (the legal basis names the article).')

    @api.depends('procedure_id', 'kind', 'measure', 'round', 'complexity')
    def _compute_name(self):
        kinds = dict(self._fields['kind']._description_selection(self.env))
        measures = dict(self._fields['measure']._description_selection(self.env))
        rounds = dict(self._fields['round']._description_selection(self.env))
        for limit in self:
            parts = [kinds.get(limit.kind), measures.get(limit.measure), rounds.get(limit.round)]
            limit.name = '%s: %s' % (limit.procedure_id.name, ', '.join(p for p in parts if p))

    @api.constrains('procedure_id', 'kind', 'measure', 'round', 'complexity', 'count', 'date_from', 'date_to')
    def _check_limit(self):
        self._check_versions()
