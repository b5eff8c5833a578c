import datetime

from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase

from ..lib.workdays import UNIT_DAYS, UNIT_WORKING_DAYS


class TestWorkingCalendar(TransactionCase):

    def setUp(self):
        super(TestWorkingCalendar, self).setUp()
        self.Day = self.env['thads.calendar.day'].with_context(lang='en_US')

    def test_seeded_table_drives_deadlines(self):
        # Tết 2026: 16-20/02 off; 5 working days after Thursday 12/02 is 26/02
        self.assertEqual(self.Day.add('2026-02-12', 5, UNIT_WORKING_DAYS), datetime.date(2026, 2, 26))
        # make-up Saturday 10/01/2026 counts
        self.assertEqual(self.Day.add('2026-01-09', 1, UNIT_WORKING_DAYS), datetime.date(2026, 1, 10))
        self.assertEqual(self.Day.working_days_between('2025-04-25', '2025-05-05'), 4)
        # 10 calendar days ending on 30/04/2025 roll over to Monday 05/05
        self.assertEqual(self.Day.add('2025-04-20', 10, UNIT_DAYS), datetime.date(2025, 5, 5))

    def test_edits_take_effect_immediately(self):
        self.assertEqual(self.Day.add('2026-03-02', 1, UNIT_WORKING_DAYS), datetime.date(2026, 3, 3))
        day = self.Day.create({'date': '2026-03-03', 'name': 'Nghỉ đột xuất'})
        self.assertEqual(self.Day.add('2026-03-02', 1, UNIT_WORKING_DAYS), datetime.date(2026, 3, 4))
        day.unlink()
        self.assertEqual(self.Day.add('2026-03-02', 1, UNIT_WORKING_DAYS), datetime.date(2026, 3, 3))

    def test_makeup_day_must_be_a_weekend(self):
        with self.assertRaises(ValidationError) as ctx:
            self.Day.create({'date': '2026-03-04', 'kind': 'work', 'name': 'x'})
        self.assertIn('only a Saturday or Sunday', ctx.exception.name)

    def test_prefill_year(self):
        self.Day.search([('year', '=', 2029)]).unlink()
        self.Day.prefill_year(2029, '2029-02-13', '2029-04-23')
        days = self.Day.search([('year', '=', 2029)])
        self.assertIn('2029-09-02', days.mapped('date'))
        self.assertEqual(len(days), len(self.Day.search([('year', '=', 2029)])))
        count = len(days)
        self.Day.prefill_year(2029, '2029-02-13', '2029-04-23')  # idempotent
        self.assertEqual(self.Day.search_count([('year', '=', 2029)]), count)
