"""Pure domain logic of thads_case (no Odoo import): the case life cycle,
money arithmetic, legal deadlines, identity numbers, legacy-import rows,
exemption thresholds."""
