"""Every seeded deadline rule, triggered on Thursday 12/02/2026 (the day
before the Tết 2026 break), against the seeded working calendar."""
from odoo import fields
from odoo.tests.common import TransactionCase, at_install, post_install

from ..lib import deadlines

D = fields.Date.from_string
EXPECTED = {
    'decide': '2026-02-26',               # 05 NLV: 13/2, then 23-26/2 after Tết
    'decide_ex_officio': '2026-02-26',
    'open_file': '2026-02-23',            # 02 NLV
    'notify': '2026-02-24',               # 03 NLV
    'voluntary': '2026-02-23',            # 10 days end Sunday 22/2 -> Monday
    'verify': '2026-03-05',               # voluntary ends 23/2, then 10 days (art. 44(1))
    'no_condition_decision': '2026-02-26',
    'publish': '2026-02-26',
    'unpublish': '2026-02-23',            # 02 NLV before 01/07/2026
    'update_publication': '2026-02-24',   # 03 NLV
    'reverify': '2026-08-12',             # 6 months
    'reverify_yearly': '2027-02-12',      # 12 months: Friday after the 2027 Tết days off (5-11/2)
    'resume_new_info': '2026-02-23',      # 10 days
    'separate_register': '2027-02-17',    # 1 year, then 03 NLV (old regime on 12/02/2026)
    'separate_register_yearly': '2028-02-17',  # 2 years: Saturday 12/2/2028 -> Monday 14/2, then 03 NLV
    'postpone_protest': '2026-05-12',     # 3 months
    'resume_after_ground': '2026-02-26',
    'terminate': '2026-02-26',
    'close': '2026-02-26',
    'close_terminated': '2026-02-26',
    'confirm': '2026-02-26',              # 05 NLV before 01/07/2026
    'delegated_verification_registered': '2026-03-16',  # 30 days: Saturday 14/3 -> Monday
    'delegated_verification_other': '2026-02-27',       # 15 days
    # exemption or reduction (issue 19 e)
    'exemption_verify': '2026-02-23',         # 10 days: Sunday 22/2 -> Monday
    'exemption_file': '2026-02-26',           # 05 NLV
    'exemption_send': '2026-03-09',           # first week of March: Saturday 7/3 -> Monday 9/3
    'exemption_vks': '2026-02-27',            # 15 days
    'exemption_accept': '2026-02-23',         # 02 NLV
    'exemption_hearing': '2026-03-04',        # 20 days
    'exemption_decision_sent': '2026-02-26',  # 05 NLV
}
# rules that exist only from 01/07/2026 (NĐ 152/2026)
NEW_ONLY = {'change_executor', 'return_request', 'delegated_verification_accounts'}


@at_install(False)
@post_install(True)
class TestSeededRules(TransactionCase):

    def test_every_seeded_rule(self):
        rules = self.env['thads.deadline.rule']._get_rules()
        calendar = self.env['thads.calendar.day']._get_calendar()
        trigger_day = D('2026-02-12')
        codes = {rule.code for rule in rules}
        self.assertEqual(codes, set(EXPECTED) | NEW_ONLY, 'every seeded rule has an expected date here')
        for code, expected in EXPECTED.items():
            rule = deadlines.applicable_rule(rules, code, trigger_day)
            self.assertEqual(deadlines.due_date(rule, trigger_day, calendar, rules), D(expected), code)
        for code in NEW_ONLY:
            self.assertIsNone(deadlines.applicable_rule(rules, code, trigger_day), code)

    def test_new_regime_versions(self):
        rules = self.env['thads.deadline.rule']._get_rules()
        calendar = self.env['thads.calendar.day']._get_calendar()
        day = D('2026-08-27')  # Thursday before 1-2/9/2026
        confirm = deadlines.applicable_rule(rules, 'confirm', day)
        self.assertEqual((confirm.count, deadlines.due_date(confirm, day, calendar, rules)), (3, D('2026-09-04')))  # 28/8, (31/8 swapped off, 1-2/9 off), 3/9, 4/9
        separate = deadlines.applicable_rule(rules, 'separate_register', day)
        self.assertEqual((separate.count, separate.unit, separate.case_kind), (2, 'years', 'chu_dong'))
        self.assertIn('152/2026', self.env['thads.deadline.rule'].search(
            [('code', '=', 'confirm'), ('date_from', '=', '2026-07-01')]).legal_basis)

    def test_law_106_versions(self):
        """Law 106/2025/QH15 from 01/07/2026: the verification has 09 days
        after the voluntary period (art. 37(1)), the 2014 law's 10 days stay
        for earlier triggers; every version from that day cites its article,
        none is left "to verify"."""
        Rule = self.env['thads.deadline.rule']
        rules = Rule._get_rules()
        calendar = self.env['thads.calendar.day']._get_calendar()
        before, after = D('2026-06-30'), D('2026-07-01')
        old, new = (deadlines.applicable_rule(rules, 'verify', day) for day in (before, after))
        self.assertEqual((old.count, new.count), (10, 9))
        # voluntary ends Friday 10/07 + 10 days; Saturday 11/07 -> Monday 13/07 + 09 days
        self.assertEqual(deadlines.due_date(old, before, calendar, rules), D('2026-07-20'))
        self.assertEqual(deadlines.due_date(new, after, calendar, rules), D('2026-07-22'))
        for code, article in (('decide', 'Điều 34 khoản 3'), ('decide_ex_officio', 'Điều 33 khoản 3'),
                              ('notify', 'Điều 35'), ('voluntary', 'Điều 36 khoản 1'),
                              ('verify', 'Điều 37 khoản 1'), ('no_condition_decision', 'Điều 38 khoản 1'),
                              ('reverify', 'Điều 38 khoản 3'), ('reverify_yearly', 'Điều 38 khoản 3'),
                              ('separate_register', 'Điều 38 khoản 4'), ('return_request', 'Điều 38 khoản 4'),
                              ('postpone_protest', 'Điều 46 khoản 2'), ('terminate', 'Điều 48')):
            basis = Rule.search([('code', '=', code), ('date_from', '=', '2026-07-01')]).legal_basis
            self.assertIn('106/2025/QH15, ' + article, basis, code)
        self.assertFalse(Rule.search([('legal_basis', 'ilike', 'đối chiếu')]))
        self.assertFalse(Rule.search([('date_from', '=', False), ('date_to', '=', False)]),
                         'every rule is versioned around 01/07/2026')

    def test_law_106_grounds(self):
        """The debtor's own unknown address is no longer a ground of art.
        38(1)(c): refused from 01/07/2026, the new ground (yearly) accepted."""
        from odoo.exceptions import UserError
        Ground = self.env['thads.case.ground']
        self.assertEqual(Ground._normalize('no_condition', 'Điều 44a khoản 1 điểm c', '2026-06-30'), '44a_1c')
        with self.assertRaises(UserError):
            Ground._normalize('no_condition', 'Điều 44a khoản 1 điểm c', '2026-07-01')
        self.assertEqual(Ground._normalize('no_condition', '38_1_address_unknown', '2026-07-01'),
                         '38_1_address_unknown')
        self.assertIn('Điều 38', Ground.search([('code', '=', '44a_1a')]).citation_new)
        self.assertFalse(Ground.search([('event_type', '=', 'no_condition'), ('citation_new', '=', False),
                                        ('date_to', '=', False)]))

    def test_names_officers_read_are_vietnamese(self):
        """Issue 15 (9): the deadline texts and grounds an officer reads are
        Vietnamese, without internal row numbers."""
        for model in ('thads.deadline.rule', 'thads.case.ground'):
            records = self.env[model].with_context(active_test=False).search([])
            self.assertTrue(records)
            for record in records:
                english = record.with_context(lang='en_US').name
                vietnamese = record.with_context(lang='vi_VN').name
                self.assertNotEqual(vietnamese, english, '%s %s has no Vietnamese name' % (model, english))
                self.assertNotRegex(vietnamese, r'\((dòng|row) \d+\)', model)
