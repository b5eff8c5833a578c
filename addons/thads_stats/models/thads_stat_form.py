from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import formulas


class ThadsStatForm(models.Model):
    """A statistical form as data (e.g. results in cases / in money), with
    its regime and validity: a new form version is a new record."""
    _name = 'thads.stat.form'
    _description = 'Statistical form'
    _order = 'code, date_from desc'

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    unit = fields.Selection([('count', 'Cases'), ('money', 'Money (thousand đồng)')], required=True)
    regime = fields.Char(required=True, help='Legal basis of the form, e.g. TT 06/2019/TT-BTP.')
    date_from = fields.Date(string='Valid from')
    date_to = fields.Date(string='Valid until')
    column_ids = fields.One2many('thads.stat.form.column', 'form_id', string='Columns', copy=True)
    invariants = fields.Text(help='One check per line, "c6 = c7 + c14": differences are listed on the report.')
    active = fields.Boolean(default=True)

    @api.constrains('column_ids', 'invariants')
    def _check_formulas(self):
        for form in self:
            try:
                values = formulas.evaluate(form._columns(), {})
                formulas.violations(form._invariants(), values)
            except (formulas.FormulaError, KeyError) as error:
                raise ValidationError(_('Form %s: %s') % (form.code, error))

    def _columns(self):
        return [(c.code, c.measure, c.formula) for c in self.column_ids.sorted('sequence')]

    def _invariants(self):
        checks = []
        for line in (self.invariants or '').splitlines():
            if '=' in line:
                left, right = line.split('=', 1)
                checks.append((left.strip(), right.strip()))
        return checks
