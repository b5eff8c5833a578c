"""Issue 18, point 6: the answers to the applicant ask for what they need in
a dialog; the take button; overdue cards first; e-mails from the office
with its signature."""
from odoo.exceptions import AccessError, UserError

from .common import SupportCase
from ..models.thads_support_request import on_day


class TestAnswerWizard(SupportCase):

    def mails(self, request):
        return self.env['mail.mail'].search([('model', '=', request._name), ('res_id', '=', request.id)],
                                            order='id')

    def wizard(self, request, kind, user, **values):
        action = request.sudo(user).action_ask(kind)
        self.assertEqual((action['res_model'], action['target']), ('thads.support.answer.wizard', 'new'))
        Wizard = on_day(self.env['thads.support.answer.wizard'].sudo(user), request.env.context['thads_today'])
        return Wizard.with_context(action['context']).create(values)

    def test_each_answer_asks_what_it_needs(self):
        support = self.users['support']
        request = self.on(self.make_request(), '2026-01-07')
        # incomplete: the guidance is asked, then written and sent
        wizard = self.wizard(request, 'incomplete', support)
        self.assertEqual((wizard.request_id, wizard.kind), (request, 'incomplete'))
        with self.assertRaises(UserError):
            wizard.action_send()  # nothing written
        self.assertEqual(request.state, 'received')
        wizard.guidance_note = '  Bổ sung bản sao bản án có chứng thực.  '
        wizard.action_send()
        self.assertEqual((request.state, request.guidance_note),
                         ('waiting', 'Bổ sung bản sao bản án có chứng thực.'))
        self.assertIn('Bổ sung bản sao bản án', self.mails(request)[-1].body_html)
        with self.assertRaises(UserError):
            request.action_ask('incomplete')  # waiting: no second answer
        request.action_resume()
        # valid: the appointment is asked
        request.action_next_step()
        wizard = self.wizard(request, 'valid', support)
        with self.assertRaises(UserError):
            wizard.action_send()
        wizard.appointment_date = '2026-01-09 02:00:00'
        wizard.action_send()
        self.assertEqual((request.appointment_date, request.step_kind), ('2026-01-09 02:00:00', 'meet'))
        self.assertIn('09:00 09/01/2026', self.mails(request)[-1].body_html)
        with self.assertRaises(UserError):
            request.action_ask('nonsense')

    def test_refusal_asks_the_ground(self):
        request = self.on(self.make_request(), '2026-01-07')
        wizard = self.wizard(request, 'refuse', self.users['support'])
        with self.assertRaises(UserError):
            wizard.action_send()
        self.assertEqual(request.state, 'received')
        wizard.refusal_ground = 'khoản 5 Điều 31 Luật Thi hành án dân sự'
        wizard.action_send()
        self.assertEqual((request.state, request.refusal_ground),
                         ('refused', 'khoản 5 Điều 31 Luật Thi hành án dân sự'))
        # a request another office's officer cannot read: no dialog for it
        with self.assertRaises(AccessError):
            self.make_request().sudo(self.users_b['support']).action_ask('refuse')

    def test_take_button_and_overdue_first(self):
        request = self.make_request()
        self.assertFalse(request.is_taken)
        request.sudo(self.users['support']).action_assign_me()
        self.assertTrue(request.is_taken)
        late = self.make_request(day='2025-12-01')
        late._cron_sla(today='2026-01-07')
        self.assertEqual(late.sla_state, 'overdue')
        self.assertEqual(late.sla_rank, 0)
        fresh = self.make_request(day='2026-01-06')
        self.assertEqual((fresh.sla_state, fresh.sla_rank), ('on_time', 2))
        view = self.env.ref('thads_support.thads_support_request_view_kanban')
        self.assertIn('default_order="sla_rank, step_deadline, id"', view.arch)
        ordered = self.env['thads.support.request'].search([('id', 'in', (late | fresh).ids)],
                                                           order='sla_rank, step_deadline, id')
        self.assertEqual(ordered[0], late)
        self.assertNotIn('⏱', view.arch)
        self.assertIn('fa-clock-o', view.arch)

    def test_mails_come_from_the_office_with_its_signature(self):
        self.region_a1.write({'email': 'khuvuc1@thads.example.vn', 'phone': '024 3825 0000',
                              'street': 'Số 1 phố Lý Thường Kiệt, Hà Nội'})
        request = self.make_request()
        mail = self.mails(request)[-1]
        self.assertIn('khuvuc1@thads.example.vn', mail.email_from)
        self.assertIn(self.region_a1.name, mail.email_from)
        for text in ('Số 1 phố Lý Thường Kiệt', '024 3825 0000', 'khuvuc1@thads.example.vn'):
            self.assertIn(text, mail.body_html)
        # an office without an address of its own: the nearest above, never Odoo's placeholder
        self.region_a1.email = False
        self.province_a.email = 'tinh.a@thads.example.vn'
        request = self.make_request()
        self.assertIn('tinh.a@thads.example.vn', self.mails(request)[-1].email_from)
        self.province_a.email = False
        request = self.make_request()
        self.assertIn('noreply@thads.moj.gov.vn', self.mails(request)[-1].email_from)
        self.assertNotIn('yourcompany', self.mails(request)[-1].email_from)
