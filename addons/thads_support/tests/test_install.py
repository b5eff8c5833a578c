from odoo.tests.common import TransactionCase


class TestInstall(TransactionCase):

    def test_menu_under_thads_root(self):
        menu = self.env.ref('thads_support.support_root_menu')
        self.assertEqual(menu.parent_id, self.env.ref('thads_accounts.thads_root_menu'))
