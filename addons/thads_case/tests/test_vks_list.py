"""Monthly list of closed cases for the procuracy (NĐ 152/2026 art. 32(2))."""
import base64
import xmlrpc.client

from odoo.exceptions import AccessError, UserError
from odoo.addons.thads_accounts.tests.common import ThadsHttpCase

from .common import ThadsCaseCase

DEMO_PASSWORD = 'Thads@2026'
FORGED_CONTEXT = {'thads_replay': True, 'thads_event_system_write': True}


class TestVksList(ThadsCaseCase):

    def setUp(self):
        super(TestVksList, self).setUp()
        self.Lists = self.env['thads.case.vks.list']

    def completed(self, office_executor=None, end=('complete', '2026-08-20', {}), received='2026-07-01'):
        case = self.make_case(executor=office_executor, date=received)
        self.advance(case, ('decide', received[:8] + '03', {'document_number': '7/QĐ-CCTHADS'}),
                     ('notify', received[:8] + '06'))
        self.advance(case, end)
        return case

    def lines_of(self, office, month):
        vks_list, _created = self.Lists._prepare(office, month)
        return vks_list, vks_list.line_ids

    def test_case_ended_in_a_month_is_in_that_months_list_only(self):
        done = self.completed(end=('complete', '2026-08-20', {'document_number': 'TB-xong'}))
        # closed and archived the month after: it still ended in August
        self.advance(done, ('close', '2026-09-05'))
        terminated = self.completed(end=('terminate', '2026-09-10', {'ground': 'Điều 50 khoản 1 điểm c',
                                                                      'document_number': '9/QĐ-ĐC'}))
        still_open = self.completed(end=('verify', '2026-08-25', {'result': 'has'}))
        other_region = self.completed(office_executor=self.users_b['executor'])
        august, lines = self.lines_of(self.region_a1, '2026-08-01')
        self.assertEqual(lines.mapped('case_id'), done)
        line = lines
        self.assertEqual((line.case_number, line.decision_number, line.decision_date, line.end_state,
                          line.end_event_type, line.end_document, line.end_date),
                         (done.name, '7/QĐ-CCTHADS', '2026-07-03', 'done', 'complete', 'TB-xong', '2026-08-20'))
        self.assertEqual((line.debtor_names, line.creditor_names), ('Nguyễn Văn Nợ', 'Trần Thị Có'))
        self.assertEqual(august.line_count, 1)
        september, lines = self.lines_of(self.region_a1, '2026-09-15')
        self.assertEqual(lines.mapped('case_id'), terminated)
        self.assertEqual((lines.end_state, lines.end_document), ('terminated', '9/QĐ-ĐC'))
        self.assertNotIn(still_open, (august | september).mapped('line_ids.case_id'))
        self.assertEqual(self.lines_of(self.region_b1, '2026-08-01')[1].mapped('case_id'), other_region)
        # the same list again, not a second one; its document is a PDF attached to it
        self.assertEqual(self.Lists._prepare(self.region_a1, '2026-08-01')[0], august)
        self.assertEqual(self.Lists.search_count([('office_id', '=', self.region_a1.id)]), 2)
        self.assertEqual(base64.b64decode(august.attachment_id.datas)[:5], b'%PDF-')
        self.assertEqual((august.attachment_id.res_model, august.attachment_id.res_id), (august._name, august.id))

    def test_nothing_before_the_validity_date(self):
        self.completed(end=('complete', '2026-06-20', {}), received='2026-05-01')
        with self.assertRaises(UserError) as ctx:
            self.Lists._prepare(self.region_a1, '2026-06-01')
        self.assertIn('required only from 01/07/2026', ctx.exception.name)
        wizard = self.env['thads.case.vks.list.print'].sudo(self.users['officer']).create(
            {'office_id': self.region_a1.id, 'month': 6, 'year': 2026})
        self.assertEqual(wizard.valid_from, '2026-07-01')
        with self.assertRaises(UserError):
            wizard.action_print()
        self.Lists._cron_prepare(today='2026-07-02')
        self.assertFalse(self.Lists.search([('date_from', '<', '2026-07-01')]))
        # the date is data: moved earlier, June needs a list
        self.env['ir.config_parameter'].set_param('thads_case.vks_list_date_from', '2026-06-01')
        self.Lists._cron_prepare(today='2026-07-02')
        self.assertEqual(self.Lists.search([('office_id', '=', self.region_a1.id)]).date_from, '2026-06-01')

    def test_cron_is_idempotent_and_leaves_one_todo(self):
        case = self.completed()
        leader = self.users['leader']
        self.assertEqual(self.region_a1.head_id, leader)
        Activity = self.env['mail.activity']
        for _run in range(2):
            self.Lists._cron_prepare(today='2026-09-02')
            lists = self.Lists.search([('office_id', '=', self.region_a1.id)])
            self.assertEqual(len(lists), 1)
            self.assertEqual(lists.line_ids.case_id, case)
            todos = Activity.search([('res_model', '=', self.Lists._name), ('res_id', '=', lists.id)])
            self.assertEqual(todos.mapped('user_id'), leader)
            self.assertEqual(len(todos), 1)
        # no list for an office without ended cases
        self.assertFalse(self.Lists.search([('office_id', '=', self.region_a2.id)]))
        # the leader marks it sent: date and dispatch reference, to-do done
        lists.sudo(leader).write({'sent_date': '2026-09-04', 'sent_reference': '123/CV-THADS'})
        with self.assertRaises((AccessError, UserError)):
            lists.sudo(self.users['officer']).action_mark_sent()
        lists.sudo(leader).action_mark_sent()
        self.assertEqual((lists.state, lists.sent_by_id), ('sent', leader))
        self.assertFalse(Activity.search([('res_model', '=', self.Lists._name), ('res_id', '=', lists.id)]))
        with self.assertRaises(UserError):
            lists.sudo(leader).write({'sent_reference': 'khác'})
        # a sent list is kept as sent, even if a case is later dated back into its month
        self.completed(end=('complete', '2026-08-28', {}))
        self.Lists._cron_prepare(today='2026-09-03')
        self.assertEqual(len(self.Lists._prepare(self.region_a1, '2026-08-01')[0].line_ids), 1)

    def test_lines_are_written_by_the_computation_only(self):
        self.completed()
        vks_list, lines = self.lines_of(self.region_a1, '2026-08-01')
        leader = self.users['leader']
        with self.assertRaises((AccessError, UserError)):
            lines.sudo(leader).write({'end_state': 'terminated'})
        for records in (lines, lines.with_context(**FORGED_CONTEXT)):
            with self.assertRaises(UserError):
                records.write({'end_state': 'terminated'})
            with self.assertRaises(UserError):
                records.unlink()
            with self.assertRaises(UserError):
                records.create({'list_id': vks_list.id, 'case_number': 'giả'})
        for vals in ({'line_ids': [(1, lines.id, {'debtor_names': 'Giả'})]}, {'line_ids': [(5,)]},
                     {'state': 'sent'}, {'office_id': self.region_a2.id}, {'line_count': 9}):
            with self.assertRaises(UserError):
                vks_list.sudo(leader).with_context(**FORGED_CONTEXT).write(vals)
        with self.assertRaises(UserError):
            self.Lists.with_context(**FORGED_CONTEXT).create({'name': 'x', 'office_id': self.region_a1.id,
                                                              'date_from': '2026-10-01', 'date_to': '2026-10-31'})
        vks_list.invalidate_cache()
        self.assertEqual((vks_list.state, vks_list.line_count, vks_list.line_ids, lines.end_state,
                          lines.debtor_names), ('draft', 1, lines, 'done', 'Nguyễn Văn Nợ'))

    def test_print_a_month_from_the_menu(self):
        self.completed()
        officer = self.users['officer']
        action = self.env['thads.case.vks.list.print'].sudo(officer).create(
            {'office_id': self.region_a1.id, 'month': 8, 'year': 2026}).action_print()
        vks_list = self.Lists.search([('office_id', '=', self.region_a1.id), ('date_from', '=', '2026-08-01')])
        self.assertEqual(action['url'], '/web/content/%d?download=true' % vks_list.attachment_id.id)
        # again: the same list
        self.env['thads.case.vks.list.print'].sudo(officer).create(
            {'office_id': self.region_a1.id, 'month': 8, 'year': 2026}).action_print()
        self.assertEqual(self.Lists.search_count([('office_id', '=', self.region_a1.id)]), 1)
        # another province's office: refused, nothing prepared
        with self.assertRaises(UserError):
            self.env['thads.case.vks.list.print'].sudo(officer).create(
                {'office_id': self.region_b1.id, 'month': 8, 'year': 2026}).action_print()
        self.assertFalse(self.Lists.search([('office_id', '=', self.region_b1.id)]))


class TestVksListRpc(ThadsHttpCase):
    """The demo offices' lists over XML-RPC, as the demo users (October 2026:
    after Hà Nội's closed statistics, which lock events until 30/09/2026)."""

    def setUp(self):
        super(TestVksListRpc, self).setUp()
        self.db = self.registry.db_name
        self.lists = {}
        with self.http_env() as env:
            for key, executor in (('hn', 'thads_accounts.user_hn_chv1_demo'),
                                  ('hcm', 'thads_accounts.user_hcm_chv1_demo')):
                user = env.ref(executor)
                case = env['thads.case'].create({
                    'office_id': user.thads_office_id.id, 'executor_id': user.id, 'date_received': '2026-10-01',
                    'obligation_ids': [(0, 0, {'name': 'Trả tiền', 'kind': 'money', 'amount_due': 1000000})]})
                for event_type, date in (('decide', '2026-10-02'), ('notify', '2026-10-05'),
                                         ('complete', '2026-10-14')):
                    env['thads.case.event'].create({'case_id': case.id, 'event_type': event_type, 'date': date,
                                                    'document_number': 'RPC-%s' % event_type})
                vks_list = env['thads.case.vks.list']._prepare(user.thads_office_id, '2026-10-01')[0]
                self.assertIn(case, vks_list.line_ids.mapped('case_id'))
                self.lists[key] = vks_list.id

    def rpc(self, login, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.db, login, DEMO_PASSWORD, {})
        self.assertTrue(uid, 'login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, DEMO_PASSWORD, model, method, list(args), kwargs)

    def refused(self, text, login, model, method, *args, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.rpc(login, model, method, *args, **kwargs)
        if text:
            self.assertIn(text, ctx.exception.faultString)

    def snapshot(self, list_id):
        with self.http_env() as env:
            vks_list = env['thads.case.vks.list'].browse(list_id)
            return (vks_list.read(['state', 'line_count', 'sent_date', 'sent_reference', 'office_id'])[0],
                    vks_list.line_ids.read(['case_id', 'end_state', 'debtor_names', 'end_date']))

    def test_offices_see_their_subtree_only(self):
        hn, hcm = self.lists['hn'], self.lists['hcm']
        domain = [('date_from', '=', '2026-10-01')]
        for login, mine, other in (('chv.hn1', hn, hcm), ('lanhdao.hn1', hn, hcm), ('chv.hcm1', hcm, hn)):
            found = self.rpc(login, 'thads.case.vks.list', 'search', domain)
            self.assertIn(mine, found, login)
            self.assertNotIn(other, found, login)
            self.refused(None, login, 'thads.case.vks.list', 'read', [other], ['line_ids'])
            lines = self.rpc(login, 'thads.case.vks.list.line', 'search_read', [('list_id.date_from', '=', '2026-10-01')],
                             fields=['list_id'])
            self.assertEqual({line['list_id'][0] for line in lines}, {mine}, login)
        # the province office sees its regions' lists; the national reader every list
        self.assertIn(hn, self.rpc('thongke.hn', 'thads.case.vks.list', 'search', domain))
        self.assertEqual(set(self.rpc('thongke.cuc', 'thads.case.vks.list', 'search', [('id', 'in', [hn, hcm])])),
                         {hn, hcm})

    def test_only_leaders_mark_sent_and_nobody_writes_lines(self):
        hn, hcm = self.lists['hn'], self.lists['hcm']
        before = self.snapshot(hn)
        line = before[1][0]['id']
        self.refused(None, 'lanhdao.hn1', 'thads.case.vks.list.line', 'write', [line], {'end_state': 'terminated'},
                     context=FORGED_CONTEXT)
        self.refused(None, 'lanhdao.hn1', 'thads.case.vks.list.line', 'unlink', [line])
        self.refused(None, 'lanhdao.hn1', 'thads.case.vks.list.line', 'create', {'list_id': hn, 'case_number': 'x'})
        for vals in ({'line_ids': [(1, line, {'end_state': 'terminated'})]}, {'line_ids': [(2, line)]},
                     {'state': 'sent'}, {'line_count': 0}):
            self.refused('được tính từ các sự kiện', 'lanhdao.hn1', 'thads.case.vks.list', 'write', [hn], vals,
                         context=FORGED_CONTEXT)
        self.refused(None, 'chv.hn1', 'thads.case.vks.list', 'write', [hn], {'sent_reference': 'x'})
        self.refused(None, 'chv.hn1', 'thads.case.vks.list', 'action_mark_sent', [hn])
        self.refused(None, 'lanhdao.hn1', 'thads.case.vks.list', 'action_mark_sent', [hcm])
        self.refused(None, 'chv.hn1', 'thads.case.vks.list', '_compute_lines', [hn])
        self.assertEqual(self.snapshot(hn), before)
        # the leader enters the dispatch and marks it sent
        self.rpc('lanhdao.hn1', 'thads.case.vks.list', 'write', [hn],
                 {'sent_date': '2026-11-03', 'sent_reference': '45/CV-CCTHADS'})
        self.rpc('lanhdao.hn1', 'thads.case.vks.list', 'action_mark_sent', [hn])
        after = self.snapshot(hn)
        self.assertEqual((after[0]['state'], after[0]['sent_reference']), ('sent', '45/CV-CCTHADS'))
        self.assertEqual(after[1], before[1])
        self.refused('đã được gửi', 'lanhdao.hn1', 'thads.case.vks.list', 'write', [hn], {'sent_reference': 'khác'})
