from odoo import _, fields, models

from .thads_stat_internal import refuse_direct


class ThadsStatReconciliationLine(models.Model):
    """One difference between the software and the hand-made figures,
    written only by the comparison (thads.stat.reconciliation._compare)."""
    _name = 'thads.stat.reconciliation.line'
    _inherit = ['thads.stat.figures.mixin']
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

    def _refuse_direct(self):
        refuse_direct(self, _('Reconciliation differences are written only by comparing the hand-made file with '
                              'the report; they cannot be created, changed or deleted directly.'))
