"""11.0.1.1.0: the record rules now come from the access table
(thads_accounts/lib/access_table.py, generated files security/*_access_rules.xml).
The hand-written rules they replace were noupdate, so an update would keep
them, OR-ed with the new ones: delete them."""
from odoo.addons.thads_accounts.lib.legacy_rules import delete_legacy_rules

LEGACY_RULES = (
    'thads_case_rule_user',
    'thads_case_rule_executor',
    'thads_case_rule_officer',
    'thads_case_rule_national',
    'thads_case_rule_national_admin',
    'thads_case_event_rule_user',
    'thads_case_event_rule_executor',
    'thads_case_event_rule_officer',
    'thads_case_event_rule_national',
    'thads_case_handover_rule_user',
    'thads_case_handover_rule_national',
    'thads_case_delegation_rule_user',
    'thads_case_delegation_rule_national',
    'thads_case_party_rule_user',
    'thads_case_party_rule_executor',
    'thads_case_party_rule_officer',
    'thads_case_party_rule_national',
    'thads_case_party_rule_national_admin',
    'thads_case_obligation_rule_user',
    'thads_case_obligation_rule_executor',
    'thads_case_obligation_rule_officer',
    'thads_case_obligation_rule_national',
    'thads_case_obligation_rule_national_admin',
    'res_partner_rule_thads_party',
)


def migrate(cr, version):
    if version:
        delete_legacy_rules(cr, 'thads_case', LEGACY_RULES)
