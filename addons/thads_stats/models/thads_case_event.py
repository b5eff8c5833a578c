from odoo import api, fields, models

# The journal's running totals, kept by PostgreSQL triggers so that every
# path that writes events (ORM, bulk import, SQL repair) keeps them right.
# With them the state of every case at any date is one filtered scan
# ("the event whose successor is after the date"), not a sort of the journal.
REFRESH_FUNCTION = """
CREATE OR REPLACE FUNCTION thads_stat_journal_refresh(ids integer[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE thads_case_event e
       SET stat_next_date = w.next_date, stat_cum_done = w.cum_done,
           stat_cum_delegated = w.cum_delegated, stat_decided_date = w.decided_date,
           stat_terminated = w.terminated
      FROM (SELECT id,
                   lead(date) OVER (PARTITION BY case_id ORDER BY date, sequence, id) AS next_date,
                   SUM(CASE WHEN event_type IN ('collect', 'reduce') THEN COALESCE(amount, 0) ELSE 0 END)
                       OVER w AS cum_done,
                   SUM(CASE WHEN event_type = 'delegate' THEN COALESCE(amount, 0) ELSE 0 END) OVER w AS cum_delegated,
                   MAX(CASE WHEN event_type = 'decide' THEN date END) OVER w AS decided_date,
                   bool_or(event_type = 'terminate') OVER w AS terminated
              FROM thads_case_event
             WHERE case_id = ANY(ids)
            WINDOW w AS (PARTITION BY case_id ORDER BY date, sequence, id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) w
     WHERE w.id = e.id
       AND (e.stat_next_date, e.stat_cum_done, e.stat_cum_delegated, e.stat_decided_date, e.stat_terminated)
           IS DISTINCT FROM (w.next_date, w.cum_done, w.cum_delegated, w.decided_date, w.terminated)
$$;
CREATE OR REPLACE FUNCTION thads_stat_journal_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() > 1 THEN
        RETURN NULL;  -- our own UPDATE of the running totals
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM thads_stat_journal_refresh(ARRAY(SELECT DISTINCT case_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM thads_stat_journal_refresh(ARRAY(SELECT DISTINCT case_id FROM old_rows));
    ELSE
        PERFORM thads_stat_journal_refresh(ARRAY(
            SELECT n.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.case_id, n.date, n.sequence, n.event_type, n.amount)
                   IS DISTINCT FROM (o.case_id, o.date, o.sequence, o.event_type, o.amount)
            UNION SELECT o.case_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.case_id <> o.case_id));
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS thads_stat_journal_insert ON thads_case_event;
DROP TRIGGER IF EXISTS thads_stat_journal_update ON thads_case_event;
DROP TRIGGER IF EXISTS thads_stat_journal_delete ON thads_case_event;
CREATE TRIGGER thads_stat_journal_insert AFTER INSERT ON thads_case_event
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION thads_stat_journal_trigger();
CREATE TRIGGER thads_stat_journal_update AFTER UPDATE ON thads_case_event
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION thads_stat_journal_trigger();
CREATE TRIGGER thads_stat_journal_delete AFTER DELETE ON thads_case_event
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION thads_stat_journal_trigger();
"""


class ThadsCaseEvent(models.Model):
    """Case events dated inside a closed statistical period are frozen; each
    event carries the running totals of its case that the engine reads."""
    _inherit = 'thads.case.event'

    stat_next_date = fields.Date(string='Next event date', readonly=True, copy=False,
                                 help='Date of the next event of the case (empty for the latest).')
    stat_cum_done = fields.Float(string='Settled so far', digits=(20, 0), readonly=True, copy=False)
    stat_cum_delegated = fields.Float(string='Delegated so far', digits=(20, 0), readonly=True, copy=False)
    stat_decided_date = fields.Date(string='Latest decision date', readonly=True, copy=False)
    stat_terminated = fields.Boolean(string='Terminated so far', readonly=True, copy=False)

    @api.model_cr
    def init(self):
        cr = self.env.cr
        cr.execute(REFRESH_FUNCTION)
        # the engine's scans "state at a date" read this index only: the
        # successor date first (NULL = latest event, hence the COALESCE),
        # then everything the engine needs from the event
        cr.execute("""CREATE INDEX IF NOT EXISTS thads_case_event_stat_state_idx ON thads_case_event
                          ((COALESCE(stat_next_date, 'infinity'::date)), date)
                          INCLUDE (stat_next_date, case_id, state_after, executor_id, stat_cum_done,
                                   stat_cum_delegated, stat_decided_date, stat_terminated)""")
        cr.execute("""SELECT thads_stat_journal_refresh(ARRAY(
                          SELECT DISTINCT case_id FROM thads_case_event WHERE stat_cum_done IS NULL))""")

    @api.model
    def create(self, vals):
        case = self.env['thads.case'].browse(vals.get('case_id'))
        if case and vals.get('date'):
            self.env['thads.stat.lock']._check_locked(case.office_id, vals['date'])
        return super(ThadsCaseEvent, self).create(vals)

    @api.multi
    def write(self, vals):
        for event in self:
            self.env['thads.stat.lock']._check_locked(event.office_id or event.case_id.office_id, event.date)
        return super(ThadsCaseEvent, self).write(vals)

    @api.multi
    def unlink(self):
        for event in self:
            self.env['thads.stat.lock']._check_locked(event.office_id or event.case_id.office_id, event.date)
        return super(ThadsCaseEvent, self).unlink()
