from odoo import fields, models

from ..lib.exemption import Threshold


class ThadsExemptionThreshold(models.Model):
    """When a debt to the state budget may be exempted or reduced (art.
    61-63, TTLT 12/2015): amounts in đồng and years since the first QĐ THA."""
    _name = 'thads.exemption.threshold'
    _description = 'Exemption and reduction threshold'
    _order = 'action, min_amount'

    action = fields.Selection([
        ('exempt', 'Exempt'), ('exempt_remainder', 'Exempt the remainder'), ('reduce', 'Reduce'),
    ], required=True)
    min_amount = fields.Float(digits=(18, 0), help='From this amount (đồng); empty: no minimum.')
    max_amount = fields.Float(digits=(18, 0), help='Below this amount (đồng); empty: no maximum.')
    years = fields.Integer(required=True, help='Years since the first enforcement decision.')
    partially_paid = fields.Boolean(help='Only when at least 1/50 was paid.')
    legal_basis = fields.Char(required=True)
    date_from = fields.Date(string='Valid from')
    date_to = fields.Date(string='Valid until')
    active = fields.Boolean(default=True)

    def get_thresholds(self, day):
        day = fields.Date.to_string(day)
        records = self.sudo().search(['|', ('date_from', '=', False), ('date_from', '<=', day),
                                      '|', ('date_to', '=', False), ('date_to', '>=', day)])
        return [Threshold(r.action, int(r.min_amount) if r.min_amount else None,
                          int(r.max_amount) if r.max_amount else None, r.years, r.partially_paid)
                for r in records]
