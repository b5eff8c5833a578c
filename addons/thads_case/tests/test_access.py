from odoo.exceptions import AccessError, UserError

from .common import ThadsCaseCase


class TestCaseAccess(ThadsCaseCase):

    @classmethod
    def setUpClass(cls):
        super(TestCaseAccess, cls).setUpClass()
        cls.own = cls.env['thads.case'].create({
            'office_id': cls.region_a1.id, 'executor_id': cls.users['executor'].id, 'date_received': '2026-03-02'})
        cls.colleague = cls.env['thads.case'].create({
            'office_id': cls.region_a1.id, 'executor_id': cls.users['executor2'].id, 'date_received': '2026-03-02'})
        cls.other_province = cls.env['thads.case'].create({
            'office_id': cls.region_b1.id, 'executor_id': cls.users_b['executor'].id, 'date_received': '2026-03-02'})

    def visible(self, role, users=None):
        return self.env['thads.case'].sudo((users or self.users)[role]).search([])

    def test_read_scope_per_role(self):
        for role in ('reader', 'officer', 'executor', 'support', 'statistician', 'leader', 'office_admin'):
            seen = self.visible(role)
            self.assertIn(self.own, seen, role)
            self.assertIn(self.colleague, seen, role)
            self.assertNotIn(self.other_province, seen, role)
        for role in ('national', 'national_admin'):
            self.assertIn(self.other_province, self.visible(role), role)
        self.assertIn(self.other_province, self.visible('executor', self.users_b))
        self.assertNotIn(self.own, self.visible('executor', self.users_b))

    def test_executor_changes_own_cases_only(self):
        executor = self.users['executor']
        self.own.sudo(executor).write({'court': 'TAND khu vực 2'})
        self.record(self.own, 'decide', '2026-03-04', user=executor)
        self.assertEqual(self.own.state, 'new')
        with self.assertRaises(AccessError):
            self.colleague.sudo(executor).write({'court': 'X'})
        with self.assertRaises((AccessError, UserError)):
            self.record(self.colleague, 'decide', '2026-03-04', user=executor)
        with self.assertRaises(AccessError):
            self.env['thads.case'].sudo(executor).create({'office_id': self.region_a1.id,
                                                          'date_received': '2026-03-02'})

    def test_clerk_and_leader_change_the_office(self):
        for role in ('officer', 'leader'):
            user = self.users[role]
            self.colleague.sudo(user).write({'court': 'TAND %s' % role})
            case = self.env['thads.case'].sudo(user).create({'office_id': self.region_a1.id,
                                                             'date_received': '2026-03-02'})
            self.assertEqual(case.state, 'received')
            with self.assertRaises(AccessError):
                self.other_province.sudo(user).write({'court': 'X'})

    def test_readers_and_national_readers_cannot_write(self):
        for role in ('reader', 'support', 'statistician', 'national'):
            with self.assertRaises(AccessError, msg=role):
                self.own.sudo(self.users[role]).write({'court': 'X'})
        self.other_province.sudo(self.users['national_admin']).write({'court': 'Sửa bởi Cục'})

    def test_events_follow_the_case_rules(self):
        self.record(self.own, 'decide', '2026-03-04')
        events = self.env['thads.case.event'].sudo(self.users_b['leader']).search([])
        self.assertNotIn(self.own.event_ids[0], events)
        self.assertIn(self.own.event_ids[0], self.env['thads.case.event'].sudo(self.users['reader']).search([]))
