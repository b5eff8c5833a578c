from odoo import fields, models


class ThadsStatReconciliationLine(models.Model):
    _name = 'thads.stat.reconciliation.line'
    _description = 'Reconciliation difference'
    _order = 'flagged desc, office_id, column_code'

    reconciliation_id = fields.Many2one('thads.stat.reconciliation', required=True, ondelete='cascade', index=True)
    office_id = fields.Many2one('thads.office', required=True)
    column_code = fields.Char(string='Column')
    column_label = fields.Char(string='Heading')
    software = fields.Float(digits=(18, 0), string='Software')
    manual = fields.Float(digits=(18, 0), string='Hand-made')
    difference = fields.Float(digits=(18, 0))
    flagged = fields.Boolean(string='To fix')
