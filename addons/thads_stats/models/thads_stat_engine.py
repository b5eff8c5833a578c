from odoo import api, models

PENDING = ('new', 'voluntary', 'verification', 'enforcing', 'no_condition', 'separate_register',
           'postponed', 'suspended')
MEASURES = ('carried', 'new', 'delegated', 'revoked', 'done', 'terminated', 'enforcing', 'postponed',
            'suspended', 'other', 'no_condition')

# One pass over the journal: the state of each case at the end of the period
# and before the statistical year, the flows of the year, and its bucket.
CASE_SQL = """
WITH ev AS (
    SELECT e.case_id, e.date, e.sequence, e.event_type, e.state_after, e.amount, e.executor_id
      FROM thads_case_event e
      JOIN thads_case c ON c.id = e.case_id
     WHERE e.date <= %(end)s {office_filter}
), at_end AS (
    SELECT DISTINCT ON (case_id) case_id, state_after AS state, executor_id
      FROM ev ORDER BY case_id, date DESC, sequence DESC
), before_year AS (
    SELECT DISTINCT ON (case_id) case_id, state_after AS state
      FROM ev WHERE date < %(year_start)s ORDER BY case_id, date DESC, sequence DESC
), flows AS (
    SELECT case_id,
           bool_or(event_type = 'decide' AND date >= %(year_start)s) AS decided_in_year,
           bool_or(event_type = 'terminate') AS terminated,
           COALESCE(SUM(amount) FILTER (WHERE event_type IN ('collect', 'reduce', 'delegate')
                                          AND date < %(year_start)s), 0) AS settled_before,
           COALESCE(SUM(amount) FILTER (WHERE event_type IN ('collect', 'reduce')
                                          AND date >= %(year_start)s), 0) AS done_in_year,
           COALESCE(SUM(amount) FILTER (WHERE event_type = 'delegate'
                                          AND date >= %(year_start)s), 0) AS delegated_in_year
      FROM ev GROUP BY case_id
), due AS (
    SELECT o.case_id, SUM(o.amount_due) AS due FROM thads_case_obligation o GROUP BY o.case_id
), classified AS (
    SELECT c.id AS case_id, c.office_id, a.executor_id,
           (b.state IN %(pending)s) AS carried, f.decided_in_year AS is_new,
           CASE WHEN a.state IN ('delegated') THEN 'delegated'
                WHEN a.state = 'revoked' THEN 'revoked'
                WHEN a.state = 'terminated' OR (a.state IN ('closed', 'archived') AND f.terminated) THEN 'terminated'
                WHEN a.state IN ('done', 'closed', 'archived') THEN 'done'
                WHEN a.state IN ('new', 'voluntary', 'verification', 'enforcing') THEN 'enforcing'
                WHEN a.state IN ('postponed', 'suspended') THEN a.state
                WHEN a.state IN ('no_condition', 'separate_register') THEN 'no_condition'
                ELSE 'other' END AS bucket,
           CASE WHEN b.state IN %(pending)s THEN COALESCE(d.due, 0) - f.settled_before
                ELSE COALESCE(d.due, 0) END AS base_money,
           f.done_in_year, f.delegated_in_year
      FROM thads_case c
      JOIN at_end a ON a.case_id = c.id
      JOIN flows f ON f.case_id = c.id
      LEFT JOIN before_year b ON b.case_id = c.id
      LEFT JOIN due d ON d.case_id = c.id
     WHERE (b.state IN %(pending)s OR f.decided_in_year)
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
            office_filter = 'AND c.office_id IN %(offices)s'
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
