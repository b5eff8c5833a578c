from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


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
    measure = fields.Selection('_selection_measure', help="A base measure of the form's source.")
    formula = fields.Char(help='Arithmetic over column codes, e.g. "c2+c3".')
    is_percent = fields.Boolean()
    working_model = fields.Boolean(
        string='Working model', help='The heading is not verified against the official appendix (domain.md §1.3, §6).')

    @api.model
    def _selection_measure(self):
        measures = {}
        for _label, _model, pairs in self.env['thads.stat.engine']._sources().values():
            measures.update(pairs)
        return sorted(measures.items())

    @api.constrains('measure', 'form_id')
    def _check_measure(self):
        sources = self.env['thads.stat.engine']._sources()
        for column in self.filtered('measure'):
            if column.measure not in dict(sources[column.form_id.source][2]):
                raise ValidationError(_('Column %s of form %s: "%s" is not a measure of the source "%s".') % (
                    column.code, column.form_id.code, column.measure, sources[column.form_id.source][0]))
