from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

JOB_TITLES = [
    ('executor_1', 'Enforcement officer, junior'),      # Chấp hành viên sơ cấp
    ('executor_2', 'Enforcement officer, intermediate'),  # Chấp hành viên trung cấp
    ('executor_3', 'Enforcement officer, senior'),      # Chấp hành viên cao cấp
    ('inspector', 'Inspector'),                          # Thẩm tra viên
    ('secretary', 'Enforcement secretary'),              # Thư ký thi hành án
    ('intake', 'Intake officer'),                        # Công chức thụ lý
    ('support', 'Online support officer'),               # Công chức hỗ trợ trực tuyến
    ('statistician', 'Statistics officer'),              # Công chức thống kê
    ('accountant', 'Accountant'),                        # Kế toán
    ('leader', 'Office leader'),                         # Lãnh đạo đơn vị
    ('admin', 'Administrator'),                          # Quản trị viên
]

# THADS groups an office administrator must not grant
NATIONAL_GROUPS = ('thads_accounts.group_thads_national', 'thads_accounts.group_thads_national_admin')


class ResUsers(models.Model):
    _inherit = 'res.users'

    thads_office_id = fields.Many2one(
        'thads.office', string='THADS office', index=True, ondelete='restrict',
        domain=[('is_system', '=', True)],
        help='The office the user works in; they see the records of this office and its sub-offices.')
    thads_job_title = fields.Selection(JOB_TITLES, string='Job title')

    # ------------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        self._thads_check_office_scope(vals.get('thads_office_id'))
        full_admin = self._thads_is_full_admin()
        if 'no_reset_password' not in self.env.context:
            # no invitation e-mail by default: the administrator gives a
            # temporary password, changed at first login
            self = self.with_context(no_reset_password=True)
        user = super(ResUsers, self).create(vals)
        if not full_admin:
            user._thads_check_granted_groups(self.env['res.groups'], on_create=True)
        if self.env.uid != SUPERUSER_ID and self.env.context.get('thads_force_password_change', True):
            # Accounts created by an administrator must choose their own
            # password at first login (password_security treats an empty
            # write date as expired).
            user.sudo().write({'password_write_date': False})
        return user

    @api.multi
    def write(self, vals):
        if 'thads_office_id' in vals:
            self._thads_check_office_scope(vals['thads_office_id'])
        # decided before the write: the write may grant the rights it checks
        full_admin = self._thads_is_full_admin()
        before = {user.id: user.sudo().groups_id for user in self}
        res = super(ResUsers, self).write(vals)
        if not full_admin:
            for user in self:
                user._thads_check_granted_groups(before[user.id])
        if vals.get('password') and self.env.uid != SUPERUSER_ID:
            others = self.filtered(lambda u: u.id != self.env.uid)
            if others:  # a password set by an administrator is temporary
                others.sudo().write({'password_write_date': False})
        if 'thads_office_id' in vals or 'groups_id' in vals:
            self.env['ir.rule'].clear_caches()
        return res

    # -------------------------------------------------- delegated administration
    @api.model
    def _thads_is_full_admin(self):
        """National administrators, Settings administrators and the
        superuser manage every account; office administrators only their
        subtree.  Pluggable."""
        user = self.env.user
        return (self.env.uid == SUPERUSER_ID
                or user.has_group('base.group_erp_manager')
                or user.has_group('thads_accounts.group_thads_national_admin'))

    @api.model
    def _thads_grantable_groups(self, on_create=False):
        """Groups an office administrator may grant: THADS roles below the
        national ones, what those imply (e.g. Internal User), the roles made
        of them, and on creation the default groups of new users."""
        category = self.env.ref('thads_accounts.module_category_thads')
        groups = self.env['res.groups'].sudo().search([('category_id', '=', category.id)])
        for xmlid in NATIONAL_GROUPS:
            groups -= self.env.ref(xmlid)
        groups |= groups.mapped('trans_implied_ids')
        if on_create:
            groups |= self.sudo()._default_groups()
        # a base_user_role role is itself a group: grantable when all it implies is
        roles = self.env['res.users.role'].sudo().search([])
        for role in roles:
            if not (role.implied_ids | role.implied_ids.mapped('trans_implied_ids')) - groups:
                groups |= role.group_id
        return groups

    @api.model
    def _thads_check_office_scope(self, office_id):
        if not office_id or self._thads_is_full_admin():
            return
        own = self.env.user.thads_office_id
        allowed = self.env['thads.office'].sudo().search([('id', 'child_of', own.ids)]) if own else []
        if office_id not in (allowed and allowed.ids or []):
            office = self.env['thads.office'].sudo().browse(office_id)
            raise AccessError(_('You can only manage accounts of your own office and its sub-offices; '
                                '"%s" is outside them.') % office.display_name)

    @api.multi
    def _thads_check_granted_groups(self, before, on_create=False):
        added = self.sudo().groups_id - before
        forbidden = added - self._thads_grantable_groups(on_create)
        if forbidden:
            raise AccessError(_('You cannot grant "%s": office administrators may only assign the '
                                'THADS roles of their offices.')
                              % ', '.join(forbidden.mapped('full_name')))

    # ------------------------------------------------------------------ helpers
    @api.multi
    def thads_office_leaders(self):
        """Users who receive escalations for these users' offices: the head
        of the office, else its leaders."""
        leaders = self.env['res.users']
        leader_group = self.env.ref('thads_accounts.group_thads_leader')
        for office in self.mapped('thads_office_id'):
            leaders |= office.head_id or office.user_ids.filtered(
                lambda u: leader_group in u.groups_id)
        return leaders
