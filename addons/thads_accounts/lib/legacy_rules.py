"""Delete record rules an addon no longer ships (for migration scripts).

Hand-written rules were noupdate, so an update keeps them, OR-ed with the
rules generated from the access table: the 11.0.1.1.0 migration of each
addon deletes them with this.  Needs only a database cursor."""
import logging

_logger = logging.getLogger(__name__)


def delete_legacy_rules(cr, module, names):
    """Delete the ir.rule records `module.<name>` and their xml ids; return
    how many rules were deleted."""
    names = tuple(names)
    cr.execute("""SELECT res_id FROM ir_model_data
                  WHERE module = %s AND model = 'ir.rule' AND name IN %s""", (module, names))
    ids = tuple(row[0] for row in cr.fetchall())
    if ids:
        cr.execute('DELETE FROM ir_rule WHERE id IN %s', (ids,))
    cr.execute("DELETE FROM ir_model_data WHERE module = %s AND model = 'ir.rule' AND name IN %s",
               (module, names))
    _logger.info('%s: %d legacy record rules replaced by the access table', module, len(ids))
    return len(ids)
