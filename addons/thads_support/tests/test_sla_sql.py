"""The SLA clock computed in SQL (the daily cron, the calendar hook, a
changed step time) gives what the pure-Python clock (lib/sla.py) gives, in
every state and across the 27/04-01/05/2026 holidays; the cron run twice
changes nothing and notifies once."""
from odoo import fields

from ..lib import sla
from .common import SupportCase

CLOCK = ['step_deadline', 'total_deadline', 'sla_state', 'sla_notified_on', 'escalated', 'state',
         'date_done', 'paused_days', 'step_start_date', 'pause_start_date']


class TestSlaSql(SupportCase):

    def setUp(self):
        super(TestSlaSql, self).setUp()
        # Giỗ Tổ (Sun 26/04/2026) is taken on Mon 27/04; Thu 30/04 and Fri 01/05 are off
        self.Request = self.env['thads.support.request']
        support = self.users['support']
        make = lambda day, **kw: self.make_request(day=day, user_id=support.id, **kw)  # noqa: E731
        self.due = make('2026-04-24')        # step 1 (1 wd): Tue 28/04; total (5 wd): Wed 06/05
        self.late = make('2026-04-21')       # step 1: Wed 22/04
        self.fresh = make('2026-04-28')      # step 1: Wed 29/04
        self.paused = make('2026-04-24')
        self.paused.guidance_note = 'Bổ sung bản sao bản án.'
        self.on(self.paused, '2026-04-24').action_incomplete()
        self.met = make('2026-04-24')
        self.met.refusal_ground = 'Khoản 5 Điều 31 Luật THADS'
        self.on(self.met, '2026-04-27').action_refuse()
        self.breached = make('2026-04-14')   # total: Tue 21/04
        self.breached.refusal_ground = 'Khoản 5 Điều 31 Luật THADS'
        self.on(self.breached, '2026-04-28').action_refuse()
        self.resumed = make('2026-04-24')    # paused 24/04 -> 04/05: 3 working days (28, 29/04, 04/05)
        self.resumed.guidance_note = 'Bổ sung bản sao bản án.'
        self.on(self.resumed, '2026-04-24').action_incomplete()
        self.on(self.resumed, '2026-05-04').action_resume()
        self.moved = make('2026-04-24')      # at step 3 (1 wd) from Wed 29/04: Mon 04/05
        self.on(self.moved, '2026-04-29').write({'step_id': self.env.ref('thads_support.step_enforcement_3').id})
        # no total time; step 1 (1 wd): Tue 28/04; nobody assigned
        self.open_ended = self.make_request('petition', day='2026-04-24', petition_type='phan_anh')
        self.all = (self.due | self.late | self.fresh | self.paused | self.met | self.breached | self.resumed
                    | self.moved | self.open_ended)

    def expected(self, request, today):
        """The clock by lib/sla.py alone, from the request's inputs."""
        calendar = self.env['thads.calendar.day']._get_calendar()
        day = fields.Date.from_string
        done = day(request.date_done) if request.date_done else None
        total = sla.shift(calendar, sla.deadline(calendar, day(request.date_received),
                                                 request.procedure_id.total_days), request.paused_days)
        step = None if done else sla.deadline(calendar, day(request.step_start_date), request.step_id.days)
        return {'total_deadline': fields.Date.to_string(total) if total else False,
                'step_deadline': fields.Date.to_string(step) if step else False,
                'sla_state': sla.state(today, step, total, paused=request.state == 'waiting', done_on=done)}

    def scramble(self, fields_sql):
        self.env.cr.execute('UPDATE thads_support_request SET %s WHERE id IN %%s' % fields_sql,
                            (tuple(self.all.ids),))
        self.all.invalidate_cache()

    def stored(self, request):
        return {name: request[name] for name in ('total_deadline', 'step_deadline', 'sla_state')}

    def test_hand_checked_dates_and_states(self):
        """Dates counted by hand on the 2026 calendar, states on Tue 28/04."""
        self.Request._cron_sla('2026-04-28')
        self.assertEqual((self.due.step_deadline, self.due.total_deadline), ('2026-04-28', '2026-05-06'))
        self.assertEqual((self.fresh.step_deadline, self.fresh.total_deadline), ('2026-04-29', '2026-05-07'))
        self.assertEqual((self.open_ended.step_deadline, self.open_ended.total_deadline), ('2026-04-28', False))
        self.assertEqual((self.resumed.paused_days, self.resumed.total_deadline), (3, '2026-05-11'))
        self.assertEqual(self.moved.step_deadline, '2026-05-04')
        self.assertEqual(self.breached.total_deadline, '2026-04-21')
        states = {r: r.sla_state for r in self.all}
        self.assertEqual(states, {
            self.due: 'due_today', self.late: 'overdue', self.fresh: 'on_time', self.paused: 'paused',
            self.met: 'met', self.breached: 'breached', self.resumed: 'on_time', self.moved: 'on_time',
            self.open_ended: 'due_today'})
        # consumed working days are computed when read: 24/04 -> 28/04 is one (27/04 is off)
        self.assertEqual(self.on(self.due, '2026-04-28').consumed_days, 1)
        self.assertEqual(self.on(self.resumed, '2026-05-06').consumed_days, 2)  # 5 working days - 3 paused
        self.assertEqual(self.on(self.paused, '2026-05-04').consumed_days, 0)   # paused since 24/04

    def test_sql_refresh_matches_python_every_day(self):
        """Deadlines and states recomputed in SQL from scratch equal lib/sla.py's,
        on working days, on a holiday and after it."""
        for day in ('2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-04', '2026-05-06',
                    '2026-05-11', '2026-05-12'):
            today = fields.Date.from_string(day)
            self.scramble("total_deadline = NULL, step_deadline = '1999-01-01', sla_state = NULL")
            changed = self.Request._sla_sql_refresh(day, self.all.ids)
            self.assertEqual(sorted(changed), sorted(self.all.ids))
            for request in self.all:
                self.assertEqual(self.stored(request), self.expected(request, today), '%s on %s' % (
                    request.name, day))
            # and what the actions store (the Python path) is the same
            for request in self.all:
                self.assertEqual(self.stored(request), request._sla_values(today))
            self.assertEqual(self.Request._sla_sql_refresh(day, self.all.ids), [])

    def test_cron_states_match_python(self):
        """The cron compares the stored deadlines with the day: open requests
        get lib/sla.py's state, closed ones keep theirs."""
        for day in ('2026-04-28', '2026-04-30', '2026-05-04', '2026-05-06', '2026-05-07'):
            today = fields.Date.from_string(day)
            self.env.cr.execute("""UPDATE thads_support_request SET sla_state = NULL
                                    WHERE id IN %s AND state NOT IN ('done', 'refused')""", (tuple(self.all.ids),))
            self.all.invalidate_cache()
            self.Request._cron_sla(day)
            for request in self.all:
                self.assertEqual(request.sla_state, self.expected(request, today)['sla_state'],
                                 '%s on %s' % (request.name, day))
            if day == '2026-04-30':  # a holiday: the steps due on 28 and 29/04 are overdue
                self.assertEqual((self.due.sla_state, self.fresh.sla_state, self.moved.sla_state),
                                 ('overdue', 'overdue', 'on_time'))
            if day == '2026-05-04':  # the first working day after it
                self.assertEqual((self.moved.sla_state, self.resumed.sla_state), ('due_today', 'on_time'))
        self.assertEqual((self.met.sla_state, self.breached.sla_state, self.paused.sla_state),
                         ('met', 'breached', 'paused'))

    def test_cron_twice_changes_nothing(self):
        self.users['support'].lang = 'vi_VN'
        self.users['leader'].lang = 'vi_VN'
        Activity = self.env['mail.activity']
        domain = [('res_model', '=', self.Request._name), ('res_id', 'in', self.all.ids)]
        before = Activity.search_count(domain)
        self.Request._cron_sla('2026-04-28')
        activities = Activity.search(domain)
        self.assertEqual(len(activities), before + 2)  # due today: reminder; late: escalation
        reminder = activities.filtered(lambda a: a.res_id == self.due.id)
        self.assertEqual((reminder.user_id, reminder.date_deadline, reminder.res_name),
                         (self.users['support'], '2026-04-28', self.due.name))
        self.assertEqual(reminder.summary, 'Bước "%s" đến hạn hôm nay' % self.due.step_id.name)
        escalation = activities.filtered(lambda a: a.res_id == self.late.id)
        self.assertEqual(escalation.user_id, self.users['leader'])
        self.assertEqual(escalation.summary, 'Quá hạn: bước "%s" (hạn 22/04/2026)' % self.late.step_id.name)
        self.assertIn(self.users['leader'].partner_id, self.late.message_partner_ids)  # follows, as Odoo does
        self.assertTrue(self.late.message_follower_ids.filtered(
            lambda f: f.partner_id == self.users['leader'].partner_id).subtype_ids)
        self.assertEqual((self.due.sla_notified_on, self.late.escalated), ('2026-04-28', True))
        snapshot = self.all.read(CLOCK)
        followers = self.env['mail.followers'].search_count([('res_model', '=', self.Request._name)])
        self.Request._cron_sla('2026-04-28')
        self.all.invalidate_cache()
        self.assertEqual(self.all.read(CLOCK), snapshot)
        self.assertEqual(Activity.search(domain), activities)
        self.assertEqual(self.env['mail.followers'].search_count([('res_model', '=', self.Request._name)]),
                         followers)
        self.assertEqual(self.Request._sla_sql_states(fields.Date.from_string('2026-04-28')), [])
        # the next day: the overdue request is not escalated again; the due one is now overdue
        self.Request._cron_sla('2026-04-29')
        # escalations of `due` and `open_ended` (nobody assigned: no reminder before), reminder of `fresh`
        self.assertEqual(Activity.search_count(domain), before + 5)
        self.Request._cron_sla('2026-04-29')
        self.assertEqual(Activity.search_count(domain), before + 5)

    def test_changed_step_time_moves_deadlines(self):
        step = self.env.ref('thads_support.step_enforcement_1')
        step.days = 3
        self.assertEqual(self.due.step_deadline, '2026-05-04')    # 28, 29/04, 04/05
        self.assertEqual(self.met.step_deadline, False)           # closed: untouched
        procedure = self.due.procedure_id
        procedure.total_days = 6
        self.assertEqual(self.due.total_deadline, '2026-05-07')
        self.assertEqual(self.met.total_deadline, '2026-05-06')   # closed: untouched
