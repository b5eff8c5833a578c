from odoo.tests.common import TransactionCase


class TestMenu(TransactionCase):

    def test_root_menu_restricted_to_thads_users(self):
        menu = self.env.ref('thads_accounts.thads_root_menu')
        self.assertEqual(menu.groups_id, self.env.ref('thads_accounts.group_thads_user'))
