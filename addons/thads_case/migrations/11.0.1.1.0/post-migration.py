"""11.0.1.1.0: the record rules now come from the access table
(thads_accounts/lib/access_table.py, generated files security/*_access_rules.xml).
The hand-written rules they replace were noupdate, so an update would keep
them, OR-ed with the new ones: delete them."""
import logging

_logger = logging.getLogger(__name__)

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
    if not version:
        return
    cr.execute("""SELECT res_id FROM ir_model_data
                  WHERE module = %s AND model = 'ir.rule' AND name IN %s""", ('thads_case', LEGACY_RULES))
    ids = tuple(row[0] for row in cr.fetchall())
    if ids:
        cr.execute('DELETE FROM ir_rule WHERE id IN %s', (ids,))
    cr.execute("DELETE FROM ir_model_data WHERE module = %s AND model = 'ir.rule' AND name IN %s",
               ('thads_case', LEGACY_RULES))
    _logger.info('%s: %d legacy record rules replaced by the access table', 'thads_case', len(ids))
