from odoo import api, models

# (group, home action) by priority: the first group a user holds decides
# where the web client opens after login (res.users.action_id, "Home
# Action"), instead of Discuss.  Leaders watch their office's queue,
# enforcement officers their own cases, every other THADS role the cases
# their record rules show them.
HOME_ACTIONS = (
    ('thads_accounts.group_thads_leader', 'thads_case.thads_case_action'),
    ('thads_accounts.group_thads_executor', 'thads_case.thads_case_action_my'),
    ('thads_accounts.group_thads_user', 'thads_case.thads_case_action'),
)


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def _thads_home_actions(self):
        """(group xmlid, action xmlid) by priority; other THADS addons may
        put their own queue first."""
        return list(HOME_ACTIONS)

    @api.multi
    def _thads_set_home_action(self):
        """Give each THADS user without a home action (or with a THADS one
        that no longer fits the roles) the queue of their role.  A home
        action chosen by hand outside THADS is kept."""
        rules = [(self.env.ref(group, raise_if_not_found=False), self.env.ref(action, raise_if_not_found=False))
                 for group, action in self._thads_home_actions()]
        rules = [(group, action) for group, action in rules if group and action]
        ours = {action.id for _group, action in rules}
        # sudo: called after the caller created or changed these users'
        # groups (or at install); it writes their home action only
        for user in self.sudo():
            if user.action_id and user.action_id.id not in ours:
                continue
            home = next((action for group, action in rules if group in user.groups_id), None)
            if (home and home.id) != user.action_id.id:
                super(ResUsers, user).write({'action_id': home and home.id})
        return True

    @api.model
    def _thads_set_all_home_actions(self):
        """At install: every existing THADS user (the demo users too)."""
        self.with_context(active_test=False).search([]).filtered(
            lambda user: not user.share)._thads_set_home_action()
        return True

    @api.model
    def create(self, vals):
        user = super(ResUsers, self).create(vals)
        user._thads_set_home_action()
        return user

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(vals)
        if 'groups_id' in vals or any(key.startswith(('in_group_', 'sel_groups_')) for key in vals):
            self._thads_set_home_action()
        return result
