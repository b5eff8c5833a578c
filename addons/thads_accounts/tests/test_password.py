from datetime import datetime, timedelta

from odoo import fields
from odoo.addons.password_security.exceptions import PassError

from .common import ThadsAccountsCase


class TestPasswordPolicy(ThadsAccountsCase):

    def test_seeded_policy(self):
        company = self.env.ref('base.main_company')
        self.assertEqual((company.password_length, company.password_lower, company.password_upper,
                          company.password_special, company.password_expiration),
                         (8, 1, 1, 1, 90))

    def test_weak_passwords_refused_with_translated_message(self):
        # res.users.change_password() checks the old password on a new
        # cursor, then writes as the user with superuser rights: the same here
        user = self.users['executor'].sudo()
        for weak in ('short1!', 'alllowercase!', 'ALLUPPERCASE!', 'NoSpecial123'):
            with self.assertRaises(PassError, msg=weak), self.env.cr.savepoint():
                user.write({'password': weak})
        with self.assertRaises(PassError) as ctx, self.env.cr.savepoint():
            user.with_context(lang='vi_VN').write({'password': 'short'})
        self.assertIn('Mật khẩu phải có', ctx.exception.name)
        user.write({'password': 'Manh@Khoe2026'})
        self.assertFalse(user._password_has_expired())

    def test_expiry_forces_change(self):
        user = self.users['executor']
        user.password_write_date = fields.Datetime.to_string(datetime.now() - timedelta(days=91))
        self.assertTrue(user._password_has_expired())
        user.password_write_date = fields.Datetime.to_string(datetime.now() - timedelta(days=89))
        self.assertFalse(user._password_has_expired())

    def test_password_set_by_administrator_is_temporary(self):
        target = self.users['executor2']
        self.assertFalse(target._password_has_expired())
        target.sudo(self.users['office_admin']).write({'password': 'Tam@Thoi2026'})
        self.assertTrue(target._password_has_expired())

    def test_history_refuses_reuse(self):
        user = self.users['support'].sudo()
        user.write({'password': 'Lan@Dau2026'})
        user.write({'password': 'Lan@Hai2026'})
        with self.assertRaises(PassError), self.env.cr.savepoint():
            user.write({'password': 'Lan@Dau2026'})

    def test_settings_edit_policy(self):
        settings = self.env['res.config.settings'].create({})
        self.assertEqual(settings.thads_lockout_attempts, 5)
        self.assertEqual(settings.thads_session_timeout, 30)
        settings.write({'thads_lockout_attempts': 3, 'thads_session_timeout': 15, 'thads_password_length': 12})
        settings.execute()
        params = self.env['ir.config_parameter'].sudo()
        self.assertEqual(params.get_param('auth_brute_force.max_by_ip_user'), '3')
        self.assertEqual(params.get_param('thads_accounts.session_timeout'), '900')
        self.assertEqual(self.env.ref('base.main_company').password_length, 12)
