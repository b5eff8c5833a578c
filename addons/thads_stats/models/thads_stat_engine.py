from odoo import api, models

from odoo.addons.thads_case.lib.lifecycle import PENDING  # the states of a case still to enforce

# up to this many offices, the journal scans are filtered by office
SMALL_SCOPE = 50
MEASURES = ('carried', 'new', 'delegated', 'revoked', 'done', 'terminated', 'enforcing', 'postponed',
            'suspended', 'other', 'no_condition')

# The state of each case at the end of the period and before the
# statistical year is the event whose successor comes after that date; the
# running totals on the events (kept by triggers, see thads_case_event.py)
# give the flows of the year by difference.  Two filtered scans of the
# journal and hash joins: no sort, no loop over cases.
CASE_SQL = """
WITH fin AS (
    SELECT e.case_id, e.state_after AS state, e.executor_id, e.stat_cum_done, e.stat_cum_delegated,
           e.stat_decided_date, e.stat_terminated
      FROM thads_case_event e
     WHERE e.date <= %(end)s AND COALESCE(e.stat_next_date, 'infinity'::date) > %(end)s {office_filter}
), beg AS (
    SELECT e.case_id, e.state_after AS state, e.stat_cum_done, e.stat_cum_delegated
      FROM thads_case_event e
     WHERE e.date < %(year_start)s AND COALESCE(e.stat_next_date, 'infinity'::date) >= %(year_start)s
           {office_filter}
), per_case AS (
    SELECT f.case_id, f.state, f.executor_id, b.state AS state_before,
           COALESCE(f.stat_decided_date >= %(year_start)s, false) AS decided_in_year,
           f.stat_terminated AS terminated,
           COALESCE(b.stat_cum_done + b.stat_cum_delegated, 0) AS settled_before,
           f.stat_cum_done - COALESCE(b.stat_cum_done, 0) AS done_in_year,
           f.stat_cum_delegated - COALESCE(b.stat_cum_delegated, 0) AS delegated_in_year
      FROM fin f LEFT JOIN beg b ON b.case_id = f.case_id
), classified AS (
    SELECT c.id AS case_id, c.office_id, p.executor_id,
           (p.state_before IN %(pending)s) AS carried, p.decided_in_year AS is_new,
           CASE WHEN p.state IN ('delegated') THEN 'delegated'
                WHEN p.state = 'revoked' THEN 'revoked'
                WHEN p.state = 'terminated' OR (p.state IN ('closed', 'archived') AND p.terminated) THEN 'terminated'
                WHEN p.state IN ('done', 'closed', 'archived') THEN 'done'
                WHEN p.state IN ('new', 'voluntary', 'verification', 'enforcing') THEN 'enforcing'
                WHEN p.state IN ('postponed', 'suspended') THEN p.state
                WHEN p.state IN ('no_condition', 'separate_register') THEN 'no_condition'
                ELSE 'other' END AS bucket,
           (CASE WHEN p.state_before IN %(pending)s THEN COALESCE(c.amount_due, 0) - p.settled_before
                 ELSE COALESCE(c.amount_due, 0) END)::bigint AS base_money,
           p.done_in_year::bigint AS done_in_year, p.delegated_in_year::bigint AS delegated_in_year
      FROM per_case p
      JOIN thads_case c ON c.id = p.case_id
     WHERE (p.state_before IN %(pending)s OR p.decided_in_year) {case_filter}
)
"""


class ThadsStatEngine(models.AbstractModel):
    """Base measures of the statistical forms, computed in SQL from the case
    journal for all offices at once (no loop over cases).

    Every method is private: the SQL reads the journal without the record
    rules, so nothing here may be callable over RPC; users get the figures
    through the reports and the drill-down, which check their rights."""
    _name = 'thads.stat.engine'
    _description = 'Statistics engine'

    def _tune(self):
        """PostgreSQL's JIT compiles this query for seconds and saves
        milliseconds (measured at 1M cases: 5.7 s with, 2.1 s without):
        off for this transaction, whatever the server's setting."""
        self.env.cr.execute('SET LOCAL jit = off')

    def _params(self, year_start, date_end, office_ids=None):
        """The query for a scope of offices: a small scope filters the
        journal scans (index on the cases' office), a large one only the
        join with the cases (hashed IN list), which costs nothing."""
        params = {'end': date_end, 'year_start': year_start, 'pending': PENDING}
        office_filter = case_filter = ''
        if office_ids is not None:
            params['offices'] = tuple(set(office_ids)) or (0,)
            if len(params['offices']) <= SMALL_SCOPE:
                office_filter = 'AND e.case_id IN (SELECT id FROM thads_case WHERE office_id IN %(offices)s)'
            else:
                case_filter = 'AND c.office_id IN %(offices)s'
        return CASE_SQL.format(office_filter=office_filter, case_filter=case_filter), params

    @api.model
    def _measures(self, year_start, date_end, office_ids=None):
        """{(office_id, executor_id): {'count': {measure: n}, 'money': {measure: đồng}}}

        PostgreSQL groups the cases by office, executor, bucket and the two
        flags (a few thousand groups for the nation) with five integer sums;
        the measures are folded from those groups here (no loop over cases).
        """
        sql, params = self._params(year_start, date_end, office_ids)
        self._tune()
        self.env.cr.execute(sql + """
            SELECT office_id, executor_id, bucket, carried, is_new, COUNT(*), SUM(base_money),
                   SUM(done_in_year), SUM(delegated_in_year), SUM(base_money - done_in_year - delegated_in_year)
              FROM classified GROUP BY office_id, executor_id, bucket, carried, is_new
        """, params)
        result = {}
        for office_id, executor_id, bucket, carried, is_new, count, base, done, delegated, rest \
                in self.env.cr.fetchall():
            entry = result.get((office_id, executor_id))
            if entry is None:
                entry = result[(office_id, executor_id)] = {
                    'count': dict.fromkeys(MEASURES, 0), 'money': dict.fromkeys(MEASURES, 0)}
            counts, money = entry['count'], entry['money']
            base, done, delegated, rest = int(base), int(done), int(delegated), int(rest)
            if carried:
                counts['carried'] += count
                money['carried'] += base
            if is_new:
                counts['new'] += count
                money['new'] += base
            counts[bucket] += count
            # money settled in the year counts as done, money delegated in the
            # year as delegated; what is left goes to the case's bucket (the
            # unpaid rest of a case "done" is counted as "other")
            money['done'] += done
            money['delegated'] += delegated
            money['other' if bucket == 'done' else bucket] += rest
        return result

    @api.model
    def _case_ids(self, year_start, date_end, office_ids, measure, executor_id=None):
        """The cases behind a base measure (drill-down)."""
        sql, params = self._params(year_start, date_end, office_ids)
        condition = {'carried': 'carried', 'new': 'is_new'}.get(measure, 'bucket = %(bucket)s')
        params['bucket'] = measure
        self._tune()
        if executor_id is not None:
            condition = '(%s) AND executor_id IS NOT DISTINCT FROM %%(executor)s' % condition
            params['executor'] = executor_id or None
        self.env.cr.execute(sql + 'SELECT case_id FROM classified WHERE ' + condition, params)
        return [row[0] for row in self.env.cr.fetchall()]
