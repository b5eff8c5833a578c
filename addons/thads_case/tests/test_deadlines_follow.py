"""Stored deadlines follow every change of the working calendar and of the
rules, at once, with a note in the chatter; the NĐ 152/2026 rules apply to
triggers from 01/07/2026 and the 2014 ones before."""
from odoo.exceptions import UserError

from .common import ThadsCaseCase


class TestDeadlinesFollow(ThadsCaseCase):

    def notes(self, case):
        return case.message_ids.filtered(lambda m: 'recomputed' in (m.body or '')
                                         or 'tính lại' in (m.body or ''))

    def test_calendar_edit_moves_open_deadlines_with_a_note(self):
        case = self.make_case(date='2026-03-02')                 # decision due Monday 09/03 (05 NLV)
        other = self.make_case(date='2026-03-16')                # due 23/03: after the change, unaffected
        self.assertEqual(case.next_deadline_date, '2026-03-09')
        day = self.env['thads.calendar.day'].create({'date': '2026-03-04', 'name': 'Nghỉ đột xuất',
                                                     'legal_basis': 'Quyết định thử'})
        case.invalidate_cache()
        self.assertEqual(case.next_deadline_date, '2026-03-10')
        note = self.notes(case)
        self.assertEqual(len(note), 1)
        self.assertIn('09/03/2026', note.body)
        self.assertIn('10/03/2026', note.body)
        self.assertEqual(other.next_deadline_date, '2026-03-23')
        self.assertFalse(self.notes(other))
        # the cron and a second recomputation change nothing
        self.env['thads.case'].cron_deadlines()
        self.env['thads.case'].cron_deadlines()
        self.env['thads.case']._refresh_deadlines([case.id, other.id])
        case.invalidate_cache()
        self.assertEqual((case.next_deadline_date, len(self.notes(case))), ('2026-03-10', 1))
        day.unlink()
        case.invalidate_cache()
        self.assertEqual((case.next_deadline_date, len(self.notes(case))), ('2026-03-09', 2))

    def test_rule_edit_moves_existing_cases(self):
        case = self.make_case(date='2026-03-02')
        rule = self.env['thads.deadline.rule'].search([('code', '=', 'decide'), ('date_to', '=', '2026-06-30')])
        rule.count = 10
        case.invalidate_cache()
        self.assertEqual(case.next_deadline_date, '2026-03-16')
        self.assertEqual(len(self.notes(case)), 1)

    def test_verification_composes_after_the_voluntary_period(self):
        """Notified Monday 20/04/2026: the voluntary period ends on Thursday
        30/04, a holiday, and rolls over past 1/5 and the weekend to Monday
        04/05; the 10 days of verification then end on 14/05 (art. 44(1)),
        not on notification + 20 days (Sunday 10/05 -> 11/05)."""
        case = self.make_case(date='2026-04-15')
        self.advance(case, ('decide', '2026-04-16'), ('notify', '2026-04-20'))
        due = self.open_due(case)
        self.assertEqual((due['voluntary'], due['verify']), ('2026-05-04', '2026-05-14'))

    def test_yearly_reverification_and_registers_by_ground(self):
        """Address unknown (44a(1)(c)): re-verified yearly, not every 6 months;
        the separate register after 2 years (+03 NLV) in the old regime."""
        case = self.make_case(date='2026-01-05', kind='chu_dong')
        self.advance(case, ('decide', '2026-01-06'), ('notify', '2026-01-07'),
                     ('verify', '2026-01-27', {'result': 'none'}),
                     ('no_condition', '2026-01-28', {'ground': 'Điều 44a khoản 1 điểm c'}))
        self.assertEqual(case.no_condition_ground, '44a_1c')
        self.assertEqual(case.next_verification_date, '2027-01-28')
        self.assertEqual(case.separate_register_date, '2028-02-04')   # 28/1/2028 is Tết -> 1/2, then 03 NLV
        plain = self.make_case(date='2026-01-05', kind='chu_dong')
        self.advance(plain, ('decide', '2026-01-06'), ('notify', '2026-01-07'),
                     ('verify', '2026-01-27', {'result': 'none'}), ('no_condition', '2026-01-28', {'ground': '44a_1a'}))
        self.assertEqual(plain.next_verification_date, '2026-07-28')
        self.assertEqual(plain.separate_register_date, '2027-02-02')   # 28/1/2027 Thu + 03 NLV

    def test_unknown_ground_is_refused(self):
        case = self.make_case(date='2026-01-05')
        self.advance(case, ('decide', '2026-01-06'), ('notify', '2026-01-07'),
                     ('verify', '2026-01-27', {'result': 'none'}))
        with self.assertRaises(UserError) as ctx:
            self.record(case, 'no_condition', '2026-01-28', ground='vì khó khăn')
        self.assertIn('44a', ctx.exception.name)
        self.assertEqual(case.state, 'verification')

    def test_nd152_rules_before_and_after(self):
        # change of Chấp hành viên: 03 NLV, only from 01/07/2026 (NĐ 152 art. 13(3))
        before = self.make_case(date='2026-06-01')
        self.advance(before, ('decide', '2026-06-02'), ('notify', '2026-06-03'))
        self.record(before, 'change_request', '2026-06-29')
        self.assertNotIn('change_executor', self.open_due(before))
        after = self.make_case(date='2026-07-01')
        self.advance(after, ('decide', '2026-07-02'), ('notify', '2026-07-03'))
        self.record(after, 'change_request', '2026-08-27')
        self.assertEqual(self.open_due(after)['change_executor'], '2026-09-04')   # 28/8, (31/8, 1-2/9 off), 3/9, 4/9
        # taking a published debtor down: 02 NLV before, 03 NLV from 01/07/2026 (art. 23(2)),
        # also when the case ends (terminate)
        for start, expected in (('2026-01-05', '2026-05-29'), ('2026-07-01', '2026-11-30')):
            case = self.make_case(date=start)
            d = self.d(start)
            self.advance(case, ('decide', start), ('notify', start),
                         ('verify', start, {'result': 'none'}), ('no_condition', start, {'ground': '44a_1a'}),
                         ('publish', start))
            end = '2026-05-27' if start < '2026-07-01' else '2026-11-25'   # Wednesday
            self.record(case, 'terminate', end, ground='Điều 50 khoản 1 điểm c')
            self.assertEqual((case.next_deadline_date, case.next_deadline_rule_id.code), (expected, 'unpublish'), d)

    def test_two_years_without_conditions_on_request_returns_it(self):
        """NĐ 152/2026 art. 22: on request, after 2 years without conditions
        the request is returned (copy to the procuracy) and the case ends."""
        case = self.make_case(date='2026-07-01')
        self.advance(case, ('decide', '2026-07-02'), ('notify', '2026-07-03'),
                     ('verify', '2026-07-24', {'result': 'none'}), ('no_condition', '2026-07-27', {'ground': '44a_1a'}))
        self.assertEqual(case.separate_register_date, '2028-07-27')
        self.record(case, 'return_request', '2028-07-27')
        self.assertEqual(case.state, 'returned')

    def open_due(self, case):
        """{rule code: due date} of the case's open clocks, from its journal."""
        from odoo import fields
        from ..lib import deadlines, lifecycle
        events = case.event_ids.sorted(lambda e: (e.date, e.sequence))
        pure = [deadlines.Event(self.d(e.date), e.event_type, e.ground or None, e.result or None) for e in events]
        clocks = deadlines.clocks(pure, self.env['thads.deadline.rule']._get_rules(),
                                  self.env['thads.calendar.day']._get_calendar(), case.kind,
                                  states=lifecycle.states_after([e.event_type for e in events]),
                                  final_states=lifecycle.FINAL)
        return {c.rule.code: fields.Date.to_string(c.due) for c in clocks if c.met is None}

    def d(self, value):
        from odoo import fields
        return fields.Date.from_string(value)
