from odoo import api, models

PENDING = ('new', 'voluntary', 'verification', 'enforcing', 'no_condition', 'separate_register',
           'postponed', 'suspended')
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
     WHERE e.date <= %(end)s AND (e.stat_next_date IS NULL OR e.stat_next_date > %(end)s) {office_filter}
), beg AS (
    SELECT e.case_id, e.state_after AS state, e.stat_cum_done, e.stat_cum_delegated
      FROM thads_case_event e
     WHERE e.date < %(year_start)s AND (e.stat_next_date IS NULL OR e.stat_next_date >= %(year_start)s)
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
           CASE WHEN p.state_before IN %(pending)s THEN COALESCE(c.amount_due, 0) - p.settled_before
                ELSE COALESCE(c.amount_due, 0) END AS base_money,
           p.done_in_year, p.delegated_in_year
      FROM per_case p
      JOIN thads_case c ON c.id = p.case_id
     WHERE (p.state_before IN %(pending)s OR p.decided_in_year)
)
"""


class ThadsStatEngine(models.AbstractModel):
    """Base measures of the statistical forms, computed in SQL from the case
    journal for all offices at once (no loop over cases)."""
    _name = 'thads.stat.engine'
    _description = 'Statistics engine'

    def _params(self, year_start, date_end, office_ids=None):
        params = {'end': date_end, 'year_start': year_start, 'pending': PENDING}
        office_filter = ''
        if office_ids is not None:
            office_filter = 'AND e.case_id IN (SELECT id FROM thads_case WHERE office_id IN %(offices)s)'
            params['offices'] = tuple(office_ids) or (0,)
        return CASE_SQL.format(office_filter=office_filter), params

    @api.model
    def measures(self, year_start, date_end, office_ids=None):
        """{(office_id, executor_id): {'count': {measure: n}, 'money': {measure: đồng}}}"""
        sql, params = self._params(year_start, date_end, office_ids)
        self.env.cr.execute(sql + """
            SELECT office_id, executor_id,
                   COUNT(*) FILTER (WHERE carried), COUNT(*) FILTER (WHERE is_new),
                   COUNT(*) FILTER (WHERE bucket = 'delegated'), COUNT(*) FILTER (WHERE bucket = 'revoked'),
                   COUNT(*) FILTER (WHERE bucket = 'done'), COUNT(*) FILTER (WHERE bucket = 'terminated'),
                   COUNT(*) FILTER (WHERE bucket = 'enforcing'), COUNT(*) FILTER (WHERE bucket = 'postponed'),
                   COUNT(*) FILTER (WHERE bucket = 'suspended'), COUNT(*) FILTER (WHERE bucket = 'other'),
                   COUNT(*) FILTER (WHERE bucket = 'no_condition'),
                   COALESCE(SUM(base_money) FILTER (WHERE carried), 0),
                   COALESCE(SUM(base_money) FILTER (WHERE is_new), 0),
                   COALESCE(SUM(delegated_in_year + CASE WHEN bucket = 'delegated'
                       THEN base_money - done_in_year - delegated_in_year ELSE 0 END), 0),
                   COALESCE(SUM(base_money - done_in_year - delegated_in_year) FILTER (WHERE bucket = 'revoked'), 0),
                   COALESCE(SUM(done_in_year), 0),
                   COALESCE(SUM(base_money - done_in_year - delegated_in_year) FILTER (WHERE bucket = 'terminated'), 0),
                   COALESCE(SUM(base_money - done_in_year - delegated_in_year) FILTER (WHERE bucket = 'enforcing'), 0),
                   COALESCE(SUM(base_money - done_in_year - delegated_in_year) FILTER (WHERE bucket = 'postponed'), 0),
                   COALESCE(SUM(base_money - done_in_year - delegated_in_year) FILTER (WHERE bucket = 'suspended'), 0),
                   COALESCE(SUM(base_money - done_in_year - delegated_in_year) FILTER (WHERE bucket IN ('other', 'done')), 0),
                   COALESCE(SUM(base_money - done_in_year - delegated_in_year) FILTER (WHERE bucket = 'no_condition'), 0)
              FROM classified GROUP BY office_id, executor_id
        """, params)
        result = {}
        for row in self.env.cr.fetchall():
            counts = dict(zip(MEASURES, row[2:13]))
            money = dict(zip(MEASURES, [int(v) for v in row[13:24]]))
            result[(row[0], row[1])] = {'count': counts, 'money': money}
        return result

    @api.model
    def case_ids(self, year_start, date_end, office_ids, measure, executor_id=None):
        """The cases behind a base measure (drill-down)."""
        sql, params = self._params(year_start, date_end, office_ids)
        condition = {'carried': 'carried', 'new': 'is_new'}.get(measure, 'bucket = %(bucket)s')
        params['bucket'] = measure
        if executor_id is not None:
            condition = '(%s) AND executor_id IS NOT DISTINCT FROM %%(executor)s' % condition
            params['executor'] = executor_id or None
        self.env.cr.execute(sql + 'SELECT case_id FROM classified WHERE ' + condition, params)
        return [row[0] for row in self.env.cr.fetchall()]
