from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase

from ..lib.workdays import UNIT_DAYS, UNIT_WORKING_DAYS


class TestWorkingCalendar(TransactionCase):

    def setUp(self):
        super(TestWorkingCalendar, self).setUp()
        self.Day = self.env['thads.calendar.day'].with_context(lang='en_US')

    def test_seeded_table_drives_deadlines(self):
        # Tết 2026: 16-20/02 off; 5 working days after Thursday 12/02 is 26/02
        self.assertEqual(self.Day.add('2026-02-12', 5, UNIT_WORKING_DAYS), '2026-02-26')
        # make-up Saturday 10/01/2026 counts
        self.assertEqual(self.Day.add('2026-01-09', 1, UNIT_WORKING_DAYS), '2026-01-10')
        self.assertEqual(self.Day.working_days_between('2025-04-25', '2025-05-05'), 4)
        # 10 calendar days ending on 30/04/2025 roll over to Monday 05/05
        self.assertEqual(self.Day.add('2025-04-20', 10, UNIT_DAYS), '2025-05-05')

    def test_edits_take_effect_immediately(self):
        self.assertEqual(self.Day.add('2026-03-02', 1, UNIT_WORKING_DAYS), '2026-03-03')
        day = self.Day.create({'date': '2026-03-03', 'name': 'Nghỉ đột xuất'})
        self.assertEqual(self.Day.add('2026-03-02', 1, UNIT_WORKING_DAYS), '2026-03-04')
        day.unlink()
        self.assertEqual(self.Day.add('2026-03-02', 1, UNIT_WORKING_DAYS), '2026-03-03')

    def test_makeup_day_must_be_a_weekend(self):
        with self.assertRaises(ValidationError) as ctx:
            self.Day.create({'date': '2026-03-04', 'kind': 'work', 'name': 'x'})
        self.assertIn('already a working day', ctx.exception.name)

    def test_every_year_has_its_holidays(self):
        """No table to fill: 2029 (no notice) has its Labour Code days off,
        Tết and Giỗ Tổ from the lunar calendar (Tết 2029: 13/02)."""
        off = self.Day.days_off(2029)
        for day in ('2029-01-01', '2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16',
                    '2029-04-23', '2029-04-30', '2029-05-01', '2029-09-03', '2029-09-04'):
            self.assertIn(day, off)
        self.assertEqual(self.Day.add('2029-02-09', 1, UNIT_WORKING_DAYS), '2029-02-19')

    def test_2026_corrected(self):
        """2/9/2026: Monday 31/08 off, Saturday 22/08 worked; 24/11 is a
        working day until an act makes it a day off."""
        self.assertFalse(self.Day.is_working_day('2026-08-31'))
        self.assertTrue(self.Day.is_working_day('2026-08-22'))
        self.assertTrue(self.Day.is_working_day('2026-11-24'))
        self.assertEqual(self.Day.add('2026-11-23', 1, UNIT_WORKING_DAYS), '2026-11-24')

    def test_override_cancels_a_statutory_day(self):
        """A notice that places Tết elsewhere turns a computed day off into a
        working day (2024: no compensation on 15/02)."""
        self.assertTrue(self.Day.is_working_day('2024-02-15'))
        self.assertFalse(self.Day.is_working_day('2024-02-08'))
        with self.assertRaises(ValidationError):
            self.Day.create({'date': '2026-03-04', 'kind': 'work', 'name': 'x'})

    def test_rpc_returns_strings(self):
        """Public methods return ISO strings (XML-RPC cannot marshal dates)."""
        self.assertIsInstance(self.Day.add('2026-02-12', 5, UNIT_WORKING_DAYS), str)
        self.assertIsInstance(self.Day.days_off(2027)[0], str)

    def test_missing_notice_warning(self):
        Notice = self.env['thads.calendar.notice']
        Notice.search([('year', '>=', 2027)]).unlink()
        self.assertEqual(Notice._missing_notice_year('2026-11-29'), 2027)
        self.assertFalse(Notice._missing_notice_year('2026-05-01'))  # 2026 entered, 2027 not yet due
        admin = self.env['res.users'].create({
            'name': 'Quản trị toàn quốc', 'login': 'qt.notice', 'email': 'qt.notice@thads.test',
            'groups_id': [(6, 0, [self.env.ref('thads_accounts.group_thads_national_admin').id])]})
        Notice._cron_warn_missing_notice('2026-11-29')
        activities = self.env['mail.activity'].search([('res_model', '=', 'thads.calendar.notice'),
                                                       ('user_id', '=', admin.id)])
        self.assertEqual(len(activities), 1)
        self.assertIn('2027', activities.summary)
        Notice._cron_warn_missing_notice('2026-11-29')  # idempotent
        self.assertEqual(self.env['mail.activity'].search_count([('res_model', '=', 'thads.calendar.notice'),
                                                                 ('user_id', '=', admin.id)]), 1)
        Notice.create({'year': 2027, 'name': 'Thông báo nghỉ lễ, Tết năm 2027'})
        self.assertFalse(Notice._missing_notice_year('2026-11-29'))
