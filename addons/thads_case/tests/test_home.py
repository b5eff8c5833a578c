from .common import ThadsCaseCase


class TestHomeAction(ThadsCaseCase):
    """Users land in their THADS queue, not in Discuss (models/res_users.py)."""

    def test_roles_land_in_their_queue(self):
        cases = self.env.ref('thads_case.thads_case_action').id
        mine = self.env.ref('thads_case.thads_case_action_my').id
        self.assertEqual(self.users['executor'].action_id.id, mine)
        self.assertEqual(self.users['leader'].action_id.id, cases, 'a leader watches the office queue')
        self.assertEqual(self.users['reader'].action_id.id, cases)
        Users = self.env['res.users']
        self.assertEqual(Users.search([('login', '=', 'chv.hn1')]).action_id.id, mine, 'demo users too')
        self.assertEqual(Users.search([('login', '=', 'lanhdao.hn1')]).action_id.id, cases)

    def test_groups_change_and_own_choice_kept(self):
        user = self.users['reader']
        user.write({'groups_id': [(4, self.env.ref('thads_accounts.group_thads_executor').id)]})
        self.assertEqual(user.action_id.id, self.env.ref('thads_case.thads_case_action_my').id)
        user.write({'groups_id': [(4, self.env.ref('thads_accounts.group_thads_leader').id)]})
        self.assertEqual(user.action_id.id, self.env.ref('thads_case.thads_case_action').id)
        other = self.env.ref('base.action_res_users')
        user.action_id = other.id
        user.write({'groups_id': [(3, self.env.ref('thads_accounts.group_thads_leader').id)]})
        self.assertEqual(user.action_id.id, other.id, 'a home action chosen outside THADS is kept')
