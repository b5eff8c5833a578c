from email.utils import formataddr

from odoo import api, models


class MailMessage(models.Model):
    """Officers often have no e-mail address of their own: their changes to a
    case are still logged in the chatter, sent in the name of their office
    (its e-mail, else the company's), instead of Odoo refusing the change."""
    _inherit = 'mail.message'

    @api.model
    def _get_default_from(self):
        user = self.env.user
        if not user.email:
            fallback = user.sudo().thads_office_id.email or user.sudo().company_id.email
            if fallback:
                return formataddr((user.name, fallback))
        return super(MailMessage, self)._get_default_from()
