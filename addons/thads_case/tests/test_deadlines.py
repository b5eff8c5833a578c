from datetime import timedelta

from odoo import fields

from .common import ThadsCaseCase


class TestDeadlines(ThadsCaseCase):

    def test_deadline_across_tet(self):
        case = self.make_case(date='2026-02-12')
        self.assertEqual((case.next_deadline_date, case.next_deadline_rule_id.code), ('2026-02-26', 'decide'))
        self.record(case, 'decide', '2026-02-24')
        self.assertEqual((case.next_deadline_date, case.next_deadline_rule_id.code), ('2026-02-26', 'open_file'))

    def test_rule_edits_take_effect_immediately(self):
        """The rules are cached; a change to one applies to the next replay."""
        self.assertEqual(self.make_case(date='2026-03-02').next_deadline_date, '2026-03-09')  # 5 NLV
        rule = self.env['thads.deadline.rule'].search([
            ('code', '=', 'decide'), '|', ('date_from', '=', False), ('date_from', '<=', '2026-03-02'),
            '|', ('date_to', '=', False), ('date_to', '>=', '2026-03-02')])
        self.assertEqual((len(rule), rule.count), (1, 5))
        rule.count = 10
        case = self.make_case(date='2026-03-02')
        self.assertEqual((case.next_deadline_date, case.next_deadline_rule_id), ('2026-03-16', rule))

    def test_both_regimes_of_confirmation(self):
        case = self.make_case(date='2026-03-02')
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'),
                     ('collect', '2026-03-06', {'amount': 100000000}), ('complete', '2026-03-09'),
                     ('close', '2026-03-10'))
        self.record(case, 'confirm_request', '2026-06-29')
        # a confirmation requested on a closed case has its deadline (art. 53: 05 NLV before 01/07/2026)
        self.assertEqual((case.next_deadline_date, case.next_deadline_rule_id.code), ('2026-07-06', 'confirm'))
        rules = self.env['thads.deadline.rule']._get_rules()
        self.assertEqual(len([r for r in rules if r.code == 'confirm']), 2)
        old = self.env['thads.case'].browse(case.id)
        from ..lib import deadlines
        calendar = self.env['thads.calendar.day']._get_calendar()
        ev = deadlines.Event
        d = fields.Date.from_string
        self.assertEqual(deadlines.next_deadline([ev(d('2026-06-29'), 'confirm_request', None, None)],
                                                 rules, calendar).due, d('2026-07-06'))
        self.assertEqual(deadlines.next_deadline([ev(d('2026-07-01'), 'confirm_request', None, None)],
                                                 rules, calendar).due, d('2026-07-06'))
        self.assertTrue(old.exists())

    def test_overdue_is_searchable_and_cron_reminds_and_escalates(self):
        overdue_case = self.make_case(date='2026-03-02')          # decision due 09/03/2026
        # a case whose decision (5 working days) is due within the 3-day reminder window
        Day = self.env['thads.calendar.day']
        today = fields.Date.from_string(fields.Date.context_today(Day))
        soon = fields.Date.from_string(self.env['thads.case']._soon_limit())
        start = next(today - timedelta(days=k) for k in range(15)
                     if today <= fields.Date.from_string(Day.add(today - timedelta(days=k), 5, 'working_days')) <= soon)
        fresh_case = self.make_case(date=fields.Date.to_string(start))
        Case = self.env['thads.case']
        self.assertIn(overdue_case, Case.search([('deadline_status', '=', 'overdue')]))
        self.assertNotIn(fresh_case, Case.search([('deadline_status', '=', 'overdue')]))
        self.assertIn(fresh_case, Case.search([('deadline_status', '=', 'soon')]) |
                      Case.search([('deadline_status', '=', 'ok')]))
        Case.cron_deadlines()
        self.assertTrue(overdue_case.overdue)
        escalations = self.env['mail.activity'].search([
            ('res_model', '=', 'thads.case'), ('res_id', '=', overdue_case.id),
            ('activity_type_id', '=', self.env.ref('thads_case.mail_activity_type_escalation').id)])
        self.assertEqual(escalations.mapped('user_id'), self.users['leader'])
        reminders = self.env['mail.activity'].search([
            ('res_model', '=', 'thads.case'), ('res_id', '=', fresh_case.id),
            ('activity_type_id', '=', self.env.ref('thads_case.mail_activity_type_deadline').id)])
        self.assertEqual(reminders.mapped('user_id'), self.users['executor'])
        count = self.env['mail.activity'].search_count([('res_model', '=', 'thads.case')])
        self.env.ref('thads_case.ir_cron_thads_case_deadlines').method_direct_trigger()
        self.assertEqual(self.env['mail.activity'].search_count([('res_model', '=', 'thads.case')]), count,
                         'the cron is idempotent')

    def test_cron_flags_overdue_when_the_day_passes(self):
        case = self.make_case(date='2026-03-02')
        # as it was yesterday, when the deadline was still ahead
        self.env.cr.execute("UPDATE thads_case SET overdue = false, deadline_status = 'ok' WHERE id = %s",
                            (case.id,))
        case.invalidate_cache()
        self.assertFalse(case.overdue)
        self.env['thads.case'].cron_deadlines()
        self.assertEqual((case.overdue, case.deadline_status), (True, 'overdue'))
