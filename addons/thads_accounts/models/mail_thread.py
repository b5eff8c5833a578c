from odoo import api, models


class MailThread(models.AbstractModel):
    """Odoo writes the note "You have been assigned to ..." in the language of
    whoever assigns the record: none over XML-RPC or in a scheduled job, so
    English. It is written for the people assigned: in their language when
    they share one."""
    _inherit = 'mail.thread'

    @api.multi
    def _message_auto_subscribe_notify(self, partner_ids):
        if partner_ids:
            # sudo: only reads the language of the partners being notified
            langs = set(self.env['res.partner'].sudo().browse(partner_ids).mapped('lang'))
            if len(langs) == 1 and all(langs):
                self = self.with_context(lang=langs.pop())
        return super(MailThread, self)._message_auto_subscribe_notify(partner_ids)
