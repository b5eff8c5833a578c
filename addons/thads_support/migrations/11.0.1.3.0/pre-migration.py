"""11.0.1.3.0: the complaint time limits become versioned rows
(thads.rule.version: validity dates, `verified`), and the Law 2014 rows cite
the texts read (art. 157(2), TT 13/2021/TT-BTP, NĐ 62/2015 art. 38(3)).

Before the models load: the column `sourced` becomes `verified` (same
meaning), so the checks already made are kept; the stored view that lists
the limits names it too (the procedure form is checked with it before the
new view is loaded)."""
import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute("""SELECT column_name FROM information_schema.columns
                   WHERE table_name = 'thads_complaint_limit' AND column_name IN ('sourced', 'verified')""")
    columns = {row[0] for row in cr.fetchall()}
    if 'sourced' in columns and 'verified' not in columns:
        cr.execute('ALTER TABLE thads_complaint_limit RENAME COLUMN sourced TO verified')
        _logger.info('thads_support: thads_complaint_limit.sourced renamed to verified')
    cr.execute("""UPDATE ir_ui_view SET arch_db = replace(arch_db, '<field name="sourced"/>', '<field name="verified"/>')
                   WHERE model = 'thads.support.procedure' AND arch_db LIKE '%<field name="sourced"/>%'""")
