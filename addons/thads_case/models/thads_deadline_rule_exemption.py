from odoo import fields, models

from ..lib.exemption import FIRST_WEEK


class ThadsDeadlineRule(models.Model):
    """The unit of the exemption files sent to the procuracy "in the first
    week of the month" (lib/exemption.first_week_end)."""
    _inherit = 'thads.deadline.rule'

    unit = fields.Selection(selection_add=[(FIRST_WEEK, 'First week of the month (count: months after)')])
