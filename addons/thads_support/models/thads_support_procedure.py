from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

PROCEDURES = [
    ('enforcement', 'Request for enforcement'),
    ('petition', 'Petition or complaint'),
    ('confirmation', 'Confirmation of enforcement results'),
]


class ThadsSupportProcedure(models.Model):
    """One version of a public procedure (its steps and time limits) under a
    legal regime; a request follows the version valid on its receipt day,
    so a new regulation is a new record, not new code."""
    _name = 'thads.support.procedure'
    _description = 'Online support procedure'
    _order = 'code, date_start desc'

    name = fields.Char(required=True)
    code = fields.Selection(PROCEDURES, required=True, index=True)
    date_start = fields.Date(string='Valid from', required=True)
    date_end = fields.Date(string='Valid until')
    legal_basis = fields.Char(required=True)
    total_days = fields.Integer(string='Total time (working days)',
                                help='0 when the total depends on the matter.')
    step_ids = fields.One2many('thads.support.step', 'procedure_id', string='Steps', copy=True)
    active = fields.Boolean(default=True)

    @api.constrains('code', 'date_start', 'date_end', 'active')
    def _check_overlap(self):
        for proc in self.filtered('active'):
            others = self.search([('id', '!=', proc.id), ('code', '=', proc.code)])
            for other in others:
                if (not other.date_end or other.date_end >= proc.date_start) and \
                        (not proc.date_end or proc.date_end >= other.date_start):
                    raise ValidationError(_('Two versions of the procedure "%s" overlap: %s and %s.')
                                          % (proc.name, proc.legal_basis, other.legal_basis))

    @api.multi
    def write(self, vals):
        res = super(ThadsSupportProcedure, self).write(vals)
        if 'total_days' in vals:
            # sudo: a system recomputation of the stored clocks after an authorised change of the procedure
            requests = self.env['thads.support.request'].sudo().search([
                ('procedure_id', 'in', self.ids), ('state', 'not in', ('done', 'refused'))])
            requests._sla_sql_refresh(ids=requests.ids)
        return res

    @api.model
    def version_for(self, code, day):
        """The version of the procedure `code` valid on `day`."""
        proc = self.search([('code', '=', code), ('date_start', '<=', day), '|', ('date_end', '=', False),
                            ('date_end', '>=', day)], limit=1)
        if not proc:
            raise UserError(_('No version of the procedure "%s" is valid on %s.')
                            % (dict(self._fields['code']._description_selection(self.env)).get(code), day))
        return proc

    def first_step(self):
        return self.step_ids.sorted('sequence')[:1]
