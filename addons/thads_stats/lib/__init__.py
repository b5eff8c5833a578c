"""Pure logic of thads_stats (no Odoo import): statistical periods and the
formulas of the forms."""
