"""Every bypass of issue 16 that goes around the case rules, now refused
with a clear message and nothing changed (re-read as administrator).

Over XML-RPC (as a client would): derived fields of a case, events and the
self-handover.  In-process (sudo(user), like test_access.py): the rest."""
import base64
import xmlrpc.client

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.addons.thads_accounts.tests.common import ThadsHttpCase

from .common import ThadsCaseCase

PASSWORD = 'Test@2026pass'
# what a client may put in its context: none of it unlocks anything
FORGED_CONTEXT = {'thads_event_system_write': True, 'thads_replay': True, 'thads_case_unlink': True}


class TestBypassOverRpc(ThadsHttpCase):
    """An executor of region R1 logs in over XML-RPC and tries to change
    what only events may change."""

    def setUp(self):
        super(TestBypassOverRpc, self).setUp()
        self.db = self.registry.db_name
        with self.http_env() as env:
            Office = env['thads.office']
            national = env.ref('thads_accounts.office_national')
            province = Office.create({'name': 'RPC Tỉnh', 'code': 'RPC-P', 'kind': 'province',
                                      'parent_id': national.id})
            self.region = Office.create({'name': 'RPC KV1', 'code': 'RPC-1', 'parent_id': province.id}).id
            self.other_region = Office.create({'name': 'RPC Tỉnh khác', 'code': 'RPC-Q', 'kind': 'province',
                                               'parent_id': national.id}).id
            executor = env.ref('thads_accounts.group_thads_executor').id
            users = {}
            for login in ('rpc_chv1', 'rpc_chv2'):
                users[login] = env['res.users'].create({
                    'name': login, 'login': login, 'password': PASSWORD, 'thads_office_id': self.region,
                    'email': login + '@thads.example.vn', 'lang': 'vi_VN', 'groups_id': [(6, 0, [executor])]})
            self.chv1, self.chv2 = users['rpc_chv1'].id, users['rpc_chv2'].id
            Case = env['thads.case']
            own = Case.create({
                'office_id': self.region, 'executor_id': self.chv1, 'date_received': '2026-03-02',
                'obligation_ids': [(0, 0, {'name': 'Trả tiền', 'kind': 'money', 'amount_due': 10000000})]})
            for event_type, date, extra in (('decide', '2026-03-04', {'document_number': '1/QĐ-CCTHADS'}),
                                            ('notify', '2026-03-05', {'document_number': '1/TB'}),
                                            ('collect', '2026-03-06', {'amount': 4000000,
                                                                       'document_number': 'BL-1'})):
                env['thads.case.event'].create(dict(extra, case_id=own.id, event_type=event_type, date=date))
            self.own = own.id
            self.collect = own.event_ids.filtered(lambda e: e.event_type == 'collect').id
            self.obligation = own.obligation_ids.id
            colleague = Case.create({'office_id': self.region, 'executor_id': self.chv2,
                                     'date_received': '2026-03-02'})
            env['thads.case.event'].create({'case_id': colleague.id, 'event_type': 'decide', 'date': '2026-03-04',
                                            'document_number': '2/QĐ-CCTHADS'})
            self.colleague = colleague.id

    def rpc(self, login, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.db, login, PASSWORD, {})
        self.assertTrue(uid, 'login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, model, method, list(args), kwargs)

    def refused(self, text, login, model, method, *args, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.rpc(login, model, method, *args, **kwargs)
        self.assertIn(text, ctx.exception.faultString)

    def snapshot(self, model, record_id, names):
        with self.http_env() as env:
            return env[model].browse(record_id).read(names)[0]

    def test_executor_cannot_write_state_money_office_of_own_case(self):
        names = ['state', 'amount_collected', 'amount_remaining', 'amount_held', 'office_id', 'executor_id',
                 'decision_number', 'next_deadline_date', 'deadline_status']
        before = self.snapshot('thads.case', self.own, names)
        self.assertEqual((before['state'], before['amount_collected'], before['amount_remaining']),
                         ('voluntary', 4000000, 6000000))
        for vals in ({'state': 'done'}, {'amount_collected': 10000000}, {'amount_remaining': 0},
                     {'office_id': self.other_region}, {'executor_id': self.chv2},
                     {'decision_number': 'giả'}, {'deadline_status': 'ok'}):
            for context in ({}, FORGED_CONTEXT):
                self.refused('được tính từ các sự kiện đã ghi nhận', 'rpc_chv1', 'thads.case', 'write',
                             [self.own], vals, context=context)
        # through the obligations, directly or as lines of the case
        self.refused('được tính từ các sự kiện đã ghi nhận', 'rpc_chv1', 'thads.case.obligation', 'write',
                     [self.obligation], {'amount_collected': 10000000, 'amount_remaining': 0},
                     context=FORGED_CONTEXT)
        self.refused('được tính từ các sự kiện đã ghi nhận', 'rpc_chv1', 'thads.case', 'write', [self.own],
                     {'obligation_ids': [(1, self.obligation, {'amount_remaining': 0})]})
        self.assertEqual(self.snapshot('thads.case', self.own, names), before)
        ob = self.snapshot('thads.case.obligation', self.obligation, ['amount_collected', 'amount_remaining'])
        self.assertEqual((ob['amount_collected'], ob['amount_remaining']), (4000000, 6000000))
        # what the executor may change still goes through
        self.rpc('rpc_chv1', 'thads.case', 'write', [self.own], {'court': 'TAND khu vực 3'})
        self.assertEqual(self.snapshot('thads.case', self.own, ['court'])['court'], 'TAND khu vực 3')

    def test_executor_cannot_create_a_case_event_or_obligation_with_derived_values(self):
        with self.http_env() as env:
            env.ref('thads_accounts.group_thads_officer').write({'users': [(4, self.chv1)]})
        for vals, context in (({'state': 'done'}, {}), ({}, {'default_state': 'done'}),
                              ({'amount_collected': 5}, FORGED_CONTEXT)):
            self.refused('được tính từ các sự kiện đã ghi nhận', 'rpc_chv1', 'thads.case', 'create',
                         dict(vals, office_id=self.region, date_received='2026-03-02'), context=context)
        self.refused('do hệ thống xác định', 'rpc_chv1', 'thads.case.event', 'create',
                     {'case_id': self.own, 'event_type': 'verify', 'date': '2026-03-20', 'result': 'has',
                      'user_id': self.chv2})
        with self.http_env() as env:
            cases = env['thads.case'].search_count([('office_id', '=', self.region)])
            events = env['thads.case.event'].search_count([('case_id', '=', self.own)])
        self.assertEqual((cases, events), (2, 4))

    def test_events_are_append_only(self):
        names = ['document_number', 'user_id', 'state_after', 'amount', 'event_type', 'date', 'note']
        before = self.snapshot('thads.case.event', self.collect, names)
        for vals in ({'document_number': 'BL-giả'}, {'user_id': self.chv2}, {'state_after': 'done'},
                     {'amount': 10000000}, {'event_type': 'complete'}, {'date': '2025-12-31'}):
            for context in ({}, FORGED_CONTEXT):
                self.refused('Không thể sửa sự kiện đã ghi nhận', 'rpc_chv1', 'thads.case.event', 'write',
                             [self.collect], vals, context=context)
        self.refused('Không thể xóa sự kiện đã ghi nhận', 'rpc_chv1', 'thads.case.event', 'unlink',
                     [self.collect], context=FORGED_CONTEXT)
        self.refused('Không thể sửa sự kiện đã ghi nhận', 'rpc_chv1', 'thads.case', 'write', [self.own],
                     {'event_ids': [(1, self.collect, {'amount': 1})]})
        self.assertEqual(self.snapshot('thads.case.event', self.collect, names), before)
        self.assertEqual(self.snapshot('thads.case', self.own, ['amount_collected'])['amount_collected'], 4000000)
        # the note stays editable
        self.rpc('rpc_chv1', 'thads.case.event', 'write', [self.collect], {'note': 'Biên lai số 12'})
        self.assertEqual(self.snapshot('thads.case.event', self.collect, ['note'])['note'], 'Biên lai số 12')

    def test_self_handover_is_refused(self):
        """rpc_chv1 hands rpc_chv2's case to himself, sends and confirms it."""
        handover = self.rpc('rpc_chv1', 'thads.case.handover', 'create', {
            'office_id': self.region, 'from_user_id': self.chv2, 'to_user_id': self.chv1,
            'case_ids': [(6, 0, [self.colleague])]})
        self.refused('Chỉ rpc_chv2 (người bàn giao) hoặc lãnh đạo cơ quan', 'rpc_chv1', 'thads.case.handover',
                     'action_send', [handover])
        self.refused('chỉ thay đổi qua các nút', 'rpc_chv1', 'thads.case.handover', 'write', [handover],
                     {'state': 'sent'}, context=FORGED_CONTEXT)
        self.refused('Chỉ xác nhận được biên bản', 'rpc_chv1', 'thads.case.handover', 'action_confirm', [handover])
        # even as the "handing-over" officer of his own case to himself
        self.refused('Người nhận phải là chấp hành viên khác', 'rpc_chv1', 'thads.case.handover', 'action_send',
                     [self.rpc('rpc_chv1', 'thads.case.handover', 'create', {
                         'office_id': self.region, 'from_user_id': self.chv1, 'to_user_id': self.chv1,
                         'case_ids': [(6, 0, [self.own])]})])
        with self.http_env() as env:
            case = env['thads.case'].browse(self.colleague)
            self.assertEqual(case.executor_id.id, self.chv2)
            self.assertFalse(case.event_ids.filtered(lambda e: e.event_type == 'handover'))
            self.assertEqual(env['thads.case.handover'].browse(handover).state, 'draft')


class TestBypass(ThadsCaseCase):
    """The same rights in-process, as each role (sudo(user))."""

    @classmethod
    def setUpClass(cls):
        super(TestBypass, cls).setUpClass()
        cls.b_debtor = cls.env['res.partner'].create({'name': 'Lê Văn Tỉnh B', 'thads_id_number': '079090000777'})
        cls.company = cls.env['res.partner'].create({'name': 'Công ty Bình Thường', 'is_company': True})

    def make_b_case(self):
        case = self.make_case(executor=self.users_b['executor'])
        case.write({'party_ids': [(0, 0, {'partner_id': self.b_debtor.id, 'role': 'debtor'})]})
        return case

    def assertRefused(self, exception, text, func, *args, **kwargs):
        with self.assertRaises(exception) as ctx, self.env.cr.savepoint():
            func(*args, **kwargs)
        if text:
            self.assertIn(text, ctx.exception.name)

    # --------------------------------------------------------- derived data
    def test_derived_fields_written_only_by_the_replay(self):
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'))
        self.record(case, 'collect', '2026-03-06', amount=30000000)
        executor = self.users['executor']
        before = case.read(['state', 'amount_collected', 'amount_remaining', 'office_id', 'executor_id'])
        for vals in ({'state': 'done'}, {'amount_collected': 100000000}, {'office_id': self.region_b1.id}):
            self.assertRefused(UserError, 'comes from the recorded events', case.sudo(executor).write, vals)
            # even a national administrator: corrections are events
            self.assertRefused(UserError, 'comes from the recorded events',
                               case.sudo(self.users['national_admin']).write, vals)
        case.invalidate_cache()
        self.assertEqual(case.read(['state', 'amount_collected', 'amount_remaining', 'office_id',
                                    'executor_id']), before)
        # the replay, the handover and the cron still write them
        self.record(case, 'assign', '2026-03-07', executor_id=self.users['executor2'].id)
        self.assertEqual(case.executor_id, self.users['executor2'])
        self.env['thads.case'].cron_deadlines()
        self.assertEqual((case.state, case.amount_collected), ('voluntary', 30000000))

    def test_obligations_of_other_offices(self):
        case_b = self.make_b_case()
        ob_b = case_b.obligation_ids
        executor = self.users['executor']
        self.assertRefused(AccessError, None, ob_b.sudo(executor).write, {'name': 'Sửa từ tỉnh A'})
        self.assertRefused(AccessError, None, ob_b.sudo(executor).unlink)
        # (refused by the rule, or earlier by the constraint that cannot read the case)
        self.assertRefused((AccessError, ValidationError), None,
                           self.env['thads.case.obligation'].sudo(executor).create,
                           {'case_id': case_b.id, 'name': 'Thêm từ tỉnh A', 'amount_due': 5})
        self.assertRefused(AccessError, None, lambda: ob_b.sudo(executor).read(['amount_due']))
        self.assertNotIn(ob_b, self.env['thads.case.obligation'].sudo(executor).search([]))
        # nor move one of his own into another case
        own = self.make_case()
        self.assertRefused(UserError, 'cannot be moved to another case',
                           own.obligation_ids.sudo(executor).write, {'case_id': self.make_case().id})
        self.assertEqual(ob_b.read(['name', 'case_id'])[0]['name'], 'Trả tiền')
        self.assertEqual(len(case_b.obligation_ids), 1)
        self.assertEqual(own.obligation_ids.case_id, own)

    # ------------------------------------------------------- personal data
    def test_parties_and_partners_stay_in_the_office_subtree(self):
        case_b = self.make_b_case()
        own = self.make_case()
        party_b = case_b.party_ids.filtered(lambda p: p.partner_id == self.b_debtor)
        for role in ('reader', 'executor', 'statistician', 'support', 'leader', 'officer'):
            user = self.users[role]
            Party = self.env['thads.case.party'].sudo(user)
            self.assertNotIn(party_b, Party.search([]), role)
            self.assertIn(own.party_ids[0], Party.search([]), role)
            self.assertRefused(AccessError, None, lambda: party_b.sudo(user).read(['id_number']))
            Partner = self.env['res.partner'].sudo(user)
            self.assertFalse(Partner.search([('thads_id_number', '=', '079090000777')]), role)
            self.assertRefused(AccessError, None, lambda: self.b_debtor.sudo(user).read(['thads_id_number']))
            # ordinary partners stay visible: users, offices' companies, partners of own cases
            for partner in (user.partner_id, self.users['leader'].partner_id, self.company, self.debtor,
                            self.env.user.company_id.partner_id):
                self.assertTrue(Partner.search([('id', '=', partner.id)]), '%s %s' % (role, partner.name))
        executor = self.users['executor']
        self.assertRefused(AccessError, None, party_b.sudo(executor).write, {'id_number': '001090000999'})
        self.assertRefused(AccessError, None, self.b_debtor.sudo(executor).write, {'street': 'Sửa'})
        self.assertRefused(AccessError, None, party_b.sudo(executor).unlink)
        self.assertEqual(self.b_debtor.thads_id_number, '079090000777')
        self.assertTrue(party_b.exists())
        # B's own people and the national roles see it; a party of both provinces is seen by both
        self.assertTrue(self.b_debtor.sudo(self.users_b['executor']).read(['thads_id_number']))
        self.assertTrue(self.b_debtor.sudo(self.users['national']).read(['thads_id_number']))
        self.assertTrue(self.debtor.sudo(self.users_b['executor']).read(['thads_id_number']))

    # ------------------------------------------------------------- events
    def test_events_append_only_and_deleted_only_with_their_case(self):
        case = self.make_case()
        event = self.record(case, 'decide', '2026-03-04', document_number='5/QĐ')
        for user in (self.users['executor'], self.users['national_admin'], self.env.user):
            for vals in ({'document_number': 'giả'}, {'state_after': 'done'}, {'user_id': user.id},
                         {'date': '2025-01-01'}):
                self.assertRefused(UserError, 'cannot be changed', event.sudo(user).write, vals)
            # no role may delete events (access rights); server code is refused by the journal
            if user == self.env.user:
                self.assertRefused(UserError, 'cannot be deleted',
                                   event.with_context(thads_case_unlink=True, thads_replay=True).unlink)
            else:
                self.assertRefused((AccessError, UserError), None,
                                   event.sudo(user).with_context(thads_case_unlink=True).unlink)
        self.assertEqual((event.document_number, event.state_after, event.date), ('5/QĐ', 'new', '2026-03-04'))
        event.sudo(self.users['executor']).write({'note': 'Đã ký'})
        self.assertEqual(event.note, 'Đã ký')
        # a case with only its receipt is deleted with it
        fresh = self.make_case()
        receipt = fresh.event_ids
        fresh.sudo(self.users['leader']).unlink()
        self.assertFalse(receipt.exists())

    # ------------------------------------------------------------ handover
    def test_handover_send_and_confirm_rights(self):
        leader, executor, executor2 = self.users['leader'], self.users['executor'], self.users['executor2']
        case = self.make_case(executor=executor2)
        self.advance(case, ('decide', '2026-03-04'))
        Handover = self.env['thads.case.handover']
        # executor hands executor2's case to himself, in every order
        grab = Handover.sudo(executor).create({
            'office_id': self.region_a1.id, 'from_user_id': executor2.id, 'to_user_id': executor.id,
            'case_ids': [(6, 0, case.ids)]})
        self.assertRefused(UserError, 'or a leader of the office can send', grab.sudo(executor).action_send)
        # nor may its officer send it to the one who prepared it
        self.assertRefused(UserError, 'You cannot hand cases over to yourself', grab.sudo(executor2).action_send)
        # sent by a leader: the one who prepared it still cannot confirm it for himself
        grab.sudo(leader).action_send()
        self.assertRefused(UserError, 'You cannot hand cases over to yourself', grab.sudo(executor).action_confirm)
        self.assertRefused(UserError, 'changes through its buttons only', grab.sudo(executor).write,
                           {'state': 'confirmed'})
        self.assertRefused(UserError, 'cannot be changed', grab.sudo(executor2).write, {'to_user_id': leader.id})
        self.assertEqual((case.executor_id, grab.state, grab.to_user_id), (executor2, 'sent', executor))
        # a leader may confirm it, and the chatter tells each step
        grab.sudo(leader).action_confirm()
        self.assertEqual((case.executor_id, grab.state), (executor, 'confirmed'))
        bodies = grab.message_ids.mapped('body')
        self.assertTrue(any('Handover sent by' in body for body in bodies))
        self.assertTrue(any('Handover confirmed by' in body for body in bodies))
        handover_event = case.event_ids.filtered(lambda e: e.event_type == 'handover')
        self.assertEqual(handover_event.user_id, leader)
        # a leader may take a case himself
        back = Handover.sudo(leader).create({
            'office_id': self.region_a1.id, 'from_user_id': executor.id, 'to_user_id': leader.id,
            'case_ids': [(6, 0, case.ids)]})
        back.sudo(leader).action_send()
        back.sudo(leader).action_confirm()
        self.assertEqual(case.executor_id, leader)
        # a leader of another province is not a leader of this office
        other = Handover.create({'office_id': self.region_a1.id, 'from_user_id': leader.id,
                                 'to_user_id': executor2.id, 'case_ids': [(6, 0, case.ids)]})
        self.assertRefused((UserError, AccessError), None, other.sudo(self.users_b['leader']).action_send)
        self.assertEqual(other.state, 'draft')

    # --------------------------------------------------------- attachments
    def test_case_attachments_checked_by_content(self):
        case = self.make_case()
        Attachment = self.env['ir.attachment'].sudo(self.users['executor'])

        def attach(name, data, model='thads.case', res_id=case.id):
            return Attachment.create({'name': name, 'datas_fname': name, 'res_model': model, 'res_id': res_id,
                                      'datas': base64.b64encode(data)})

        count = self.env['ir.attachment'].search_count([('res_model', '=', 'thads.case'), ('res_id', '=', case.id)])
        self.assertRefused(ValidationError, 'of a type that cannot be attached', attach, 'ghi-chu.txt', b'Ghi chu')
        self.assertRefused(ValidationError, 'of a type that cannot be attached', attach, 'quyet-dinh.pdf',
                           b'MZ\x90\x00\x03\x00\x00\x00program')
        self.assertRefused(ValidationError, 'does not contain what its name says', attach, 'anh.pdf',
                           b'\x89PNG\r\n\x1a\n0000')
        event = case.event_ids[0]
        self.assertRefused(ValidationError, 'of a type', attach, 'x.txt', b'text', 'thads.case.event', event.id)
        good = attach('quyet-dinh.pdf', b'%PDF-1.4 minimal')
        # on write: new content, a new name, or moved onto a case
        self.assertRefused(ValidationError, 'of a type', good.write, {'datas': base64.b64encode(b'plain text')})
        self.assertRefused(ValidationError, 'of a type', good.write, {'datas_fname': 'chay.exe', 'name': 'chay.exe'})
        elsewhere = self.env['ir.attachment'].create({
            'name': 'x.txt', 'datas_fname': 'x.txt', 'res_model': 'res.partner', 'res_id': self.debtor.id,
            'datas': base64.b64encode(b'plain text')})
        self.assertRefused(ValidationError, 'of a type', elsewhere.write,
                           {'res_model': 'thads.case', 'res_id': case.id})
        self.assertEqual(base64.b64decode(good.sudo().datas), b'%PDF-1.4 minimal')
        self.assertEqual((good.datas_fname, elsewhere.res_model), ('quyet-dinh.pdf', 'res.partner'))
        self.assertEqual(self.env['ir.attachment'].search_count(
            [('res_model', '=', 'thads.case'), ('res_id', '=', case.id)]), count + 1)
        # a Vietnamese message for the officers
        Attachment = Attachment.with_context(lang='vi_VN')
        self.assertRefused(ValidationError, 'thuộc loại không được đính kèm hồ sơ', attach, 'ghi-chu.txt', b'Ghi')
