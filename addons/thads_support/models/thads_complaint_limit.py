from odoo import fields, models

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
    from 01/07/2026), so they are data of the version, not code."""
    _name = 'thads.complaint.limit'
    _description = 'Time limit of a complaint or denunciation'
    _order = 'procedure_id, kind, measure, round'

    procedure_id = fields.Many2one('thads.support.procedure', string='Procedure version', required=True,
                                   ondelete='cascade', index=True)
    kind = fields.Selection(LIMIT_KINDS, required=True)
    measure = fields.Selection(MEASURES, string='What is complained about',
                               help='Empty: every kind of decision or act.')
    round = fields.Selection([('1', 'First round'), ('2', 'Second round')], help='Empty: both rounds.')
    complexity = fields.Selection([('complex', 'Complex'), ('very_complex', 'Very complex')],
                                  help='Empty: an ordinary matter.')
    count = fields.Integer(required=True)
    unit = fields.Selection([(UNIT_WORKING_DAYS, 'Working days'), (UNIT_DAYS, 'Days')], required=True,
                            default=UNIT_DAYS)
    legal_basis = fields.Char(required=True)
    sourced = fields.Boolean(string='Checked against the text',
                             help='Unchecked: the value or the article is a working assumption, to verify.')
    # The request's clock can pause (waiting for the complainant, or a
    # suspension).  Only where the law excludes that time from the period
    # does the legal time limit move by it; elsewhere the pause shows on the
    # clock but the legal deadline stays.
    pausable = fields.Boolean(string='A pause extends it',
                              help='Checked: the days the handling is paused are not counted in this time limit '
                                   '(working days or days, as the limit).')
    pause_basis = fields.Char(string='Legal basis of the pause',
                              help='The article that allows (or the reason it does not allow) the pause.')
