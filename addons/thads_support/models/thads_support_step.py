from odoo import api, fields, models

ROLES = [
    ('support', 'Online support officer'),
    ('leader', 'Office leader'),
    ('specialist', 'Assigned specialist'),
    ('executor', 'Enforcement officer in charge'),
]
KINDS = [
    ('receive', 'Receive'),
    ('check', 'Check validity'),
    ('meet', 'Meet the applicant'),
    ('assign', 'Assign'),
    ('process', 'Examine and draft'),
    ('approve', 'Approve and issue'),
    ('return', 'Return the result'),
]


class ThadsSupportStep(models.Model):
    """A step of a procedure: who is responsible and how many working days
    it may take (0: depending on the matter, no step deadline)."""
    _name = 'thads.support.step'
    _description = 'Online support step'
    _order = 'procedure_id, sequence'

    procedure_id = fields.Many2one('thads.support.procedure', required=True, ondelete='cascade', index=True)
    procedure_code = fields.Selection(related='procedure_id.code', store=True)
    sequence = fields.Integer(required=True)
    name = fields.Char(required=True)
    kind = fields.Selection(KINDS, required=True)
    role = fields.Selection(ROLES, required=True)
    days = fields.Integer(string='Time (working days)', help='0 when it depends on the matter.')
    description = fields.Text()
    fold = fields.Boolean(string='Folded in kanban')

    @api.multi
    def write(self, vals):
        res = super(ThadsSupportStep, self).write(vals)
        if 'days' in vals:
            # sudo: a system recomputation of the stored clocks after an authorised change of the step
            requests = self.env['thads.support.request'].sudo().search([
                ('step_id', 'in', self.ids), ('state', 'not in', ('done', 'refused'))])
            requests._sla_sql_refresh(ids=requests.ids)
        return res
