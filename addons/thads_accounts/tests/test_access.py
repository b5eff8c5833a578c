"""What each role can and cannot do on offices, accounts and audit records,
logged in as that role (sudo(user)).  The per-role tests of cases, requests
and periods live in their addons."""
from odoo.exceptions import AccessError

from .common import ThadsAccountsCase

ALL_ROLES = ('reader', 'officer', 'executor', 'support', 'statistician', 'leader',
             'office_admin', 'national', 'national_admin')


class TestOfficeAccess(ThadsAccountsCase):

    def test_every_role_reads_offices_only_national_admin_writes(self):
        for role in ALL_ROLES:
            Office = self.env['thads.office'].sudo(self.users[role])
            self.assertIn(self.region_b1, Office.search([]), role)  # offices are reference data
            if role == 'national_admin':
                continue
            with self.assertRaises(AccessError, msg=role):
                self.region_a1.sudo(self.users[role]).write({'phone': '024'})
            with self.assertRaises(AccessError, msg=role):
                Office.create({'name': 'X', 'code': 'X-' + role})
            with self.assertRaises(AccessError, msg=role):
                self.region_a2.sudo(self.users[role]).unlink()
        office = self.env['thads.office'].sudo(self.users['national_admin']).create(
            {'name': 'Khu vực A3', 'code': 'T-A-3', 'parent_id': self.province_a.id})
        office.write({'phone': '0241234567'})
        office.unlink()


class TestDelegatedAdministration(ThadsAccountsCase):

    def _create_as(self, role, office, groups=(), login='new_user', users=None):
        admin = (users or self.users)[role]
        return self.env['res.users'].sudo(admin).create({
            'name': 'Người mới', 'login': login, 'thads_office_id': office.id,
            'groups_id': [(6, 0, [self.env.ref(g).id for g in groups])],
        })

    def test_office_admin_creates_accounts_in_subtree(self):
        user = self._create_as('office_admin', self.region_a2, ['thads_accounts.group_thads_executor'])
        self.assertEqual(user.thads_office_id, self.region_a2)
        self.assertIn(self.env.ref('thads_accounts.group_thads_user'), user.groups_id)
        user.sudo(self.users['office_admin']).write({'thads_job_title': 'executor_1'})
        # archiving on transfer keeps the account and its history
        user.sudo(self.users['office_admin']).write({'active': False})
        self.assertFalse(user.active)
        self.assertTrue(user.exists())

    def test_office_admin_assigns_roles(self):
        user = self._create_as('office_admin', self.region_a1)
        user.sudo(self.users['office_admin']).write(
            {'role_line_ids': [(0, 0, {'role_id': self.env.ref('thads_accounts.role_executor').id})]})
        self.assertIn(self.env.ref('thads_accounts.group_thads_executor'), user.groups_id)
        with self.assertRaises(AccessError) as ctx:
            user.sudo(self.users['office_admin']).write(
                {'role_line_ids': [(0, 0, {'role_id': self.env.ref('thads_accounts.role_national_admin').id})]})
        self.assertIn('office administrators may only assign', ctx.exception.name)

    def test_office_admin_cannot_leave_subtree(self):
        with self.assertRaises(AccessError) as ctx:
            self._create_as('office_admin', self.region_b1)
        self.assertIn('outside them', ctx.exception.name)
        with self.assertRaises(AccessError):
            self.users_b['executor'].sudo(self.users['office_admin']).write({'thads_job_title': 'leader'})
        with self.assertRaises(AccessError):  # moving an own user to another province
            self.users['executor'].sudo(self.users['office_admin']).write({'thads_office_id': self.region_b1.id})

    def test_office_admin_privilege_escalation_refused(self):
        for xmlid in ('thads_accounts.group_thads_national', 'thads_accounts.group_thads_national_admin',
                      'base.group_system', 'base.group_erp_manager'):
            with self.assertRaises(AccessError, msg=xmlid) as ctx:
                self._create_as('office_admin', self.region_a1, [xmlid], login='esc_' + xmlid)
            self.assertIn('You cannot grant', ctx.exception.name)
        admin = self.users['office_admin']
        with self.assertRaises(AccessError), self.env.cr.savepoint():  # not even to themselves
            admin.sudo(admin).write({'groups_id': [(4, self.env.ref('base.group_system').id)]})
        admin.invalidate_cache()
        self.assertNotIn(self.env.ref('base.group_system'), admin.groups_id)

    def test_other_roles_cannot_manage_accounts(self):
        for role in ('reader', 'officer', 'executor', 'leader', 'statistician', 'national'):
            with self.assertRaises(AccessError, msg=role):
                self._create_as(role, self.region_a1, login='x_' + role)
            with self.assertRaises(AccessError, msg=role):
                self.users['executor2'].sudo(self.users[role]).write({'thads_job_title': 'leader'})

    def test_national_admin_manages_everything(self):
        user = self._create_as('national_admin', self.region_b1, ['thads_accounts.group_thads_national'])
        self.assertTrue(user.has_group('thads_accounts.group_thads_national'))
        self.users_b['executor'].sudo(self.users['national_admin']).write({'thads_job_title': 'leader'})

    def test_admin_created_account_must_change_password(self):
        user = self._create_as('office_admin', self.region_a1, login='first_login')
        self.assertTrue(user._password_has_expired())


class TestAuditScope(ThadsAccountsCase):

    def test_audit_trail_scoped_to_office_subtree(self):
        # auditlog logs the writes of each user on res.users
        self.users['executor'].sudo(self.users['executor']).write({'signature': '<p>A</p>'})
        self.users_b['office_admin'].sudo(self.users_b['office_admin']).write({'signature': '<p>B</p>'})
        Log = self.env['auditlog.log']
        log_a = Log.search([('user_id', '=', self.users['executor'].id)])
        log_b = Log.search([('user_id', '=', self.users_b['office_admin'].id)])
        self.assertTrue(log_a and log_b, 'auditlog must log user changes')
        seen = Log.sudo(self.users['office_admin']).search([])
        self.assertIn(log_a[0], seen)
        self.assertNotIn(log_b[0], seen)
        self.assertIn(log_b[0], Log.sudo(self.users['national_admin']).search([]))
        with self.assertRaises(AccessError):
            Log.sudo(self.users['leader']).search([])

    def test_login_attempts_scoped(self):
        Attempt = self.env['res.authentication.attempt']
        mine = Attempt.create({'login': self.users['executor'].login, 'remote': '10.0.0.1', 'result': 'failed'})
        other = Attempt.create({'login': self.users_b['executor'].login, 'remote': '10.0.0.2', 'result': 'failed'})
        self.assertEqual(mine.thads_office_id, self.region_a1)
        seen = Attempt.sudo(self.users['office_admin']).search([])
        self.assertIn(mine, seen)
        self.assertNotIn(other, seen)
