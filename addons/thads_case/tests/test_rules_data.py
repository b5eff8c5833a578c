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
    'verify': '2026-03-04',               # 20 days
    'no_condition_decision': '2026-02-26',
    'publish': '2026-02-26',
    'unpublish': '2026-02-23',
    'unpublish_end': '2026-02-23',
    'reverify': '2026-08-12',             # 6 months
    'reverify_again': '2026-08-12',
    'reverify_yearly': '2027-02-12',      # 12 months: Friday after the 2027 Tết days off
    'resume_new_info': '2026-02-23',      # 10 days
    'separate_register': '2027-02-17',    # 1 year, then 03 NLV (old regime on 12/02/2026)
    'postpone_protest': '2026-05-12',     # 3 months
    'resume_after_ground': '2026-02-26',
    'terminate': '2026-02-26',
    'close': '2026-02-26',
    'close_terminated': '2026-02-26',
    'confirm': '2026-02-26',              # 05 NLV before 01/07/2026
}


@at_install(False)
@post_install(True)
class TestSeededRules(TransactionCase):

    def test_every_seeded_rule(self):
        rules = self.env['thads.deadline.rule'].get_rules()
        calendar = self.env['thads.calendar.day'].get_calendar()
        trigger_day = D('2026-02-12')
        codes = {rule.code for rule in rules}
        self.assertEqual(codes, set(EXPECTED), 'every seeded rule has an expected date here')
        for code, expected in EXPECTED.items():
            rule = deadlines.applicable_rule(rules, code, trigger_day)
            self.assertEqual(deadlines.due_date(rule, trigger_day, calendar), D(expected), code)

    def test_new_regime_versions(self):
        rules = self.env['thads.deadline.rule'].get_rules()
        calendar = self.env['thads.calendar.day'].get_calendar()
        day = D('2026-08-27')  # Thursday before 1-2/9/2026
        confirm = deadlines.applicable_rule(rules, 'confirm', day)
        self.assertEqual((confirm.count, deadlines.due_date(confirm, day, calendar)), (3, D('2026-09-03')))  # 28/8, 31/8, (1-2/9 off), 3/9
        separate = deadlines.applicable_rule(rules, 'separate_register', day)
        self.assertEqual((separate.count, separate.unit, separate.case_kind), (2, 'years', 'chu_dong'))
        self.assertIn('152/2026', self.env['thads.deadline.rule'].search(
            [('code', '=', 'confirm'), ('date_from', '=', '2026-07-01')]).legal_basis)
