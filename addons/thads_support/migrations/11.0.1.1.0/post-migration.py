"""11.0.1.1.0: the record rules now come from the access table
(thads_accounts/lib/access_table.py, generated files security/*_access_rules.xml).
The hand-written rules they replace were noupdate, so an update would keep
them, OR-ed with the new ones: delete them."""
from odoo.addons.thads_accounts.lib.legacy_rules import delete_legacy_rules

LEGACY_RULES = (
    'thads_support_request_rule_assigned',
    'thads_support_request_rule_office',
    'thads_support_request_rule_complaints',
    'thads_support_request_rule_national',
)


def migrate(cr, version):
    if version:
        delete_legacy_rules(cr, 'thads_support', LEGACY_RULES)
