from odoo import api, models

# (group, home action) by priority: leaders watch their office's queue,
# enforcement officers their own cases, every other THADS role the cases
# their record rules show them (thads_accounts: _thads_set_home_action).
HOME_ACTIONS = (
    ('thads_accounts.group_thads_leader', 'thads_case.thads_case_action'),
    ('thads_accounts.group_thads_executor', 'thads_case.thads_case_action_my'),
    ('thads_accounts.group_thads_user', 'thads_case.thads_case_action'),
)


class ResUsers(models.Model):
    _inherit = 'res.users'

    @api.model
    def _thads_home_actions(self):
        return list(HOME_ACTIONS) + super(ResUsers, self)._thads_home_actions()
