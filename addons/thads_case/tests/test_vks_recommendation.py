"""Issue 20: recommendations and protests of the procuracy (kiến nghị,
kháng nghị), their answer period as versioned data (Law 106/2025 art. 113
from 01/07/2026; the 2014 law's period before), reminders and escalation,
and the refusals, in Vietnamese."""
import datetime
import xmlrpc.client

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from odoo.addons.thads_accounts.tests.common import ThadsHttpCase

from .common import ThadsCaseCase

DEMO_PASSWORD = 'Thads@2026'
FORGED_CONTEXT = {'thads_replay': True}


class TestVksRecommendation(ThadsCaseCase):

    def make(self, received, kind='recommendation', user=None, **vals):
        values = {'name': 'KN-%s' % received, 'kind': kind, 'procuracy': 'VKSND khu vực 1',
                  'document_date': received, 'date_received': received, 'content': 'Nội dung kiến nghị',
                  'office_id': self.region_a1.id, 'user_id': self.users['executor'].id}
        values.update(vals)
        Model = self.env['thads.case.vks.recommendation']
        return (Model.sudo(user) if user else Model).create(values)

    def test_life_under_law_106(self):
        officer = self.users['officer']
        case = self.make_case(date='2026-07-01')
        rec = self.make('2026-07-06', user=officer, case_id=case.id)
        self.assertEqual(rec.rule_id, self.env.ref('thads_case.vks_rule_reply_recommendation'))
        self.assertIn('Điều 113 khoản 1', rec.rule_id.legal_basis)
        # 15 days from Monday 06/07/2026: Tuesday 21/07/2026
        self.assertEqual((rec.state, rec.date_due), ('received', '2026-07-21'))
        rec.sudo(officer).action_start()
        self.assertEqual(rec.state, 'in_progress')
        rec.sudo(officer).write({'reply_number': '88/THADS', 'reply_date': '2026-07-15', 'reply_result': 'partial'})
        self.assertEqual(rec.state, 'in_progress')  # typed in, not yet recorded
        rec.sudo(officer).action_answer()
        self.assertEqual((rec.state, rec.answered_late), ('answered', False))
        # carried out within 05 working days of the answer (Wednesday 15/07 -> Wednesday 22/07)
        self.assertEqual(rec.execute_rule_id, self.env.ref('thads_case.vks_rule_execute_recommendation'))
        self.assertEqual(rec.execute_due, '2026-07-22')
        self.assertEqual(rec._open_due(), '2026-07-22')
        rec.sudo(officer).action_executed()
        self.assertEqual((rec.state, rec.date_executed), ('done', fields.Date.context_today(rec)))
        self.assertFalse(rec._open_due())
        self.assertEqual(rec.deadline_status, 'none')
        # an answer once recorded stays as it is
        with self.assertRaises(UserError), self.env.cr.savepoint():
            rec.sudo(officer).write({'reply_result': 'accepted'})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            rec.sudo(officer).write({'date_received': '2026-07-07'})
        self.assertEqual((rec.reply_result, rec.date_received), ('partial', '2026-07-06'))

    def test_answer_is_an_event_of_the_case(self):
        """Answering a recommendation or protest about a case records one
        'vks_answer' event in the case's journal, dated and numbered as the
        answer, which changes no state; one about the office's work alone
        records none."""
        officer = self.users['officer']
        Event = self.env['thads.case.event']
        case = self.advance(self.make_case(date='2026-07-01'), ('decide', '2026-07-01'))
        self.assertEqual(case.state, 'new')
        before = case.event_ids
        rec = self.make('2026-07-06', kind='protest', user=officer, case_id=case.id)
        rec.sudo(officer).write({'reply_number': '88/THADS', 'reply_date': '2026-07-15', 'reply_result': 'accepted'})
        rec.sudo(officer).action_answer()
        case.invalidate_cache()
        new = case.event_ids - before
        self.assertEqual(len(new), 1)
        self.assertEqual((new.event_type, new.date, new.document_number, new.user_id),
                         ('vks_answer', '2026-07-15', '88/THADS', officer))
        self.assertIn(rec.name, new.note)
        self.assertEqual((rec.case_event_id, new.state_after, case.state), (new, 'new', 'new'))
        # carrying it out adds nothing to the case's journal
        rec.sudo(officer).action_executed()
        case.invalidate_cache()
        self.assertEqual(case.event_ids - before, new)
        # an answer dated before the case's history cannot be placed in it: nothing is recorded
        early = self.make('2026-06-29', user=officer, case_id=self.make_case(date='2026-06-30').id)
        early.sudo(officer).write({'reply_number': '1/THADS', 'reply_date': '2026-06-29',
                                   'reply_result': 'rejected', 'reply_note': 'Không có căn cứ.'})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            early.sudo(officer).action_answer()
        self.assertEqual((early.state, early.case_event_id), ('received', Event))
        # about the office's work only: answered, no event anywhere
        count = Event.search_count([])
        office_only = self.make('2026-07-06', user=officer)
        office_only.sudo(officer).write({'reply_number': '89/THADS', 'reply_date': '2026-07-16',
                                         'reply_result': 'rejected', 'reply_note': 'Đã thực hiện đúng quy định.'})
        office_only.sudo(officer).action_answer()
        self.assertEqual((office_only.state, office_only.case_event_id), ('done', Event))
        self.assertEqual(Event.search_count([]), count)

    def test_protest_before_law_106_across_tet(self):
        """Received Thursday 05/02/2026: 15 days end on Friday 20/02, a day of
        the Tết break (16-20/02/2026), so the answer is due on Monday 23/02."""
        rec = self.make('2026-02-05', kind='protest')
        rule = self.env.ref('thads_case.vks_rule_reply_protest_2014')
        self.assertEqual((rec.rule_id, rec.date_due), (rule, '2026-02-23'))
        self.assertFalse(rule.verified)
        self.assertIn('chưa đối chiếu văn bản', rule.legal_basis)
        self.assertFalse(self.env['thads.calendar.day'].is_working_day('2026-02-20'))
        # the version is the one valid on the day of receipt
        Rule = self.env['thads.case.vks.rule']
        self.assertEqual(Rule._rule_for('reply', 'protest', '2026-06-30'), rule)
        self.assertEqual(Rule._rule_for('reply', 'protest', '2026-07-01'),
                         self.env.ref('thads_case.vks_rule_reply_protest'))
        self.assertFalse(Rule._rule_for('execute', 'protest', '2026-06-30'))
        # not accepted: the reasons are required (Law 106/2025 art. 113(2), (4))
        rec.write({'reply_number': '12/THADS', 'reply_date': '2026-02-24', 'reply_result': 'rejected'})
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            rec.with_context(lang='vi_VN').action_answer()
        self.assertIn('nêu rõ lý do', ctx.exception.name)
        self.assertEqual(rec.state, 'received')
        rec.reply_note = 'Quyết định cưỡng chế đúng căn cứ; đề nghị Viện kiểm sát xem xét lại.'
        rec.action_answer()
        # answered the day after the deadline: late; nothing more to carry out
        self.assertEqual((rec.state, rec.answered_late, rec.execute_due), ('done', True, False))

    def test_refusals_in_vietnamese(self):
        Model = self.env['thads.case.vks.recommendation'].with_context(lang='vi_VN')
        base = {'name': '7/KN-VKS', 'kind': 'recommendation', 'procuracy': 'VKSND khu vực 1',
                'content': 'Nội dung', 'office_id': self.region_a1.id}
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            Model.create(dict(base, document_date='2026-08-05', date_received='2026-08-04'))
        self.assertIn('sau ngày nhận', ctx.exception.name)
        rec = Model.create(dict(base, document_date='2026-08-03', date_received='2026-08-04'))
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            rec.write({'reply_date': '2026-08-03'})
        self.assertIn('trước ngày nhận', ctx.exception.name)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            rec.action_answer()
        self.assertIn('số, ngày và kết quả', ctx.exception.name)
        future = fields.Date.to_string(datetime.date.today() + datetime.timedelta(days=3))
        rec.write({'reply_number': '1/THADS', 'reply_date': future, 'reply_result': 'accepted'})
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            rec.action_answer()
        self.assertIn('tương lai', ctx.exception.name)
        for vals in ({'state': 'answered'}, {'date_due': '2030-01-01'}, {'answered_late': True}):
            with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
                rec.with_context(FORGED_CONTEXT).write(vals)
            self.assertIn('quy trình', ctx.exception.name)
            with self.assertRaises(UserError), self.env.cr.savepoint():
                Model.create(dict(base, document_date='2026-08-03', date_received='2026-08-04', **vals))
        other_case = self.make_case(office=self.region_b1, executor=self.users_b['executor'])
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            rec.case_id = other_case
        self.assertIn('cơ quan khác', ctx.exception.name)
        self.assertEqual((rec.state, rec.date_due, rec.case_id.id), ('received', '2026-08-19', False))

    def test_reminder_and_escalation(self):
        today = datetime.date.today()
        # received 15 days ago: due today or on the next working day (soon)
        soon = self.make(fields.Date.to_string(today - datetime.timedelta(days=15)))
        late = self.make(fields.Date.to_string(today - datetime.timedelta(days=40)))
        answered = self.make(fields.Date.to_string(today - datetime.timedelta(days=40)))
        answered.write({'reply_number': '3/THADS', 'reply_date': fields.Date.to_string(today),
                        'reply_result': 'rejected', 'reply_note': 'Không có căn cứ.'})
        answered.action_answer()
        Model = self.env['thads.case.vks.recommendation']
        Model.cron_deadlines()
        Model.cron_deadlines()  # idempotent
        self.assertEqual((soon.deadline_status, late.deadline_status, answered.deadline_status),
                         ('soon', 'overdue', 'none'))
        reminder = self.env.ref('thads_case.mail_activity_type_vks_deadline')
        escalation = self.env.ref('thads_case.mail_activity_type_vks_overdue')
        self.assertEqual([(a.activity_type_id, a.user_id, a.date_deadline) for a in soon.activity_ids],
                         [(reminder, self.users['executor'], soon.date_due)])
        self.assertEqual([(a.activity_type_id, a.user_id) for a in late.activity_ids],
                         [(escalation, self.users['leader'])])
        self.assertFalse(answered.activity_ids)
        self.assertEqual(Model.search([('deadline_status', '=', 'overdue'), ('id', 'in', (soon | late).ids)]),
                         late)


class TestVksRecommendationRpc(ThadsHttpCase):
    """Over XML-RPC as the demo users: the workflow fields are written by the
    workflow only, whatever the context sent; another office sees nothing."""

    def setUp(self):
        super(TestVksRecommendationRpc, self).setUp()
        self.db = self.registry.db_name
        with self.http_env() as env:
            rec = env['thads.case.vks.recommendation'].create({
                'name': '55/KN-VKS', 'kind': 'protest', 'procuracy': 'VKSND khu vực 1 - Hà Nội',
                'document_date': '2026-11-02', 'date_received': '2026-11-03', 'content': 'Kháng nghị thử',
                'office_id': env.ref('thads_accounts.office_hn_kv1_demo').id,
                'user_id': env.ref('thads_accounts.user_hn_chv1_demo').id})
            self.rec = rec.id

    def rpc(self, login, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.db, login, DEMO_PASSWORD, {})
        self.assertTrue(uid, 'login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, DEMO_PASSWORD, 'thads.case.vks.recommendation', method,
                                             list(args), kwargs)

    def snapshot(self):
        with self.http_env() as env:
            return env['thads.case.vks.recommendation'].browse(self.rec).read(
                ['state', 'date_due', 'answered_late', 'reply_result', 'execute_due'])[0]

    def test_workflow_only(self):
        before = self.snapshot()
        self.assertEqual((before['state'], before['date_due']), ('received', '2026-11-18'))
        for login in ('thuky.hn1', 'lanhdao.hn1'):
            for vals in ({'state': 'done'}, {'date_due': '2027-01-01'}, {'answered_late': True}):
                with self.assertRaises(xmlrpc.client.Fault):
                    self.rpc(login, 'write', [self.rec], vals, context=FORGED_CONTEXT)
        # another province reads nothing and cannot answer
        with self.assertRaises(xmlrpc.client.Fault):
            self.rpc('lanhdao.hcm1', 'read', [self.rec], ['name'])
        with self.assertRaises(xmlrpc.client.Fault):
            self.rpc('lanhdao.hcm1', 'action_start', [self.rec])
        self.assertEqual(self.snapshot(), before)
        # the clerk of the office takes it in hand and answers through the workflow
        self.rpc('thuky.hn1', 'action_start', [self.rec])
        self.rpc('thuky.hn1', 'write', [self.rec], {'reply_number': '9/THADS', 'reply_date': '2026-11-10',
                                                    'reply_result': 'accepted'})
        self.rpc('thuky.hn1', 'action_answer', [self.rec])
        after = self.snapshot()
        self.assertEqual((after['state'], after['answered_late'], after['reply_result']),
                         ('answered', False, 'accepted'))
        self.assertEqual(after['execute_due'], '2026-11-17')
