"""Issue 16 over XML-RPC as the demo users: a delegation's workflow fields
are written by its workflow only; the replay of a case is private."""
import xmlrpc.client

from odoo.addons.thads_accounts.tests.common import ThadsHttpCase
from odoo.tools import mute_logger

DEMO_PASSWORD = 'Thads@2026'
FORGED_CONTEXT = {'thads_replay': True, 'thads_event_system_write': True}


class TestWorkflowRpc(ThadsHttpCase):

    def setUp(self):
        super(TestWorkflowRpc, self).setUp()
        self.db = self.registry.db_name
        with self.http_env() as env:
            chv = env.ref('thads_accounts.user_hn_chv1_demo')
            self.hcm = env.ref('thads_accounts.office_hcm_kv1_demo').id
            self.hn2 = env.ref('thads_accounts.office_hn_kv2_demo').id
            cases = []
            for _index in range(2):
                case = env['thads.case'].create({
                    'office_id': chv.thads_office_id.id, 'executor_id': chv.id, 'date_received': '2026-10-01',
                    'obligation_ids': [(0, 0, {'name': 'Trả tiền', 'kind': 'money', 'amount_due': 5000000})]})
                for event_type, date in (('decide', '2026-10-02'), ('notify', '2026-10-05')):
                    env['thads.case.event'].create({'case_id': case.id, 'event_type': event_type, 'date': date,
                                                    'document_number': 'WF-%s' % event_type})
                cases.append(case)
            env['thads.case.event'].create({'case_id': cases[0].id, 'event_type': 'delegate', 'date': '2026-10-20',
                                            'document_number': 'UT-9', 'target_office_id': self.hcm})
            self.case, self.other_case = cases[0].id, cases[1].id
            self.delegation = cases[0].delegation_ids.id
            self.chv_hn1 = chv.id

    def rpc(self, login, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.db, login, DEMO_PASSWORD, {})
        self.assertTrue(uid, 'login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, DEMO_PASSWORD, model, method, list(args), kwargs)

    def refused(self, text, login, model, method, *args, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.rpc(login, model, method, *args, **kwargs)
        if text:
            self.assertIn(text, ctx.exception.faultString)

    def snapshot(self):
        names = ['state', 'new_case_id', 'accepted_by_id', 'accept_date', 'office_id', 'origin_office_id',
                 'case_id', 'date', 'document_number', 'amount']
        with self.http_env() as env:
            return env['thads.case.delegation'].browse(self.delegation).read(names)[0]

    def test_delegation_workflow_fields_only_by_the_workflow(self):
        before = self.snapshot()
        self.assertEqual((before['state'], before['new_case_id'], before['amount']), ('pending', False, 5000000))
        for login in ('thuky.hn1', 'lanhdao.hn1'):
            for vals in ({'state': 'accepted'}, {'new_case_id': self.other_case}, {'accepted_by_id': self.chv_hn1},
                         {'accept_date': '2026-10-21'}, {'office_id': self.hn2}, {'amount': 1},
                         {'document_number': 'giả'}, {'state': 'external'}):
                for context in ({}, FORGED_CONTEXT):
                    self.refused('chỉ do quy trình ủy thác', login, 'thads.case.delegation', 'write',
                                 [self.delegation], vals, context=context)
            self.refused(None, login, 'thads.case.delegation', 'create', {
                'case_id': self.other_case, 'origin_office_id': self.hn2, 'office_id': self.hcm,
                'date': '2026-10-21', 'state': 'pending'}, context=FORGED_CONTEXT)
            # through the case's lines
            self.refused(None, login, 'thads.case', 'write', [self.case],
                         {'delegation_ids': [(1, self.delegation, {'state': 'accepted'})]})
        self.assertEqual(self.snapshot(), before)
        with self.http_env() as env:
            self.assertEqual(env['thads.case.delegation'].search_count([('case_id', '=', self.other_case)]), 0)
        # the workflow still works: the receiving office accepts it
        self.rpc('lanhdao.hcm1', 'thads.case.delegation', 'action_accept', [self.delegation])
        after = self.snapshot()
        self.assertEqual(after['state'], 'accepted')
        self.assertTrue(after['new_case_id'])
        # and an accepted delegation cannot be sent back to pending either
        self.refused('chỉ do quy trình ủy thác', 'lanhdao.hcm1', 'thads.case.delegation', 'write',
                     [self.delegation], {'state': 'pending', 'new_case_id': False})
        self.assertEqual(self.snapshot(), after)

    def test_replay_is_not_callable_over_rpc(self):
        with self.http_env() as env:
            case = env['thads.case'].browse(self.other_case)
            before = case.read(['state', 'amount_remaining', 'next_deadline_date'])[0]
        for login in ('chv.hn1', 'lanhdao.hn1'):
            # the public name is gone (the server logs the AttributeError: muted);
            # the private one cannot be called remotely
            with mute_logger('odoo.http'):
                self.refused('has no attribute', login, 'thads.case', 'recompute_from_events', [self.other_case])
            self.refused('_recompute_from_events', login, 'thads.case', '_recompute_from_events',
                         [self.other_case])
        with self.http_env() as env:
            self.assertEqual(env['thads.case'].browse(self.other_case).read(
                ['state', 'amount_remaining', 'next_deadline_date'])[0], before)
