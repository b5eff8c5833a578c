"""11.0.1.1.0: the record rules now come from the access table
(thads_accounts/lib/access_table.py, generated files security/*_access_rules.xml).
The hand-written rules they replace were noupdate, so an update would keep
them, OR-ed with the new ones: delete them."""
import logging

_logger = logging.getLogger(__name__)

LEGACY_RULES = (
    'thads_support_request_rule_assigned',
    'thads_support_request_rule_office',
    'thads_support_request_rule_complaints',
    'thads_support_request_rule_national',
)


def migrate(cr, version):
    if not version:
        return
    cr.execute("""SELECT res_id FROM ir_model_data
                  WHERE module = %s AND model = 'ir.rule' AND name IN %s""", ('thads_support', LEGACY_RULES))
    ids = tuple(row[0] for row in cr.fetchall())
    if ids:
        cr.execute('DELETE FROM ir_rule WHERE id IN %s', (ids,))
    cr.execute("DELETE FROM ir_model_data WHERE module = %s AND model = 'ir.rule' AND name IN %s",
               ('thads_support', LEGACY_RULES))
    _logger.info('%s: %d legacy record rules replaced by the access table', 'thads_support', len(ids))
