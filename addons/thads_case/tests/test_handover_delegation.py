from odoo.exceptions import UserError

from .common import ThadsCaseCase


class TestHandoverDelegation(ThadsCaseCase):

    def test_handover_between_executors(self):
        executor, other = self.users['executor'], self.users['executor2']
        cases = self.make_case() | self.make_case()
        for case in cases:
            self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'))
            self.record(case, 'collect', '2026-03-06', amount=1000000)
        handover = self.env['thads.case.handover'].sudo(self.users['leader']).create({
            'office_id': self.region_a1.id, 'from_user_id': executor.id, 'to_user_id': other.id,
            'case_ids': [(6, 0, cases.ids)], 'reason': 'Điều động công tác'})
        self.assertEqual(handover.amount_held, 2000000)
        handover.action_send()
        self.assertEqual(handover.state, 'sent')
        with self.assertRaises(UserError):  # the executor cannot confirm for the receiver
            handover.sudo(self.users['support']).action_confirm()
        handover.sudo(other).action_confirm()
        self.assertEqual(handover.state, 'confirmed')
        self.assertEqual(cases.mapped('executor_id'), other)
        events = cases.mapped('event_ids').filtered(lambda e: e.event_type == 'handover')
        self.assertEqual(len(events), 2)
        self.assertEqual(events.mapped('previous_executor_id'), executor)
        # history per executor: the collections stay with the first executor
        collects = cases.mapped('event_ids').filtered(lambda e: e.event_type == 'collect')
        self.assertEqual(collects.mapped('executor_id'), executor)

    def test_handover_refuses_cases_of_someone_else(self):
        case = self.make_case(executor=self.users['executor2'])
        handover = self.env['thads.case.handover'].create({
            'office_id': self.region_a1.id, 'from_user_id': self.users['executor'].id,
            'to_user_id': self.users['leader'].id, 'case_ids': [(6, 0, case.ids)]})
        with self.assertRaises(UserError):
            handover.action_send()

    def test_handover_refuses_finished_cases(self):
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('revoke', '2026-03-10', {'ground': 'Điều 37'}))
        handover = self.env['thads.case.handover'].create({
            'office_id': self.region_a1.id, 'from_user_id': self.users['executor'].id,
            'to_user_id': self.users['executor2'].id, 'case_ids': [(6, 0, case.ids)]})
        with self.assertRaises(UserError) as ctx:
            handover.action_send()
        self.assertIn('no longer being enforced', ctx.exception.name)
        self.assertEqual(handover.state, 'draft')

    def test_delegation_accepted_by_the_receiving_office(self):
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'),
                     ('verify', '2026-03-25', {'result': 'has'}))
        self.record(case, 'collect', '2026-03-26', amount=40000000)
        self.record(case, 'delegate', '2026-03-30', target_office_id=self.region_b1.id, document_number='UT-1')
        delegation = case.delegation_ids
        self.assertEqual((delegation.state, delegation.amount), ('pending', 60000000))
        self.assertEqual(case.state, 'delegated')
        # the origin office cannot accept its own delegation
        with self.assertRaises(UserError):
            delegation.sudo(self.users['officer']).action_accept()
        self.assertIn(delegation, self.env['thads.case.delegation'].sudo(self.users_b['officer']).search([]))
        # the receiving office opens it (its form's title) without reading the origin case
        self.assertIn(case.name, delegation.sudo(self.users_b['officer']).name_get()[0][1])
        delegation.sudo(self.users_b['officer']).action_accept()
        new_case = delegation.new_case_id
        self.assertEqual((delegation.state, new_case.office_id, new_case.origin_case_id),
                         ('accepted', self.region_b1, case))
        self.assertEqual(new_case.amount_due, 60000000)
        self.assertEqual(new_case.state, 'received')
        self.assertEqual(new_case.party_ids.mapped('partner_id'), self.debtor | self.creditor)

    def test_delegation_outside_the_system(self):
        army = self.env['thads.office'].create({'name': 'Phòng THA Quân khu 9', 'code': 'QK9', 'kind': 'army',
                                                'is_system': False})
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'))
        self.record(case, 'delegate', '2026-03-10', target_office_id=army.id)
        self.assertEqual(case.delegation_ids.state, 'external')
        with self.assertRaises(UserError):
            case.delegation_ids.action_accept()
