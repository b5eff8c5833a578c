"""Issue 20: complaints and denunciations, end to end through each outcome,
with the legal time limits of each law version across Tết 2026 (16-20/02
off) and the make-up Saturday 10/01/2026 (thads_accounts calendar data)."""
from odoo.exceptions import UserError

from .common import SupportCase
from ..models.thads_support_request import on_day


class ComplaintCase(SupportCase):

    def complain(self, day='2026-02-12', **vals):
        values = {'kind': 'complaint', 'office_id': self.region_a1.id, 'channel': 'desk',
                  'applicant_name': 'Nguyễn Văn Khiếu', 'applicant_id_number': '001085001234',
                  'applicant_email': 'khieunai@example.com', 'content': 'Khiếu nại quyết định thi hành án.',
                  'measure': 'general', 'round': '1', 'date_known': '2026-02-05'}
        values.update(vals)
        return on_day(self.env['thads.complaint'].with_context(thads_no_email=True), day).create(values)

    @staticmethod
    def on(record, day):
        return on_day(record, day)


class TestComplaint(ComplaintCase):

    def test_first_round_across_tet_upheld_revokes_the_act(self):
        case = self.advance(self.make_case(date='2026-02-02'), ('decide', '2026-02-02'))
        self.assertEqual(case.state, 'new')
        complaint = self.complain(case_id=case.id)
        self.assertEqual(complaint.procedure_id, self.env.ref('thads_support.procedure_complaint_2014'))
        # 05/02 + 15 days = 20/02, a Tết day off: rolled over to Monday 23/02
        self.assertEqual(complaint.limitation_deadline, '2026-02-23')
        self.assertFalse(complaint.late)
        # 05 working days from Thursday 12/02: 13/02, then 23, 24, 25, 26/02 (Tết 16-20/02 off)
        self.assertEqual(complaint.acceptance_deadline, '2026-02-26')
        self.assertEqual((complaint.legal_deadline, complaint.total_deadline), ('2026-02-26', '2026-02-26'))
        self.assertEqual(complaint.request_id.state, 'received')
        complaint = self.on(complaint, '2026-02-13')
        complaint.action_accept()
        # 13/02 + 15 days = Saturday 28/02 -> Monday 02/03
        self.assertEqual((complaint.complaint_state, complaint.date_accepted, complaint.decision_deadline),
                         ('accepted', '2026-02-13', '2026-03-02'))
        self.assertEqual(complaint.total_deadline, '2026-03-02')
        self.assertEqual(complaint.step_id, self.env.ref('thads_support.step_complaint_2014_2'))
        # the request's own buttons cannot bypass the complaint
        with self.assertRaises(UserError):
            complaint.request_id.action_done()
        # the SLA cron of the requests escalates the complaint like any request
        self.env['thads.support.request']._cron_sla('2026-03-03')
        self.assertEqual(complaint.request_id.sla_state, 'overdue')
        complaint.write({'verification_note': 'Đã xác minh', 'dialogue_date': '2026-02-24',
                         'proposed_outcome': 'upheld', 'decision_number': '01/QĐ-GQKN', 'effect': 'revoke'})
        self.on(complaint, '2026-03-02').action_decide()
        self.assertEqual((complaint.complaint_state, complaint.outcome, complaint.date_decided, complaint.on_time),
                         ('decided', 'upheld', '2026-03-02', True))
        self.assertEqual(complaint.request_id.state, 'done')
        # the effect on the case is an event of its workflow, and the case follows its replay
        event = complaint.case_event_id
        self.assertEqual((event.event_type, event.document_number, event.date), ('revoke', '01/QĐ-GQKN', '2026-03-02'))
        case.invalidate_cache()
        self.assertEqual(case.state, 'revoked')
        with self.assertRaises(UserError):
            complaint.action_decide()

    def test_limitation_counts_the_makeup_saturday_and_refuses(self):
        # account freeze, Law 2014: 03 working days from Wednesday 07/01: 08, 09 and Saturday 10/01 (make-up day)
        complaint = self.complain(day='2026-01-12', measure='freeze', date_known='2026-01-07')
        self.assertEqual(complaint.limitation_deadline, '2026-01-10')
        self.assertTrue(complaint.late)
        with self.assertRaises(UserError):
            complaint.action_accept()
        self.assertEqual(complaint.complaint_state, 'received')
        self.on(complaint, '2026-01-13').action_refuse_late()
        self.assertEqual((complaint.complaint_state, complaint.request_id.state), ('refused', 'refused'))
        self.assertIn('10/01/2026', complaint.refusal_ground)
        self.assertIn('Điều 140', complaint.refusal_ground)
        # filed on the Saturday itself: in time
        in_time = self.complain(day='2026-01-10', measure='freeze', date_known='2026-01-07')
        self.assertFalse(in_time.late)

    def test_refusal_needs_its_ground(self):
        complaint = self.complain()
        with self.assertRaises(UserError):
            complaint.action_refuse()
        complaint.refusal_ground = 'Điều 141 Luật THADS: người khiếu nại không có quyền lợi liên quan'
        self.on(complaint, '2026-02-13').action_refuse()
        self.assertEqual(complaint.complaint_state, 'refused')
        with self.assertRaises(UserError):
            complaint.write({'measure': 'coercion'})  # the classification of a closed complaint is fixed

    def test_second_round_rejected_then_partly_late(self):
        first = self.complain()
        self.on(first, '2026-02-13').action_accept()
        first.write({'proposed_outcome': 'rejected', 'decision_number': '02/QĐ-GQKN'})
        self.on(first, '2026-02-27').action_decide()
        self.assertEqual((first.outcome, first.on_time, first.case_event_id.id), ('rejected', True, False))
        action = self.on(first, '2026-03-02').action_second_round()
        second = self.env['thads.complaint'].browse(action['res_id'])
        self.assertEqual((second.round, second.first_round_id, second.office_id),
                         ('2', first, self.region_a1.parent_id))
        self.assertEqual(second.date_received, '2026-03-02')
        # second round: 15 days from the notice of the first decision (27/02) -> 14/03 Saturday -> 16/03
        self.assertEqual(second.limitation_deadline, '2026-03-16')
        self.on(second, '2026-03-03').action_accept()
        # 30 days from 03/03 = 02/04
        self.assertEqual(second.decision_deadline, '2026-04-02')
        second.write({'proposed_outcome': 'partly', 'decision_number': '05/QĐ-GQKN'})
        self.on(second, '2026-04-10').action_decide()
        self.assertEqual((second.outcome, second.on_time, second.request_id.sla_state), ('partly', False, 'breached'))
        with self.assertRaises(UserError):
            second.action_second_round()

    def test_law_106_security_measure_complex(self):
        complaint = self.complain(day='2026-07-06', measure='security', date_known='2026-06-30', complexity='complex')
        self.assertEqual(complaint.procedure_id, self.env.ref('thads_support.procedure_complaint_2026'))
        # Law 106 art. 96(2)(b): 10 days -> 10/07
        self.assertEqual((complaint.limitation_deadline, complaint.late), ('2026-07-10', False))
        self.on(complaint, '2026-07-07').action_accept()
        # art. 102: 05 working days (08, 09, 10, 13, 14/07) + 30 days for a complex matter
        self.assertEqual(complaint.decision_deadline, '2026-08-13')
        self.assertIn('Điều 102', complaint.legal_basis)

    def test_denunciation_concluded(self):
        denunciation = on_day(self.env['thads.complaint'].with_context(thads_no_email=True), '2026-02-12').create({
            'kind': 'denunciation', 'office_id': self.region_a1.id, 'channel': 'post',
            'content': 'Tố cáo Chấp hành viên nhận tiền của đương sự.', 'denouncer_name': 'Người Tố Cáo',
            'denouncer_id_number': '001085009999', 'denouncer_address': 'Hà Nội'})
        self.assertEqual(denunciation.procedure_id, self.env.ref('thads_support.procedure_denunciation_2014'))
        # the request (read by the office) carries nothing of the denouncer
        self.assertNotIn('Tố Cáo', denunciation.request_id.applicant_name)
        self.assertFalse(denunciation.request_id.applicant_id_number)
        identity = self.env['thads.denunciation.identity'].search([('complaint_id', '=', denunciation.id)])
        self.assertEqual((identity.name, identity.id_number), ('Người Tố Cáo', '001085009999'))
        self.on(denunciation, '2026-02-13').action_accept()
        # Law 2014 art. 157: 60 days from acceptance
        self.assertEqual(denunciation.decision_deadline, '2026-04-14')
        denunciation.write({'proposed_outcome': 'partly', 'decision_number': '01/KL-TC'})
        self.on(denunciation, '2026-04-01').action_decide()
        self.assertEqual((denunciation.complaint_state, denunciation.outcome, denunciation.on_time),
                         ('decided', 'partly', True))
        # Law 106 art. 110(2): 30 days, very complex 90
        later = on_day(self.env['thads.complaint'].with_context(thads_no_email=True), '2026-07-06').create({
            'kind': 'denunciation', 'office_id': self.region_a1.id, 'content': 'Tố cáo.',
            'denouncer_name': 'Người Khác', 'complexity': 'very_complex'})
        self.on(later, '2026-07-07').action_accept()
        self.assertEqual(later.decision_deadline, '2026-10-05')  # 07/07 + 90 = 05/10 (Monday)
        with self.assertRaises(UserError):
            self.env['thads.complaint'].create({'kind': 'denunciation', 'office_id': self.region_a1.id,
                                                'content': 'Không có tên'})
