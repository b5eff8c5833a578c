"""Coercion (issue 19 g): decision, plan, carrying out, postponement and
costs as events of the case, with the refusals of the law: before the end
of the voluntary period, at night, on rest days and holidays (Tết 2026, a
Sunday), without the notice of Law 106/2025 art. 72(7); accepted on the
make-up working Saturday 22/08/2026."""
from odoo.exceptions import UserError

from .common import ThadsCaseCase


class TestCoercion(ThadsCaseCase):

    def enforcing_case(self, received='2026-01-05', decided='2026-01-06', notified='2026-01-07',
                       verified='2026-01-28'):
        case = self.make_case(date=received)
        return self.advance(case, ('decide', decided), ('notify', notified),
                            ('verify', verified, {'result': 'has'}))

    def step(self, case, event_type, date, user=None, lang=None, **vals):
        return self.record(case, event_type, date, user=user, lang=lang, **vals)

    def refused(self, case, event_type, date, text, **vals):
        """The step is refused with `text` in Vietnamese, and nothing changed."""
        before = (case.event_ids, case.state, [(c.state, c.cost, c.planned_at) for c in case.coercion_ids])
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.step(case, event_type, date, lang='vi_VN', **vals)
        self.assertIn(text, ctx.exception.name)
        case.invalidate_cache()
        self.assertEqual(before, (case.event_ids, case.state,
                                  [(c.state, c.cost, c.planned_at) for c in case.coercion_ids]))
        return ctx.exception.name

    def test_process_end_to_end_under_the_2014_law(self):
        case = self.enforcing_case()
        executor = self.users['executor']
        # notified 07/01: the 10 days end on Saturday 17/01, rolled over to Monday 19/01 (art. 46(1))
        self.refused(case, 'coercion_decide', '2026-01-19', 'thời hạn tự nguyện', coercion_kind='seizure')
        # a decision needs its measure
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.step(case, 'coercion_decide', '2026-01-29')
        self.step(case, 'coercion_decide', '2026-01-29', user=executor, document_number='05/QĐ-CCTHA',
                  coercion_kind='seizure')
        self.assertEqual(case.state, 'enforcing')
        coercion = case.coercion_ids
        self.assertEqual(len(coercion), 1)
        self.assertEqual((coercion.kind, coercion.state, coercion.decision_number, coercion.decision_date,
                          coercion.office_id, coercion.executor_id),
                         ('seizure', 'decided', '05/QĐ-CCTHA', '2026-01-29', case.office_id, executor))
        self.assertIn('Điều 78', coercion.legal_basis)
        self.assertEqual(case.coercion_count, 1)
        decision = case.event_ids.filtered(lambda e: e.event_type == 'coercion_decide')
        self.assertEqual(decision.coercion_id, coercion)
        # a plan for the first day of Tết Bính Ngọ (17/02/2026, 09:00 local = 02:00 UTC): refused
        message = self.refused(case, 'coercion_plan', '2026-02-02', 'ngày nghỉ, ngày lễ',
                               coercion_id=coercion.id, coercion_at='2026-02-17 02:00:00')
        self.assertIn('17/02/2026', message)
        self.assertIn('Điều 46 khoản 2', message)
        self.step(case, 'coercion_plan', '2026-02-02', user=executor, document_number='02/KH-CC',
                  coercion_id=coercion.id, coercion_at='2026-02-24 02:00:00')
        coercion.invalidate_cache()
        self.assertEqual((coercion.state, coercion.plan_number, coercion.plan_date, coercion.planned_at),
                         ('planned', '02/KH-CC', '2026-02-02', '2026-02-24 02:00:00'))
        # carried out on a Sunday, at 23:00 and at 22:00 local time: refused
        self.refused(case, 'coercion_carry', '2026-03-01', 'ngày nghỉ, ngày lễ', coercion_id=coercion.id,
                     coercion_at='2026-03-01 02:00:00', coercion_result='success')
        for utc in ('2026-02-24 16:00:00', '2026-02-24 15:00:00', '2026-02-24 22:30:00'):
            self.refused(case, 'coercion_carry', '2026-02-24', '22:00 đến 06:00', coercion_id=coercion.id,
                         coercion_at=utc, coercion_result='success')
        # a result is required
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.step(case, 'coercion_carry', '2026-02-24', coercion_id=coercion.id,
                      coercion_at='2026-02-24 02:00:00')
        # carried out on Tuesday 24/02/2026 at 09:00, with costs
        self.step(case, 'coercion_carry', '2026-02-20', user=executor, document_number='BB-CC-1',
                  coercion_id=coercion.id, coercion_at='2026-02-24 02:00:00', coercion_result='success',
                  coercion_cost=2500000)
        coercion.invalidate_cache()
        self.assertEqual((coercion.state, coercion.result, coercion.carried_date, coercion.cost),
                         ('carried', 'success', '2026-02-24', 2500000))
        carry = case.event_ids.filtered(lambda e: e.event_type == 'coercion_carry')
        self.assertEqual(carry.date, '2026-02-24')  # the day carried out, whatever the form said
        self.step(case, 'coercion_cost', '2026-02-26', user=executor, coercion_id=coercion.id,
                  coercion_cost=700000)
        coercion.invalidate_cache()
        self.assertEqual(coercion.cost, 3200000)
        # costs are whole đồng and positive
        # (the form's field has no decimals; a client sending 100.5 directly is refused)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.env['thads.case.event'].with_context(lang='vi_VN').create({
                'case_id': case.id, 'event_type': 'coercion_cost', 'date': '2026-02-27',
                'coercion_id': coercion.id, 'coercion_cost': 100.5})
        self.assertIn('không có phần lẻ', ctx.exception.name)
        self.refused(case, 'coercion_cost', '2026-02-27', 'lớn hơn 0', coercion_id=coercion.id, coercion_cost=0)
        # once carried out, no second carrying out
        self.refused(case, 'coercion_carry', '2026-03-03', 'đã được tổ chức', coercion_id=coercion.id,
                     coercion_at='2026-03-03 02:00:00', coercion_result='failed')
        # the journal is the source: the coercion cannot be created, changed or deleted directly
        Coercion = self.env['thads.case.coercion'].sudo(executor)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            Coercion.create({'case_id': case.id, 'kind': 'account', 'state': 'carried'})
        for vals in ({'state': 'decided'}, {'cost': 1}, {'result': 'failed'}, {'carried_at': False}):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                coercion.sudo(executor).write(vals)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            coercion.sudo(executor).unlink()
        coercion.sudo(executor).write({'note': 'Tài sản đã giao cho người mua.'})
        self.assertEqual((coercion.state, coercion.cost), ('carried', 3200000))
        # the case goes on and ends as usual
        self.step(case, 'complete', '2026-03-05')
        self.assertEqual(case.state, 'done')

    def test_steps_need_their_coercion(self):
        case = self.enforcing_case()
        other = self.enforcing_case()
        self.step(other, 'coercion_decide', '2026-01-29', coercion_kind='account')
        self.step(case, 'coercion_decide', '2026-01-29', coercion_kind='income')
        self.refused(case, 'coercion_plan', '2026-02-02', 'Chọn việc cưỡng chế',
                     coercion_at='2026-02-24 02:00:00')
        self.refused(case, 'coercion_plan', '2026-02-02', 'Chọn việc cưỡng chế',
                     coercion_id=other.coercion_ids.id, coercion_at='2026-02-24 02:00:00')
        # dated before its decision
        self.refused(case, 'coercion_cost', '2026-01-28', 'trước quyết định', coercion_id=case.coercion_ids.id,
                     coercion_cost=10000)
        # coercion data on another event
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.env['thads.case.event'].create({'case_id': case.id, 'event_type': 'enforce',
                                                 'date': '2026-02-02', 'document_number': 'X',
                                                 'coercion_cost': 5})
        # a case not yet notified cannot be coerced
        fresh = self.advance(self.make_case(date='2026-01-05'), ('decide', '2026-01-06'))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.step(fresh, 'coercion_decide', '2026-01-29', coercion_kind='account')

    def test_immediate_coercion_before_the_voluntary_period_ends(self):
        """Law 106/2025 art. 72(1), 2nd paragraph: applied immediately to
        prevent the dispersal of assets."""
        case = self.make_case(date='2026-07-01')
        self.advance(case, ('decide', '2026-07-02'), ('notify', '2026-07-03'))
        self.refused(case, 'coercion_decide', '2026-07-06', 'thời hạn tự nguyện', coercion_kind='account')
        self.step(case, 'coercion_decide', '2026-07-06', coercion_kind='account', coercion_immediate=True)
        coercion = case.coercion_ids
        self.assertTrue(coercion.immediate)
        self.assertEqual(case.state, 'enforcing')
        # no notice period for an immediate coercion either: carried out the next day
        self.step(case, 'coercion_carry', '2026-07-07', coercion_id=coercion.id,
                  coercion_at='2026-07-07 03:00:00', coercion_result='partial')
        coercion.invalidate_cache()
        self.assertEqual((coercion.state, coercion.result), ('carried', 'partial'))

    def test_law_106_makeup_saturday_notice_and_postponement(self):
        case = self.enforcing_case(received='2026-07-01', decided='2026-07-02', notified='2026-07-03',
                                   verified='2026-07-20')
        self.step(case, 'coercion_decide', '2026-07-21', document_number='1/QĐ-CC', coercion_kind='eviction')
        self.step(case, 'coercion_decide', '2026-07-21', document_number='2/QĐ-CC', coercion_kind='handover')
        first, second = case.coercion_ids.sorted('decision_number')
        # plan notified Thursday 20/08 for Saturday 22/08/2026, a make-up working day (08:00 local)
        self.step(case, 'coercion_plan', '2026-08-20', coercion_id=first.id, coercion_at='2026-08-22 01:00:00')
        self.step(case, 'coercion_carry', '2026-08-22', coercion_id=first.id, coercion_at='2026-08-22 01:00:00',
                  coercion_result='success', coercion_cost=1800000)
        first.invalidate_cache()
        self.assertEqual((first.state, first.carried_date, first.cost), ('carried', '2026-08-22', 1800000))
        # the next Saturday is a rest day (Law 106 art. 72(5))
        self.refused(case, 'coercion_plan', '2026-08-21', 'Điều 72 khoản 5', coercion_id=second.id,
                     coercion_at='2026-08-29 01:00:00')
        # plan notified Friday 21/08: only 1 working day before Saturday 22/08 (art. 72(7))
        self.step(case, 'coercion_plan', '2026-08-21', coercion_id=second.id, coercion_at='2026-08-24 02:00:00')
        message = self.refused(case, 'coercion_carry', '2026-08-22', 'ít nhất 2 ngày làm việc',
                               coercion_id=second.id, coercion_at='2026-08-22 02:00:00', coercion_result='failed')
        self.assertIn('24/08/2026', message)
        # postponed, then carried out without success on Monday 24/08 (a working day, notice given)
        self.step(case, 'coercion_postpone', '2026-08-22', coercion_id=second.id, coercion_cost=300000)
        second.invalidate_cache()
        self.assertEqual((second.state, second.postponed_count, second.cost), ('postponed', 1, 300000))
        self.step(case, 'coercion_carry', '2026-08-24', coercion_id=second.id, coercion_at='2026-08-24 02:00:00',
                  coercion_result='failed')
        second.invalidate_cache()
        self.assertEqual((second.state, second.result, second.postponed_count), ('carried', 'failed', 1))
        # the coercion's buttons open the wizard for its own steps only
        action = first.action_cost()
        self.assertEqual(action['context']['default_coercion_id'], first.id)
        self.assertEqual(action['context']['default_event_type'], 'coercion_cost')
        with self.assertRaises(UserError):
            first.action_carry()

    def test_case_form_has_the_coercion_tab(self):
        arch = self.env['thads.case'].fields_view_get(view_type='form')['arch']
        self.assertIn('coercion_ids', arch)
        self.assertIn("'coercion_decide'", arch)
        self.assertIn('states="voluntary,verification,enforcing"', arch)
