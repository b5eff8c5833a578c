"""Shared fixtures: two provinces, each with regional offices, and one user
per role.  Other THADS addons reuse ThadsAccountsCase for their own
per-role tests."""
import contextlib

import odoo.tests
from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, SavepointCase

QUIET = {
    'mail_create_nolog': True,
    'mail_create_nosubscribe': True,
    'mail_notrack': True,
    'tracking_disable': True,
    'no_reset_password': True,
}

ROLE_GROUPS = {
    'reader': ['group_thads_user'],
    'officer': ['group_thads_officer'],
    'executor': ['group_thads_executor'],
    'executor2': ['group_thads_executor'],
    'support': ['group_thads_support'],
    'statistician': ['group_thads_statistician'],
    'leader': ['group_thads_leader', 'group_thads_executor'],
    'office_admin': ['group_thads_office_admin'],
    'national': ['group_thads_national', 'group_thads_statistician'],
    'national_admin': ['group_thads_national_admin'],
}


@odoo.tests.common.at_install(False)
@odoo.tests.common.post_install(True)
class ThadsAccountsCase(SavepointCase):
    """Runs after install, like the application (parent_store is computed).

    Offices: national > province A > regions A1, A2; national > province B > region B1.
    Users: self.users[role] in region A1 (office_admin in province A, national
    roles in the national office), and self.users_b[role] in region B1."""

    @classmethod
    def setUpClass(cls):
        super(ThadsAccountsCase, cls).setUpClass()
        # English messages in assertions, whatever the admin's language
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US', **QUIET))
        Office = cls.env['thads.office']
        cls.national = cls.env.ref('thads_accounts.office_national')
        cls.province_a = Office.create({'name': 'Tỉnh A', 'code': 'T-A', 'kind': 'province',
                                        'parent_id': cls.national.id})
        cls.region_a1 = Office.create({'name': 'Khu vực A1', 'code': 'T-A-1', 'parent_id': cls.province_a.id})
        cls.region_a2 = Office.create({'name': 'Khu vực A2', 'code': 'T-A-2', 'parent_id': cls.province_a.id})
        cls.province_b = Office.create({'name': 'Tỉnh B', 'code': 'T-B', 'kind': 'province',
                                        'parent_id': cls.national.id})
        cls.region_b1 = Office.create({'name': 'Khu vực B1', 'code': 'T-B-1', 'parent_id': cls.province_b.id})
        cls.users = {}
        cls.users_b = {}
        for role, groups in ROLE_GROUPS.items():
            office = cls.region_a1
            if role == 'office_admin':
                office = cls.province_a
            elif role.startswith('national'):
                office = cls.national
            cls.users[role] = cls._make_user('a_' + role, office, groups)
            if not role.startswith('national'):
                cls.users_b[role] = cls._make_user(
                    'b_' + role, cls.province_b if role == 'office_admin' else cls.region_b1, groups)
        cls.users['leader'].thads_office_id.head_id = cls.users['leader']

    @classmethod
    def _make_user(cls, login, office, group_xmlids):
        groups = [cls.env.ref('thads_accounts.' + xmlid).id for xmlid in group_xmlids]
        return cls.env['res.users'].create({
            'name': login.replace('_', ' ').title(), 'login': 'test_' + login,
            'email': 'test_%s@example.com' % login, 'password': 'Test@2026pass',
            'thads_office_id': office.id, 'groups_id': [(6, 0, groups)],
        })


@odoo.tests.common.at_install(False)
@odoo.tests.common.post_install(True)
class ThadsHttpCase(HttpCase):
    """HttpCase whose data is visible to the HTTP server.

    In Odoo 11, HttpCase's self.env runs in its own transaction, while the
    server threads share the registry's *test cursor*: data created through
    self.env is invisible to requests.  http_env() yields an environment on
    the test cursor (held only inside the block, so requests can run
    between blocks); everything is rolled back when the test ends."""

    @contextlib.contextmanager
    def http_env(self, context=None):
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, SUPERUSER_ID, dict(QUIET, **(context or {})))
            env["res.users"].invalidate_cache()
            yield env
            cr.commit()  # a savepoint on the test cursor
        finally:
            cr.close()  # releases the cursor for the server threads

    def url(self, path):
        return 'http://127.0.0.1:%s%s' % (odoo.tools.config['http_port'], path)
