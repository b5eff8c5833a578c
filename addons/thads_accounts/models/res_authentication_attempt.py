from odoo import api, fields, models


class ResAuthenticationAttempt(models.Model):
    """Login attempts (auth_brute_force) gain the office of the account,
    so office administrators read the login trail of their scope."""
    _inherit = 'res.authentication.attempt'

    thads_office_id = fields.Many2one('thads.office', string='Office', index=True, readonly=True)

    @api.model
    def create(self, vals):
        if vals.get('login') and 'thads_office_id' not in vals:
            user = self.env['res.users'].sudo().with_context(active_test=False).search(
                [('login', '=', vals['login'])], limit=1)
            vals['thads_office_id'] = user.thads_office_id.id
        return super(ResAuthenticationAttempt, self).create(vals)
