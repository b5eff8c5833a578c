"""Exemption and reduction of budget debts (issue 19 e), end to end: the
steps recorded as events of the case, their deadlines across Tết 2026,
the refusals (too early, twice in a year, more than the law allows), and
the court's decision applied by the replay (reduce, terminate)."""
from odoo.exceptions import AccessError, UserError

from .common import ThadsCaseCase

M = 1000000


class TestExemption(ThadsCaseCase):

    def old_debt(self, due, judgment='5/2020/HS-ST', court='TAND huyện Cũ', decided='2020-12-02'):
        """A budget debt decided on `decided`, debtor without conditions."""
        case = self.make_case(due=due, date='2020-12-01', kind='chu_dong', budget=True)
        case.write({'judgment_number': judgment, 'court': court})
        return self.advance(case, ('decide', decided), ('notify', '2020-12-03'),
                            ('verify', '2020-12-20', {'result': 'none'}),
                            ('no_condition', '2020-12-22', {'ground': 'Điều 44a khoản 1 điểm a'}))

    def proposal(self, case, action='exempt', amount=0, user=None):
        Proposal = self.env['thads.case.exemption'].sudo(user or self.users['executor'])
        return Proposal.create({'case_id': case.id, 'obligation_id': case.obligation_ids.id, 'action': action,
                                'amount_proposed': amount})

    def step(self, proposal, method, day, document=None, lang=None):
        proposal.write({'step_date': day, 'step_document': document})
        getattr(proposal.with_context(lang=lang) if lang else proposal, method)()
        proposal.invalidate_cache()
        return proposal

    def event_types(self, case):
        case.invalidate_cache()
        return case.event_ids.sorted(lambda e: (e.date, e.sequence)).mapped('event_type')

    def test_exemption_end_to_end_across_tet(self):
        case = self.old_debt(int(1.5 * M))
        before = self.event_types(case)
        proposal = self.proposal(case)
        self.assertEqual(proposal.state, 'draft')
        # too early: 4 full years on 20/11/2025; eligible from 02/12/2025 (5 years, < 2 million)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.step(proposal, 'action_open', '2025-11-20', lang='vi_VN')
        self.assertIn('02/12/2025', ctx.exception.name)
        self.assertIn('Chưa đến lúc', ctx.exception.name)
        proposal.invalidate_cache()
        self.assertEqual((proposal.state, self.event_types(case)), ('draft', before))
        # 15/12/2025: verification within 10 days (Thursday 25/12 is a working day)
        self.step(proposal, 'action_open', '2025-12-15')
        self.assertEqual((proposal.state, proposal.deadline_date), ('open', '2025-12-25'))
        self.assertEqual((proposal.amount_remaining, proposal.amount_proposed), (1.5 * M, 1.5 * M))
        self.assertEqual(proposal.office_id, self.region_a1)
        self.assertEqual(self.event_types(case)[-1], 'exemption_open')
        self.step(proposal, 'action_verify', '2025-12-20')
        self.assertEqual(proposal.deadline_date, '2025-12-26')  # 05 NLV
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.step(proposal, 'action_file', '2025-12-24')  # no document
        self.step(proposal, 'action_file', '2025-12-24', '12/CV-THADS')
        # sent to the procuracy in the first week of January (Wednesday 07/01/2026)
        self.assertEqual((proposal.deadline_date, proposal.file_number), ('2026-01-07', '12/CV-THADS'))
        # steps follow each other
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.step(proposal, 'action_court_accept', '2026-01-05')
        self.step(proposal, 'action_send_vks', '2026-01-05')
        self.assertEqual(proposal.deadline_date, '2026-01-20')  # 15 days
        self.step(proposal, 'action_vks_answer', '2026-01-16', '3/VKS-KSTHA')
        self.step(proposal, 'action_send_court', '2026-02-12')
        # the court accepts within 02 NLV: Friday 13/02, then Tết (16-20/02): Monday 23/02
        self.assertEqual((proposal.state, proposal.deadline_date), ('sent_court', '2026-02-23'))
        self.step(proposal, 'action_court_accept', '2026-02-23')
        # the hearing within 20 days: Sunday 15/03 -> Monday 16/03
        self.assertEqual(proposal.deadline_date, '2026-03-16')
        proposal.write({'result': 'exempt', 'decision_number': '8/2026/QĐ-MGNVTHA', 'date_decision': '2026-03-10'})
        proposal.invalidate_cache()
        self.step(proposal, 'action_decision', '2026-03-16')
        self.assertEqual((proposal.state, proposal.amount_applied, proposal.deadline_date),
                         ('exempted', 1.5 * M, False))
        # the replay: the obligation reduced to nothing, the case terminated on the exemption
        case.invalidate_cache()
        self.assertEqual(self.event_types(case)[len(before):], [
            'exemption_open', 'exemption_verify', 'exemption_file', 'exemption_send', 'exemption_vks',
            'exemption_court', 'exemption_accept', 'exemption_decision', 'exemption_received', 'reduce',
            'terminate'])
        self.assertEqual((case.state, case.amount_remaining, case.amount_reduced), ('terminated', 0, 1.5 * M))
        terminate = case.event_ids.filtered(lambda e: e.event_type == 'terminate')
        self.assertIn('Điều 50', terminate.ground)
        self.assertEqual(terminate.document_number, '8/2026/QĐ-MGNVTHA')
        # workflow fields are never written directly, even by a leader
        for user in (self.users['executor'], self.users['leader']):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                proposal.sudo(user).write({'state': 'open'})
            with self.assertRaises(UserError), self.env.cr.savepoint():
                proposal.sudo(user).write({'amount_applied': 1})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.env['thads.case.exemption'].sudo(self.users['leader']).create({
                'case_id': case.id, 'obligation_id': case.obligation_ids.id, 'action': 'exempt',
                'state': 'exempted'})
        # nor through context defaults (a kanban column grouped by state passes one)
        sneaky = self.env['thads.case.exemption'].sudo(self.users['leader']).with_context(
            default_state='exempted', default_amount_applied=5).create({
                'case_id': case.id, 'obligation_id': case.obligation_ids.id, 'action': 'exempt'})
        self.assertEqual((sneaky.state, sneaky.amount_applied), ('draft', 0))
        # a started proposal is not deleted
        with self.assertRaises(UserError), self.env.cr.savepoint():
            proposal.sudo(self.users['leader']).unlink()

    def test_reduction_and_once_a_year(self):
        case = self.old_debt(50 * M, judgment='9/2020/HS-ST')
        proposal = self.proposal(case, 'reduce', 13 * M)
        # a reduction takes off at most a quarter of 50 million (art. 61(3) of the 2014 law)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.step(proposal, 'action_open', '2026-01-06')
        self.assertIn('12.500.000', ctx.exception.name)
        # exempting 50 million is not possible at all
        exempt = self.proposal(case, 'exempt')
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.step(exempt, 'action_open', '2026-01-06')
        self.env['thads.case.exemption'].browse(exempt.id).unlink()  # a draft, by the superuser
        proposal.write({'amount_proposed': 12 * M})
        self.step(proposal, 'action_open', '2026-01-06')
        # the same judgment, another case: one review at a time...
        twin = self.old_debt(60 * M, judgment='9/2020/HS-ST')
        second = self.proposal(twin, 'reduce', 10 * M)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.step(second, 'action_open', '2026-01-07', lang='vi_VN')
        self.assertIn(proposal.name, ctx.exception.name)
        for method, day, doc in (('action_verify', '2026-01-08', None), ('action_file', '2026-01-09', '1/CV'),
                                 ('action_send_vks', '2026-02-02', None),
                                 ('action_vks_answer', '2026-02-10', '2/VKS'),
                                 ('action_send_court', '2026-02-11', None),
                                 ('action_court_accept', '2026-02-13', None)):
            self.step(proposal, method, day, doc)
        # the court reduces by less than proposed
        proposal.write({'result': 'reduce', 'decision_number': '3/2026/QĐ-MGNVTHA', 'date_decision': '2026-03-03',
                        'amount_decided': 10 * M})
        self.step(proposal, 'action_decision', '2026-03-05')
        case.invalidate_cache()
        self.assertEqual((proposal.state, proposal.amount_applied), ('reduced', 10 * M))
        self.assertEqual((case.state, case.amount_remaining, case.amount_reduced), ('no_condition', 40 * M, 10 * M))
        reduce = case.event_ids.filtered(lambda e: e.event_type == 'reduce')
        self.assertEqual((reduce.amount, reduce.date, reduce.obligation_id), (10 * M, '2026-03-05',
                                                                                case.obligation_ids))
        # ...and once a year: reviewed on 03/03/2026, the judgment waits until 03/03/2027
        events = len(twin.event_ids)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.step(second, 'action_open', '2026-09-01', lang='vi_VN')
        self.assertIn('03/03/2027', ctx.exception.name)
        self.assertIn('một lần', ctx.exception.name)
        twin.invalidate_cache()
        self.assertEqual((second.state, len(twin.event_ids)), ('draft', events))
        self.step(second, 'action_open', '2027-03-03')
        self.assertEqual(second.state, 'open')
        # withdrawn: its open steps stop
        self.step(second, 'action_withdraw', '2027-03-05')
        self.assertEqual((second.state, second.deadline_date), ('withdrawn', False))
        self.assertEqual(self.event_types(twin)[-2:], ['exemption_open', 'exemption_withdraw'])

    def test_law_106_thresholds_and_record_rules(self):
        """From 01/07/2026 (Law 106 art. 42(1)(b)) 4 million are exempted after 5 years (the 2014 law
        needed 10 years for 2-5 million); an officer of another region cannot touch the proposal."""
        case = self.old_debt(4 * M, judgment='11/2020/HS-ST')
        proposal = self.proposal(case)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.step(proposal, 'action_open', '2026-06-30')
        self.step(proposal, 'action_open', '2026-07-01')
        self.assertEqual(proposal.state, 'open')
        for outsider in (self.users_b['executor'], self.users_b['leader']):
            with self.assertRaises(AccessError):
                proposal.sudo(outsider).read(['state'])
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                self.step(proposal.sudo(outsider), 'action_verify', '2026-07-02')
        proposal.invalidate_cache()
        self.assertEqual(proposal.state, 'open')
        # the decision of a 2026-07 exemption terminates on Law 106 art. 48(5)
        for method, day, doc in (('action_verify', '2026-07-02', None), ('action_file', '2026-07-03', '5/CV'),
                                 ('action_send_vks', '2026-08-03', None), ('action_vks_answer', '2026-08-10', '6/VKS'),
                                 ('action_send_court', '2026-08-11', None),
                                 ('action_court_accept', '2026-08-12', None)):
            self.step(proposal, method, day, doc)
        proposal.write({'result': 'exempt', 'decision_number': '9/2026/QĐ-MGNVTHA', 'date_decision': '2026-08-20'})
        self.step(proposal, 'action_decision', '2026-08-24')
        case.invalidate_cache()
        self.assertEqual(case.state, 'terminated')
        self.assertIn('Điều 48', case.event_ids.filtered(lambda e: e.event_type == 'terminate').ground)
