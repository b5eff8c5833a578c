"""Pure domain logic of thads_accounts (no Odoo import): see workdays."""
