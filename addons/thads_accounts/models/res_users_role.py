from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .res_users import JOB_TITLES


class ResUsersRole(models.Model):
    """base_user_role roles carry the job title they are meant for, so the
    user form proposes the right role when the job title is chosen."""
    _inherit = 'res.users.role'

    thads_job_titles = fields.Char(
        string='THADS job titles',
        help='Comma-separated job title codes this role is for: %s.' % ', '.join(c for c, _l in JOB_TITLES))
    thads_grantable = fields.Boolean(
        string='Office administrators may assign it', compute='_compute_thads_grantable',
        search='_search_thads_grantable',
        help='Every group of the role is one an office administrator may grant (no national group).')

    @api.multi
    def _compute_thads_grantable(self):
        grantable = self.env['res.users']._thads_grantable_groups()
        for role in self:
            role.thads_grantable = role.sudo().group_id in grantable

    @api.model
    def _search_thads_grantable(self, operator, value):
        grantable = self.env['res.users']._thads_grantable_groups()
        # sudo: the rule engine searches roles by this field for office
        # administrators; only ids leave this method
        roles = self.sudo().search([]).filtered(lambda r: r.group_id in grantable)
        positive = (operator in ('=', '==')) == bool(value)
        return [('id', 'in' if positive else 'not in', roles.ids)]

    @api.model
    def cron_update_users(self):
        """Public in base_user_role and rewrites every account's groups:
        only for full administrators (and the cron, run as superuser)."""
        if not self.env['res.users']._thads_is_full_admin():
            raise AccessError(_('Only national administrators may reapply every role.'))
        return super(ResUsersRole, self).cron_update_users()
