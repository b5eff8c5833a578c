from odoo import _, api, models
from odoo.exceptions import AccessError


class ResUsersRoleLine(models.Model):
    """Role lines obey the rule of groups: an office administrator assigns
    only roles without national groups (res.users.role.thads_grantable),
    only to accounts of his office subtree, and never to himself.  The
    record rules of security/thads_security.xml say the same for the
    lines he may write; these checks give the reason, in Vietnamese, and
    hold whatever the path (the user form, the line model over RPC)."""
    _inherit = 'res.users.role.line'

    @api.model
    def create(self, vals):
        # checked before the record rules, which refuse without a reason
        self._thads_check_assignment(self.env['res.users'].browse(vals.get('user_id')),
                                     self.env['res.users.role'].browse(vals.get('role_id')))
        return super(ResUsersRoleLine, self).create(vals)

    @api.multi
    def write(self, vals):
        for line in self:  # the lines as they were, and as they will be
            self._thads_check_assignment(line.user_id, line.role_id)
            self._thads_check_assignment(
                self.env['res.users'].browse(vals['user_id']) if 'user_id' in vals else line.user_id,
                self.env['res.users.role'].browse(vals['role_id']) if 'role_id' in vals else line.role_id)
        return super(ResUsersRoleLine, self).write(vals)

    @api.multi
    def unlink(self):
        for line in self:
            self._thads_check_assignment(line.user_id, line.role_id)
        return super(ResUsersRoleLine, self).unlink()

    @api.model
    def _thads_check_assignment(self, user, role):
        Users = self.env['res.users']
        if Users._thads_is_full_admin():
            return
        me = self.env.user
        if user == me:
            raise AccessError(_('You cannot change your own roles; ask an administrator of a '
                                'higher office.'))
        # sudo: the role and the account are read to decide, whatever the
        # caller may read; nothing is written here
        role = role.sudo()
        if role and not role.thads_grantable:
            raise AccessError(_('You cannot assign the role "%s": office administrators may only '
                                'assign roles without national rights.') % role.name)
        if user:
            user._thads_check_manageable()
