from odoo.exceptions import UserError

from .common import ThadsCaseCase


class TestLifecycle(ThadsCaseCase):

    def test_intake_to_completion(self):
        case = self.make_case()
        self.assertEqual(case.state, 'received')
        self.assertRegex(case.name, r'^\d+/2026/T-A-1$')
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'),
                     ('verify', '2026-03-25', {'result': 'has'}), ('enforce', '2026-03-30'))
        self.assertEqual(case.state, 'enforcing')
        self.assertEqual(case.decision_number, 'decide/QĐ')
        self.record(case, 'collect', '2026-04-02', amount=30000000)
        self.record(case, 'collect', '2026-04-10', amount=70000000)
        self.record(case, 'pay_out', '2026-04-12', amount=100000000)
        self.record(case, 'complete', '2026-04-13')
        self.record(case, 'close', '2026-04-14')
        self.assertEqual(case.state, 'closed')
        self.assertEqual((case.amount_collected, case.amount_paid_out, case.amount_remaining, case.amount_held),
                         (100000000, 100000000, 0, 0))
        self.assertEqual(case.event_ids.mapped('office_id'), self.region_a1)
        self.assertFalse(case.next_deadline_date, 'a closed case has no deadline')

    def test_officer_without_email_is_logged_in_the_office_name(self):
        """Odoo refuses tracked changes by a user without e-mail; an officer
        without one records the event, logged from the office's address."""
        officer = self.users['executor']
        officer.email = False
        self.region_a1.email = 'khuvuc1@thads.example.vn'
        case = self.make_case()
        wizard = self.env['thads.case.event.wizard'].with_context(tracking_disable=False, mail_notrack=False)
        wizard.sudo(officer).create({'case_id': case.id, 'event_type': 'decide', 'date': '2026-03-04',
                                     'document_number': '1/QĐ'}).action_record()
        self.assertEqual(case.state, 'new')
        tracked = case.message_ids.filtered(lambda m: m.tracking_value_ids)
        self.assertTrue(tracked, 'the change of state is in the chatter')
        self.assertEqual(tracked[0].author_id, officer.partner_id)
        self.assertIn('khuvuc1@thads.example.vn', tracked[0].email_from)

    def test_refused_transitions_are_translated(self):
        case = self.make_case()
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.record(case, 'complete', '2026-03-04')
        self.assertEqual(ctx.exception.name,
                         '"Enforcement completed" is not possible for a case in state "Received".')
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.record(case, 'complete', '2026-03-04', lang='vi_VN')
        self.assertEqual(ctx.exception.name,
                         'Không thể thực hiện "Thi hành xong" đối với hồ sơ ở trạng thái "Đã tiếp nhận".')
        self.assertEqual(case.state, 'received')
        self.assertEqual(len(case.event_ids), 1, 'nothing recorded')

    def test_required_information(self):
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'))
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.record(case, 'postpone', '2026-03-06')  # no ground
        self.assertIn('the legal ground', ctx.exception.name)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.record(case, 'delegate', '2026-03-06')  # no receiving office

    def test_money_partial_reduction_delegation(self):
        case = self.make_case(due=150000000, budget=True, kind='chu_dong')
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'),
                     ('verify', '2026-03-25', {'result': 'has'}))
        self.record(case, 'collect', '2026-03-26', amount=25000000)
        self.record(case, 'reduce', '2026-03-27', amount=25000000)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.record(case, 'collect', '2026-03-28', amount=100000001)
        self.assertIn('exceeds the 100.000.000 đồng still to enforce', ctx.exception.name)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.record(case, 'pay_out', '2026-03-28', amount=25000001)
        self.record(case, 'delegate', '2026-03-30', target_office_id=self.region_b1.id)
        self.assertEqual(case.state, 'delegated')
        self.assertEqual((case.amount_collected, case.amount_reduced, case.amount_delegated,
                          case.amount_remaining, case.amount_held),
                         (25000000, 25000000, 100000000, 0, 25000000))
        self.record(case, 'pay_out', '2026-04-01', amount=25000000)
        self.assertEqual(case.amount_held, 0)

    def test_events_are_facts(self):
        case = self.make_case()
        event = self.record(case, 'decide', '2026-03-04')
        with self.assertRaises(UserError):
            event.write({'date': '2026-03-05'})
        with self.assertRaises(UserError):
            event.unlink()
        event.write({'note': 'Bổ sung ghi chú'})  # notes may be completed
        with self.assertRaises(UserError):
            case.unlink()

    def test_backdated_event_checked_against_history(self):
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-10'))
        with self.assertRaises(UserError), self.env.cr.savepoint():
            # notified before the decision: the history would be impossible
            self.record(case, 'verify', '2026-03-03', result='has')
        self.assertEqual(case.state, 'voluntary')

    def test_backdated_event_restates_the_events_after_it(self):
        """Statistics read each event's state_after: an event dated back
        changes the state after every later event."""
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'))
        collect = self.record(case, 'collect', '2026-03-20', amount=10000000)
        self.assertEqual(collect.state_after, 'voluntary')
        self.record(case, 'enforce', '2026-03-15')
        collect.invalidate_cache()
        self.assertEqual(case.event_ids.sorted(lambda e: (e.date, e.sequence)).mapped('state_after'),
                         ['received', 'new', 'voluntary', 'enforcing', 'enforcing'])
        self.assertEqual((case.state, case.amount_collected), ('enforcing', 10000000))

    def test_collection_audited_field_by_field(self):
        """The audit log keeps old and new values of the case's money, and
        leaves out the chatter and the event journal (their own history)."""
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'))
        Log = self.env['auditlog.log']
        before = Log.search([('res_id', '=', case.id), ('model_id.model', '=', 'thads.case')])
        self.record(case, 'collect', '2026-03-20', user=self.users['executor'], amount=10000000)
        log = Log.search([('res_id', '=', case.id), ('model_id.model', '=', 'thads.case')]) - before
        self.assertEqual(len(log), 1, 'one audited write for one collection')
        self.assertEqual(log.user_id, self.users['executor'])
        lines = {line.field_id.name: (line.old_value, line.new_value) for line in log.line_ids}
        self.assertEqual(lines['amount_collected'], ('0.0', '10000000.0'))
        self.assertEqual(lines['amount_remaining'], ('100000000.0', '90000000.0'))
        self.assertFalse({'message_ids', 'event_ids', 'message_follower_ids', 'state'} & set(lines))
        audited = set(self.env['auditlog.rule'].get_auditlog_fields(self.env['thads.case']))
        self.assertTrue({'state', 'executor_id', 'amount_collected', 'party_ids', 'obligation_ids'} <= audited)
        self.assertFalse({'message_ids', 'message_follower_ids', 'activity_ids', 'event_ids'} & audited)

    def test_replay_rewrites_nothing_unchanged(self):
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'))
        write_date = case.write_date
        self.env.cr.execute("UPDATE thads_case SET write_date = write_date - interval '1 day' WHERE id = %s",
                            (case.id,))
        case.invalidate_cache()
        case._recompute_from_events()
        case.invalidate_cache()
        self.assertLess(case.write_date, write_date, 'nothing changed, nothing written')
        self.env.cr.execute('UPDATE thads_case SET amount_remaining = 1 WHERE id = %s', (case.id,))
        case.invalidate_cache()
        case._recompute_from_events()
        self.assertEqual(case.amount_remaining, 100000000, 'the replay repairs a wrong total')

    def test_no_condition_register_and_publication(self):
        case = self.make_case()
        self.advance(case, ('decide', '2026-03-04'), ('notify', '2026-03-05'),
                     ('verify', '2026-03-25', {'result': 'none'}),
                     ('no_condition', '2026-03-27', {'ground': 'Điều 44a khoản 1 điểm a'}))
        self.assertEqual((case.state, case.publication_state), ('no_condition', 'to_publish'))
        self.assertEqual(case.next_verification_date, '2026-09-28')   # 6 months, 27/9 is a Sunday
        self.assertEqual(case.separate_register_date, '2027-04-01')   # 1 year + 03 NLV
        self.record(case, 'publish', '2026-03-30')
        self.assertEqual((case.publication_state, case.publication_date), ('published', '2026-03-30'))
        self.record(case, 'reverify', '2026-09-10', result='none')
        self.assertEqual(case.next_verification_date, '2027-03-10')
        self.assertIn(case, self.env['thads.case'].search([('state', 'in', ('no_condition', 'separate_register'))]))
        self.record(case, 'separate_register', '2027-04-01')
        self.record(case, 'resume', '2027-05-03', document_number='TT/QĐ')
        self.assertEqual(case.state, 'enforcing')
        self.assertEqual(case.next_deadline_rule_id.code, 'unpublish')

    def test_exemption_warning(self):
        case = self.make_case(due=1500000, budget=True, kind='chu_dong', date='2020-03-02')
        self.advance(case, ('decide', '2020-03-04'), ('notify', '2020-03-05'),
                     ('verify', '2020-03-25', {'result': 'none'}),
                     ('no_condition', '2020-03-27', {'ground': 'Điều 44a khoản 1 điểm a'}))
        self.env['thads.case'].cron_exemption()
        self.assertEqual(case.exemption_actions, 'exempt')

    def test_party_id_numbers_validated(self):
        from odoo.exceptions import ValidationError
        with self.assertRaises(ValidationError) as ctx:
            self.env['res.partner'].create({'name': 'X', 'thads_id_number': '12345'})
        self.assertIn('is not a valid ID number', ctx.exception.name)
        with self.assertRaises(ValidationError):
            self.env['res.partner'].create({'name': 'Công ty X', 'is_company': True, 'thads_id_number': '12'})
        self.env['res.partner'].create({'name': 'Công ty Y', 'is_company': True, 'thads_id_number': '0101234567'})

    def test_attachment_limits(self):
        from odoo.exceptions import ValidationError
        import base64
        case = self.make_case()
        Attachment = self.env['ir.attachment']
        Attachment.create({'name': 'qd.pdf', 'datas_fname': 'qd.pdf', 'res_model': 'thads.case',
                           'res_id': case.id, 'datas': base64.b64encode(b'%PDF-1.4 minimal')})
        with self.assertRaises(ValidationError):
            Attachment.create({'name': 'x.exe', 'datas_fname': 'x.exe', 'res_model': 'thads.case',
                               'res_id': case.id, 'datas': base64.b64encode(b'MZ\x90\x00binary')})
        self.env['ir.config_parameter'].set_param('thads_case.attachment_max_mb', '1')
        with self.assertRaises(ValidationError) as ctx:
            Attachment.create({'name': 'big.pdf', 'datas_fname': 'big.pdf', 'res_model': 'thads.case',
                               'res_id': case.id, 'datas': base64.b64encode(b'%PDF' + b'0' * 1100000)})
        self.assertIn('larger than 1 MB', ctx.exception.name)

    def test_labels_in_vietnamese(self):
        """Fields inherited from the office mixin are translated too (i18n_extra)."""
        fields_vi = self.env['thads.case'].with_context(lang='vi_VN').fields_get(['office_id', 'state'])
        self.assertEqual(fields_vi['office_id']['string'], 'Cơ quan')
        self.assertIn(('voluntary', 'Tự nguyện thi hành'), fields_vi['state']['selection'])
