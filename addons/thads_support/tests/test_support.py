"""Each procedure through its outcomes, the SLA clock across holidays and a
make-up Saturday, the scheduled action, and access per role."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import SupportCase


class TestSupport(SupportCase):

    def mails(self, request):
        return self.env['mail.mail'].search([('model', '=', request._name), ('res_id', '=', request.id)],
                                            order='id')

    def test_enforcement_valid_opens_a_case(self):
        request = self.make_request(user=self.users['support'])
        self.assertEqual(len(request.name), 17)
        self.assertTrue(request.name.startswith('HT-'))
        self.assertEqual(request.step_id, self.env.ref('thads_support.step_enforcement_1'))
        self.assertEqual(request.state, 'received')
        # Tue 06/01/2026: step within 1 working day, total 5 working days with Sat 10/01 a make-up day
        self.assertEqual((request.step_deadline, request.total_deadline), ('2026-01-07', '2026-01-12'))
        self.assertEqual(request.sla_state, 'on_time')
        self.assertEqual(self.mails(request).mapped('email_to'), ['don@example.com'])  # receipt
        request = self.on(request.sudo(self.users['support']), '2026-01-07')
        request.action_next_step()
        self.assertEqual(request.step_kind, 'check')
        with self.assertRaises(UserError):
            request.action_valid()  # no appointment yet
        request.appointment_date = '2026-01-09 02:00:00'
        request.action_valid()
        self.assertEqual(request.step_kind, 'meet')
        self.assertIn('09:00 09/01/2026', self.mails(request)[-1].body_html)  # local time in the notice
        request.action_next_step()
        self.assertEqual((request.step_kind, request.user_id.id), ('process', False))  # the leader assigns
        request.user_id = self.users['officer']
        request.action_next_step()
        self.assertEqual((request.step_kind, request.user_id), ('return', self.users['leader']))
        with self.assertRaises(UserError):
            request.action_done()  # no result text
        request = self.on(request.sudo(self.users['leader']), '2026-01-12')
        request.result_note = 'Đã ra quyết định thi hành án.'
        request.action_done()
        self.assertEqual((request.state, request.sla_state, request.date_done), ('done', 'met', '2026-01-12'))
        case = request.case_id
        self.assertEqual((case.kind, case.office_id, case.judgment_number),
                         ('theo_yeu_cau', self.region_a1, '12/2026/DS-ST'))
        creditor = case.party_ids.filtered(lambda p: p.role == 'creditor').partner_id
        self.assertEqual((creditor.name, creditor.thads_id_number), ('Nguyễn Văn Đơn', '001085001234'))
        self.assertEqual(len(self.mails(request)), 3)  # receipt, appointment, result

    def test_incomplete_pauses_the_clock(self):
        request = self.make_request(day='2026-04-24')  # Friday before 27/4, 30/4 and 1/5
        self.assertEqual(request.total_deadline, '2026-05-06')
        request = self.on(request, '2026-04-24')
        with self.assertRaises(UserError):
            request.action_incomplete()  # no guidance written
        request.guidance_note = 'Bổ sung bản sao bản án.'
        request.action_incomplete()
        self.assertEqual((request.state, request.sla_state), ('waiting', 'paused'))
        self.assertIn('Bổ sung bản sao bản án.', self.mails(request)[-1].body_html)
        with self.assertRaises(UserError):
            request.action_next_step()  # waiting: nothing moves
        # the applicant completes the file on Mon 04/05: 3 working days paused (28, 29/4 and 4/5)
        request = self.on(request, '2026-05-04')
        request.action_resume()
        self.assertEqual((request.state, request.paused_days), ('in_progress', 3))
        self.assertEqual(request.total_deadline, '2026-05-11')
        self.assertEqual((request.step_start_date, request.step_deadline), ('2026-05-04', '2026-05-05'))
        self.assertEqual(request.sla_state, 'on_time')

    def test_refusal_needs_a_ground(self):
        request = self.on(self.make_request(), '2026-01-07')
        with self.assertRaises(UserError):
            request.action_refuse()
        request.refusal_ground = 'Khoản 5 Điều 31 Luật THADS'
        request.action_refuse()
        self.assertEqual((request.state, request.sla_state), ('refused', 'met'))
        self.assertIn('Khoản 5 Điều 31', self.mails(request)[-1].body_html)
        self.assertFalse(request.case_id)
        with self.assertRaises(UserError):
            request.action_next_step()

    def test_petition_transfer_and_open_ended_step(self):
        request = self.make_request('petition', petition_type='phan_anh', petitioner_count=3)
        self.assertFalse(request.total_deadline)  # step 4 depends on the matter
        request = self.on(request, '2026-01-06')
        with self.assertRaises(UserError):
            request.action_transfer()
        request.write({'transfer_authority': 'UBND phường Hoàn Kiếm', 'handling_condition': 'eligible'})
        request.action_transfer()
        self.assertEqual(request.jurisdiction, 'other')
        self.assertIn('UBND phường Hoàn Kiếm', request.result_note)
        for expected in ('assign', 'process', 'approve', 'return'):
            request.action_next_step()
            self.assertEqual(request.step_kind, expected)
            if expected == 'approve':
                self.assertFalse(request.step_deadline)
        request.action_done()
        self.assertEqual((request.state, request.sla_state), ('done', 'met'))
        self.assertFalse(request.case_id)

    def test_confirmation_follows_the_regime_of_its_day(self):
        old = self.make_request('confirmation', day='2026-06-15', case_reference='15/2025/THA')
        new = self.make_request('confirmation', day='2026-07-01', case_reference='15/2025/THA')
        self.assertEqual((len(old.procedure_id.step_ids), old.procedure_id.total_days), (5, 5))
        self.assertEqual((len(new.procedure_id.step_ids), new.procedure_id.total_days), (3, 3))
        self.assertEqual(new.total_deadline, '2026-07-06')
        new = self.on(new, '2026-07-02')
        new.action_next_step()
        new.action_next_step()
        new.result_note = 'Xác nhận đã thi hành xong.'
        with self.assertRaises(UserError):
            new.action_done()  # which case?
        new.case_id = self.make_case()
        new.action_done()
        self.assertEqual(new.state, 'done')
        with self.assertRaises(ValidationError):
            self.env['thads.support.procedure'].create({
                'name': 'overlap', 'code': 'confirmation', 'date_start': '2026-08-01', 'legal_basis': 'x'})

    def test_cron_reminds_escalates_and_is_idempotent(self):
        request = self.make_request(user_id=self.users['support'].id)
        Request = self.env['thads.support.request']
        activities = lambda: self.env['mail.activity'].search(  # noqa: E731
            [('res_model', '=', request._name), ('res_id', '=', request.id)])
        Request._cron_sla('2026-01-07')
        self.assertEqual(request.sla_state, 'due_today')
        self.assertEqual(activities().mapped('user_id'), self.users['support'])
        written = request.write_date
        Request._cron_sla('2026-01-07')
        self.assertEqual((len(activities()), request.write_date), (1, written))
        Request._cron_sla('2026-01-08')
        self.assertEqual(request.sla_state, 'overdue')
        self.assertEqual(activities().mapped('user_id'), self.users['support'] | self.users['leader'])
        Request._cron_sla('2026-01-08')
        self.assertEqual(len(activities()), 2)
        overdue = Request.search([('sla_state', '=', 'overdue'), ('id', '=', request.id)])
        self.assertEqual(overdue, request)  # a plain SQL filter

    def test_kanban_move_restarts_the_step(self):
        request = self.make_request()
        step3 = self.env.ref('thads_support.step_enforcement_3')
        self.on(request, '2026-01-08').write({'step_id': step3.id})
        self.assertEqual((request.step_start_date, request.step_deadline), ('2026-01-08', '2026-01-09'))

    def test_access_per_role(self):
        mine = self.make_request(user=self.users['support'])
        theirs = self.make_request(user=self.users_b['support'], office=self.region_b1)
        petition_b = self.make_request('petition', office=self.region_b1)
        both = mine | theirs | petition_b
        Request = self.env['thads.support.request']

        def visible(user):
            return Request.sudo(user).search([('id', 'in', both.ids)])
        self.assertEqual(visible(self.users['support']), mine)
        self.assertEqual(visible(self.users_b['support']), theirs | petition_b)
        self.assertEqual(visible(self.users['leader']), mine)
        self.assertFalse(visible(self.users['executor']))
        mine.user_id = self.users['executor']
        self.assertEqual(visible(self.users['executor']), mine)  # the step assigned to them
        self.assertEqual(visible(self.users['national']), both)
        with self.assertRaises(AccessError):
            mine.sudo(self.users['national']).write({'internal_note': 'x'})
        complaints = self.users['reader']
        complaints.groups_id |= self.env.ref('thads_support.group_thads_complaint_national')
        self.assertEqual(visible(complaints), petition_b)
        with self.assertRaises(AccessError):
            theirs.sudo(self.users['support']).read(['name'])
        with self.assertRaises(AccessError):
            Request.sudo(self.users['executor']).create({
                'procedure_code': 'petition', 'applicant_name': 'x', 'applicant_id_number': '001085001234',
                'applicant_email': 'x@example.com', 'content': 'x'})

    def test_sla_xlsx_export(self):
        import io
        import xlrd
        done = self.on(self.make_request(), '2026-01-07')
        done.refusal_ground = 'Khoản 5 Điều 31'
        done.action_refuse()
        late = self.make_request()
        self.env['thads.support.request']._cron_sla('2026-01-09')
        report = self.env.ref('thads_support.sla_xlsx_action')
        content, kind = report.render_xlsx((done | late).ids, {})
        self.assertEqual(kind, 'xlsx')
        book = xlrd.open_workbook(file_contents=content)
        summary = book.sheet_by_index(0)
        self.assertEqual(summary.row_values(1)[2:7], [2, 1, 1, 0, 1])  # requests, closed, met, breached, overdue
        self.assertEqual(summary.row_values(1)[7], 100.0)
        self.assertEqual(book.sheet_by_index(1).nrows, 3)
