from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    """Account policy in Settings: password rules (password_security, per
    company), lockout (auth_brute_force) and idle timeout
    (thads_accounts ir.http), each stored where its code reads it."""
    _inherit = 'res.config.settings'

    thads_password_length = fields.Integer(related='company_id.password_length', string='Minimum length')
    thads_password_lower = fields.Integer(related='company_id.password_lower', string='Lowercase letters')
    thads_password_upper = fields.Integer(related='company_id.password_upper', string='Uppercase letters')
    thads_password_numeric = fields.Integer(related='company_id.password_numeric', string='Digits')
    thads_password_special = fields.Integer(related='company_id.password_special', string='Special characters')
    thads_password_expiration = fields.Integer(related='company_id.password_expiration', string='Expires after (days)')
    thads_password_history = fields.Integer(related='company_id.password_history', string='Passwords remembered')
    thads_lockout_attempts = fields.Integer(string='Failed logins before lockout')
    thads_session_timeout = fields.Integer(string='Idle session timeout (minutes)')
    thads_directory_office_attribute = fields.Char(
        string='Office attribute of the directory', config_parameter='thads_accounts.directory_office_attribute',
        help='Attribute of the directory entries holding the unit code, mapped to a THADS office '
             '(e.g. departmentNumber).')
    thads_directory_password_url = fields.Char(
        string='Where directory users change their password',
        config_parameter='thads_accounts.directory_password_url')

    @api.model
    def get_values(self):
        res = super(ResConfigSettings, self).get_values()
        params = self.env['ir.config_parameter'].sudo()
        res.update(
            thads_lockout_attempts=int(params.get_param('auth_brute_force.max_by_ip_user', 5)),
            thads_session_timeout=int(params.get_param('thads_accounts.session_timeout', 1800)) // 60,
        )
        return res

    @api.multi
    def set_values(self):
        super(ResConfigSettings, self).set_values()
        params = self.env['ir.config_parameter'].sudo()
        params.set_param('auth_brute_force.max_by_ip_user', str(max(self.thads_lockout_attempts, 1)))
        params.set_param('thads_accounts.session_timeout', str(max(self.thads_session_timeout, 1) * 60))
