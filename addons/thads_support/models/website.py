from odoo import models


class Website(models.Model):
    """The public site is the enforcement agency's: its name, emblem and
    contact data come from the national office."""
    _inherit = 'website'

    def thads_agency(self):
        """The agency of the public pages (the national office), for display:
        its name and public contact data."""
        # sudo: the office's public contact data, shown to every visitor
        return self.env.ref('thads_accounts.office_national').sudo()
