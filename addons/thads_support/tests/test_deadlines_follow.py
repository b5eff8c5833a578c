"""Support requests' SLA deadlines move at once when the working calendar
changes (not at the next SLA cron); the online support officer returns the
result of a request for enforcement, which opens its case (QĐ 250)."""
from odoo import fields
from odoo.exceptions import UserError

from .common import SupportCase


class TestSupportDeadlinesFollow(SupportCase):

    def test_calendar_edit_moves_request_deadlines(self):
        request = self.make_request(user=self.users['support'])
        # Tue 06/01/2026: total 5 working days with Saturday 10/01 a make-up day
        self.assertEqual((request.step_deadline, request.total_deadline), ('2026-01-07', '2026-01-12'))
        day = self.env['thads.calendar.day'].create({'date': '2026-01-08', 'name': 'Nghỉ đột xuất'})
        request.invalidate_cache()
        self.assertEqual((request.step_deadline, request.total_deadline), ('2026-01-07', '2026-01-13'))
        day.unlink()
        request.invalidate_cache()
        self.assertEqual(request.total_deadline, '2026-01-12')

    def test_support_officer_returns_the_result(self):
        support = self.users['support']
        request = self.on(self.make_request(user=support), '2026-01-07').sudo(support)
        request.action_next_step()
        request.appointment_date = '2026-01-09 02:00:00'
        request.action_valid()
        request.action_next_step()
        request.sudo().user_id = self.users['officer']
        request.action_next_step()
        request.sudo().user_id = support
        request.result_note = 'Đã ra quyết định thi hành án.'
        request.action_done()
        self.assertEqual(request.state, 'done')
        case = request.case_id
        self.assertTrue(case.name)                      # readable by the support officer
        self.assertEqual(case.office_id, self.region_a1)
        self.assertEqual(case.sudo().event_ids.mapped('event_type'), ['receive'])

    def test_a_client_cannot_set_today(self):
        """`thads_today` sent by a client (a plain string in the context, as
        JSON-RPC or XML-RPC deliver it) does not date a receipt in the past."""
        values = {'procedure_code': 'enforcement', 'office_id': self.region_a1.id,
                  'applicant_name': 'Nguyễn Văn Đơn', 'applicant_id_number': '001085001234',
                  'applicant_email': 'don@example.com', 'content': 'Đề nghị thi hành bản án.',
                  'court': 'TAND khu vực 1', 'judgment_number': '12/2026/DS-ST'}
        request = self.env['thads.support.request'].sudo(self.users['support']).with_context(
            thads_today='2020-01-06').create(values)
        self.assertEqual(request.date_received, fields.Date.context_today(request))
        self.assertNotEqual(request.date_received, '2020-01-06')

    def test_a_client_context_cannot_move_a_closed_request(self):
        """`thads_step_internal` sent by a client does not skip the check that
        a finished request cannot change step."""
        request = self.make_request(user=self.users['support'])
        request.refusal_ground = 'Khoản 5 Điều 31 Luật THADS'
        request.action_refuse()
        step = request.step_id
        other = request.procedure_id.step_ids - step
        with self.assertRaises(UserError):
            request.sudo(self.users['leader']).with_context(thads_step_internal=True).write(
                {'step_id': other[:1].id})
        request.invalidate_cache()
        self.assertEqual(request.step_id, step)
