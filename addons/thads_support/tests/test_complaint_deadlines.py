"""Issue 20, remaining point 1: a complaint's legal deadline follows a
later change of the working calendar (set-based, with the requests' SLA
deadlines) and a pause where the law does not count it.

Expected dates are counted by hand on the calendar data of thads_accounts:
Tết 2026 off 16-20/02 (with the weekends 14/02-22/02), 27/04 (Giỗ Tổ,
compensated), 30/04 and 01/05/2026 off."""
from odoo.exceptions import UserError

from .test_complaint import ComplaintCase
from ..models.thads_support_request import on_day


class TestComplaintDeadlinesFollow(ComplaintCase):

    def day_off(self, day):
        return self.env['thads.calendar.day'].create({'date': day, 'name': 'Nghỉ đột xuất'})

    def denounce(self, day, **vals):
        values = {'kind': 'denunciation', 'office_id': self.region_a1.id, 'channel': 'post',
                  'content': 'Tố cáo Chấp hành viên.', 'denouncer_name': 'Người Tố Cáo'}
        values.update(vals)
        return on_day(self.env['thads.complaint'].with_context(thads_no_email=True), day).create(values)

    def pause(self, complaint, start, end):
        request = complaint.request_id
        request.guidance_note = 'Đề nghị bổ sung tài liệu.'
        self.on(request, start).action_incomplete()
        self.assertEqual(request.state, 'waiting')
        self.on(request, end).action_resume()
        self.assertNotEqual(request.state, 'waiting')
        complaint.invalidate_cache()

    def assertDeadline(self, complaint, day, field):
        complaint.invalidate_cache()
        self.assertEqual((complaint.legal_deadline, complaint.total_deadline, complaint[field]), (day, day, day))

    def test_a_later_holiday_moves_a_working_day_limit_not_a_days_limit(self):
        # received Thursday 05/03/2026: acceptance within 05 working days: 06, 09, 10, 11, 12/03
        received = self.complain(day='2026-03-05', date_known='2026-03-02')
        self.assertDeadline(received, '2026-03-12', 'acceptance_deadline')
        # accepted Tuesday 03/03/2026: decision within 15 days: Wednesday 18/03
        accepted = self.complain(day='2026-03-02', date_known='2026-02-27')
        self.on(accepted, '2026-03-03').action_accept()
        self.assertDeadline(accepted, '2026-03-18', 'decision_deadline')
        # Tuesday 10/03 declared a day off afterwards: 06, 09, 11, 12, 13/03 -> Friday 13/03;
        # the 15 days still end on 18/03 (a working day)
        holiday = self.day_off('2026-03-10')
        self.assertDeadline(received, '2026-03-13', 'acceptance_deadline')
        self.assertDeadline(accepted, '2026-03-18', 'decision_deadline')
        # a day off on the last day of a days limit: rolled over to Thursday 19/03 (Civil Code art. 148)
        last = self.day_off('2026-03-18')
        self.assertDeadline(accepted, '2026-03-19', 'decision_deadline')
        (holiday | last).unlink()
        self.assertDeadline(received, '2026-03-12', 'acceptance_deadline')
        self.assertDeadline(accepted, '2026-03-18', 'decision_deadline')
        # the SQL refresh and the Python rule agree
        for complaint in received | accepted:
            self.assertEqual(complaint.legal_deadline, complaint.request_id._legal_deadline_value())

    def test_across_tet_2026_and_a_day_added_after_it(self):
        """No official notice for Tết 2027 is in the calendar data (only the
        statutory days computed from the lunar calendar): Tết 2026 is used."""
        # received Thursday 12/02/2026: 13/02, then 23, 24, 25, 26/02 (Tết 16-20/02 off)
        received = self.complain(day='2026-02-12', date_known='2026-02-05')
        self.assertDeadline(received, '2026-02-26', 'acceptance_deadline')
        # accepted Thursday 05/02/2026: 15 days end on Friday 20/02, a Tết day: Monday 23/02
        accepted = self.complain(day='2026-02-04', date_known='2026-02-02')
        self.on(accepted, '2026-02-05').action_accept()
        self.assertDeadline(accepted, '2026-02-23', 'decision_deadline')
        # Monday 23/02 declared off afterwards (Tết extended by a day):
        # 13/02, 24, 25, 26, 27/02; the days limit rolls over to Tuesday 24/02
        self.day_off('2026-02-23')
        self.assertDeadline(received, '2026-02-27', 'acceptance_deadline')
        self.assertDeadline(accepted, '2026-02-24', 'decision_deadline')

    def test_a_pause_extends_a_denunciation_not_a_complaint(self):
        # denunciation accepted Tuesday 03/03/2026: 60 days end on Saturday 02/05 -> Monday 04/05
        denunciation = self.denounce('2026-03-02')
        self.on(denunciation, '2026-03-03').action_accept()
        self.assertDeadline(denunciation, '2026-05-04', 'decision_deadline')
        self.assertTrue(denunciation.request_id.legal_pausable)
        self.assertIn('Điều 34 khoản 2', denunciation.legal_basis)
        # suspended from 10/03 to 20/03: 10 days not counted -> 70 days from 03/03 = Tuesday 12/05
        self.pause(denunciation, '2026-03-10', '2026-03-20')
        self.assertEqual(denunciation.request_id.legal_paused, 10)
        self.assertDeadline(denunciation, '2026-05-12', 'decision_deadline')
        # and it still follows the calendar: 12/05 declared off -> Wednesday 13/05
        self.day_off('2026-05-12')
        self.assertDeadline(denunciation, '2026-05-13', 'decision_deadline')
        self.assertEqual(denunciation.legal_deadline, denunciation.request_id._legal_deadline_value())
        # a complaint: Law 2014 art. 146, 148 allow no pause; the clock shows it, the deadline stays
        complaint = self.complain(day='2026-03-02', date_known='2026-02-27')
        self.on(complaint, '2026-03-03').action_accept()
        self.assertFalse(complaint.request_id.legal_pausable)
        self.pause(complaint, '2026-03-05', '2026-03-12')
        self.assertEqual(complaint.request_id.legal_paused, 0)
        self.assertDeadline(complaint, '2026-03-18', 'decision_deadline')

    def test_a_pausable_working_day_limit(self):
        """The mechanism on a working-day limit (the data's acceptance of a
        denunciation is not pausable; made so here): received Thursday
        05/03/2026, 07 working days end on Monday 16/03; paused Monday 09/03
        to Wednesday 11/03 (2 working days: 10 and 11/03) -> Wednesday 18/03."""
        self.env.ref('thads_support.limit_denunciation_2014_1').pausable = True
        denunciation = self.denounce('2026-03-05')
        self.assertDeadline(denunciation, '2026-03-16', 'acceptance_deadline')
        self.pause(denunciation, '2026-03-09', '2026-03-11')
        self.assertEqual(denunciation.request_id.legal_paused, 2)
        self.assertDeadline(denunciation, '2026-03-18', 'acceptance_deadline')
        # the whole clock recomputed in SQL gives the same
        self.env['thads.support.request']._sla_sql_refresh('2026-03-11')
        self.assertDeadline(denunciation, '2026-03-18', 'acceptance_deadline')

    def test_the_inputs_are_written_by_the_complaint_alone(self):
        complaint = self.complain(day='2026-03-05', date_known='2026-03-02')
        for vals in ({'legal_paused': 5}, {'legal_start': '2026-03-20'}, {'legal_pausable': True}):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                complaint.request_id.sudo(self.users['leader']).write(vals)
        complaint.invalidate_cache()
        self.assertEqual((complaint.legal_paused, complaint.legal_start), (0, '2026-03-05'))


    def test_a_later_holiday_moves_the_time_limit_to_complain(self):
        """Law 2014 art. 140(2)(b): an account freeze may be complained of
        within 03 working days.  Known on Monday 09/03/2026: 10, 11, 12/03;
        filed on Friday 13/03: late.  Wednesday 11/03 declared a day off
        before the acceptance: 10, 12, 13/03, so filed in time.  A complaint
        already accepted keeps the check it had."""
        waiting = self.complain(day='2026-03-13', date_known='2026-03-09', measure='freeze')
        accepted = self.complain(day='2026-03-12', date_known='2026-03-09', measure='freeze')
        self.on(accepted, '2026-03-12').action_accept()
        self.assertEqual((waiting.limitation_deadline, waiting.late), ('2026-03-12', True))
        self.assertEqual((accepted.limitation_deadline, accepted.late), ('2026-03-12', False))
        holiday = self.day_off('2026-03-11')
        for complaint in waiting | accepted:
            complaint.invalidate_cache()
        self.assertEqual((waiting.limitation_deadline, waiting.late), ('2026-03-13', False))
        self.assertEqual((accepted.limitation_deadline, accepted.late), ('2026-03-12', False))
        # the day off withdrawn: late again
        holiday.unlink()
        waiting.invalidate_cache()
        self.assertEqual((waiting.limitation_deadline, waiting.late), ('2026-03-12', True))


class TestLaw2014Limits(ComplaintCase):
    """The limits of Law 26/2008 as amended by Law 64/2014, as its text reads
    (Bộ Pháp điển, "Thi hành án dân sự", art. 140, 146, 148), each row
    (matter, round, notified on, filed on) -> (time limit to complain,
    late, acceptance due, accepted on, decision due), counted by hand."""

    TABLE = [
        # art. 140(2)(a): 15 days; art. 148: 05 working days; art. 146(1): 15 days
        ('general', '2026-03-02', '2026-03-16', '2026-03-17', False, '2026-03-23', '2026-03-17', '2026-04-01'),
        # art. 140(2)(d): after coercion 30 days (filed on day 23: in time); art. 146(4): 15 days
        ('after_coercion', '2026-03-02', '2026-03-25', '2026-04-01', False, '2026-04-01', '2026-03-26',
         '2026-04-10'),
        # the same filed as a general act would be late (15 days ended on 17/03)
        ('general', '2026-03-02', '2026-03-25', '2026-03-17', True, '2026-04-01', None, None),
        # art. 140(2)(b): other security measures 10 days; art. 146(2): 05 working days (27, 30, 31/03, 01, 02/04)
        ('security', '2026-03-16', '2026-03-25', '2026-03-26', False, '2026-04-01', '2026-03-26', '2026-04-02'),
        # art. 140(2)(c): coercion 30 days; art. 146(3): 30 days -> Saturday 25/04 -> Monday 27/04 is Giỗ Tổ
        # (compensated) -> Tuesday 28/04
        ('coercion', '2026-03-02', '2026-03-25', '2026-04-01', False, '2026-04-01', '2026-03-26', '2026-04-28'),
    ]

    def test_table(self):
        for measure, known, filed, limitation, late, acceptance, accepted, decision in self.TABLE:
            complaint = self.complain(day=filed, measure=measure, date_known=known)
            row = (measure, known, filed)
            self.assertEqual((complaint.limitation_deadline, complaint.late, complaint.acceptance_deadline),
                             (limitation, late, acceptance), row)
            if accepted:
                self.on(complaint, accepted).action_accept()
                self.assertEqual(complaint.decision_deadline, decision, row)
                self.assertIn('Điều 146', complaint.legal_basis)
            self.assertIn('Điều 148', complaint._version()._limit('acceptance', round_='1').legal_basis)
            self.assertTrue(complaint._version()._limit('limitation', measure=measure, round_='1').verified)
