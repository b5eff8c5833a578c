from odoo import fields, models

from .thads_stat_engine import MEASURES


class ThadsStatFormColumn(models.Model):
    """A column: a base measure computed from the journal, or a formula
    over other columns of the form."""
    _name = 'thads.stat.form.column'
    _description = 'Statistical form column'
    _order = 'form_id, sequence'

    form_id = fields.Many2one('thads.stat.form', required=True, ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help='c1, c2...: used in formulas.')
    label = fields.Char(required=True, translate=True)
    measure = fields.Selection([(m, m) for m in MEASURES])
    formula = fields.Char(help='Arithmetic over column codes, e.g. "c2+c3".')
    is_percent = fields.Boolean()
    working_model = fields.Boolean(
        string='Working model', help='The heading is not verified against the official appendix (domain.md §1.3, §6).')
