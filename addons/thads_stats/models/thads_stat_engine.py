import re

from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.thads_case.lib import lifecycle
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
     WHERE e.date <= %(end)s AND COALESCE(e.stat_next_date, 'infinity'::date) > %(end)s {office_filter_e}
), beg AS (
    SELECT e.case_id, e.state_after AS state, e.stat_cum_done, e.stat_cum_delegated
      FROM thads_case_event e
     WHERE e.date < %(year_start)s AND COALESCE(e.stat_next_date, 'infinity'::date) >= %(year_start)s
           {office_filter_e}
){budget_ctes}, per_case AS (
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
           {bucket} AS bucket,
           {money}
      FROM per_case p
      JOIN thads_case c ON c.id = p.case_id {money_join}
     WHERE (p.state_before IN %(pending)s OR p.decided_in_year) {case_filter}
)
"""
ALL_MONEY = """(CASE WHEN p.state_before IN %(pending)s THEN COALESCE(c.amount_due, 0) - p.settled_before
                 ELSE COALESCE(c.amount_due, 0) END)::bigint AS base_money,
           p.done_in_year::bigint AS done_in_year, p.delegated_in_year::bigint AS delegated_in_year"""
# Form c) (state budget): the money of the obligations owed to the budget
# only (fines, court fees, confiscation: thads.case.obligation.budget), from
# the money events on those obligations; a delegation without an obligation
# moves all that is still due.  Only cases with such an obligation count.
BUDGET_CTES = """, bud AS (
    SELECT o.case_id, SUM(o.amount_due) AS due
      FROM thads_case_obligation o WHERE o.budget {office_filter_o} GROUP BY o.case_id
), bmoves AS (
    SELECT e.case_id,
           SUM(e.amount) FILTER (WHERE e.event_type IN ('collect', 'reduce') AND e.date < %(year_start)s) AS done_before,
           SUM(e.amount) FILTER (WHERE e.event_type IN ('collect', 'reduce') AND e.date >= %(year_start)s) AS done_year,
           SUM(e.amount) FILTER (WHERE e.event_type = 'delegate' AND e.date < %(year_start)s) AS deleg_before,
           SUM(e.amount) FILTER (WHERE e.event_type = 'delegate' AND e.date >= %(year_start)s) AS deleg_year
      FROM thads_case_event e JOIN thads_case_obligation o ON o.id = e.obligation_id AND o.budget
     WHERE e.event_type IN ('collect', 'reduce', 'delegate') AND e.date <= %(end)s {office_filter_e}
     GROUP BY e.case_id
), bwhole AS (
    -- from the few whole-case delegations to their budget obligations (not
    -- "IN bud": PostgreSQL probed the journal once per budget case, 15 s
    -- at 1M cases)
    SELECT e.case_id, MAX(e.date) AS date
      FROM thads_case_event e
     WHERE e.event_type = 'delegate' AND e.obligation_id IS NULL AND e.date <= %(end)s {office_filter_e}
           AND EXISTS (SELECT 1 FROM thads_case_obligation o WHERE o.case_id = e.case_id AND o.budget)
     GROUP BY e.case_id
), bmoney AS (
    SELECT bud.case_id, bud.due, COALESCE(m.done_before, 0) AS done_before, COALESCE(m.done_year, 0) AS done_year,
           COALESCE(m.deleg_before, 0) + CASE WHEN w.date < %(year_start)s
               THEN bud.due - COALESCE(m.done_before, 0) - COALESCE(m.deleg_before, 0) ELSE 0 END AS deleg_before,
           COALESCE(m.deleg_year, 0) + CASE WHEN w.date >= %(year_start)s
               THEN bud.due - COALESCE(m.done_before, 0) - COALESCE(m.done_year, 0) - COALESCE(m.deleg_before, 0)
                    - COALESCE(m.deleg_year, 0) ELSE 0 END AS deleg_year
      FROM bud LEFT JOIN bmoves m ON m.case_id = bud.case_id LEFT JOIN bwhole w ON w.case_id = bud.case_id
)"""
BUDGET_MONEY = """(CASE WHEN p.state_before IN %(pending)s THEN bm.due - bm.done_before - bm.deleg_before
                 ELSE bm.due END)::bigint AS base_money,
           bm.done_year::bigint AS done_in_year, bm.deleg_year::bigint AS delegated_in_year"""
OFFICE_FILTER = 'AND {alias}.case_id IN (SELECT id FROM thads_case WHERE office_id IN %(offices)s)'
UNMAPPED = 'unmapped:'


def bucket_sql(column='p.state', terminated='p.terminated'):
    """The SQL CASE giving each state its column, generated from
    lifecycle.STAT_BUCKETS (the life cycle is the one source of truth): a
    state without a bucket gives 'unmapped:<state>', which the engine
    refuses instead of counting it as "other"."""
    whens = []
    for state in lifecycle.STATES:
        bucket = lifecycle.STAT_BUCKETS.get(state)
        if not re.match(r'^[a-z_]+$', state) or (bucket and not re.match(r'^[a-z_]+$', bucket)):
            raise ValueError('unexpected state or bucket name %r %r' % (state, bucket))
        if bucket == lifecycle.FINISHED:
            whens.append("WHEN '%s' THEN CASE WHEN %s THEN 'terminated' ELSE 'done' END" % (state, terminated))
        elif bucket:
            whens.append("WHEN '%s' THEN '%s'" % (state, bucket))
    return "CASE %s %s ELSE '%s' || %s END" % (column, ' '.join(whens), UNMAPPED, column)


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

    def _params(self, year_start, date_end, office_ids=None, budget=False):
        """The query for a scope of offices: a small scope filters the
        journal scans (index on the cases' office), a large one only the
        join with the cases (hashed IN list), which costs nothing.
        `budget`: the money of the obligations owed to the state budget
        only (form c)."""
        params = {'end': date_end, 'year_start': year_start, 'pending': PENDING}
        filter_e = filter_o = case_filter = ''
        if office_ids is not None:
            params['offices'] = tuple(set(office_ids)) or (0,)
            if len(params['offices']) <= SMALL_SCOPE:
                filter_e, filter_o = OFFICE_FILTER.format(alias='e'), OFFICE_FILTER.format(alias='o')
            else:
                case_filter = 'AND c.office_id IN %(offices)s'
        budget_ctes = BUDGET_CTES.format(office_filter_o=filter_o, office_filter_e=filter_e) if budget else ''
        sql = CASE_SQL.format(office_filter_e=filter_e, case_filter=case_filter, bucket=bucket_sql(),
                              budget_ctes=budget_ctes, money=BUDGET_MONEY if budget else ALL_MONEY,
                              money_join='JOIN bmoney bm ON bm.case_id = p.case_id' if budget else '')
        return sql, params

    # ------------------------------------------------------------ sources
    @api.model
    def _sources(self):
        """The sources a form's base measures are computed from:
        {code: (label, model of the records behind a cell, [(measure, label)])}.

        'cases' is the case journal (below).  A process adds its source by
        extending this method in its addon and defining, on this model,
        private methods named after the code:

        - ``_measures_<code>(year_start, date_end, office_ids)`` returning
          {(office_id, executor_id or None): {'count': {measure: n},
          'money': {measure: đồng}}} (a missing measure counts 0), by SQL;
        - ``_record_ids_<code>(year_start, date_end, office_ids, measure,
          executor_id=None)`` returning the ids of the records behind a
          base measure (drill-down), of the source's model.

        _grouped_measures and _grouped_record_ids build both from one query
        of the source's records and a SQL condition per measure.

        ``office_ids`` is the report's scope (the office subtree); the rows
        roll up through the office tree and abolished offices report through
        their successors, as for the case forms."""
        return {'cases': (_('Cases and their money (case journal)'), 'thads.case', [
            ('carried', _('carried over from the previous year')), ('new', _('newly accepted')),
            ('delegated', _('delegated')), ('revoked', _('revoked or annulled')), ('done', _('fully enforced')),
            ('terminated', _('terminated')), ('enforcing', _('being enforced')), ('postponed', _('postponed')),
            ('suspended', _('suspended')), ('other', _('other cases')),
            ('no_condition', _('without conditions to enforce'))])}

    @api.model
    def _form_measures(self, form, year_start, date_end, office_ids=None):
        """Base measures of `form` (see _sources)."""
        if form.source == 'cases':
            return self._measures(year_start, date_end, office_ids, budget=form.money_scope == 'budget')
        return getattr(self, '_measures_%s' % form.source)(year_start, date_end, office_ids)

    @api.model
    def _form_record_ids(self, form, year_start, date_end, office_ids, measure, executor_id=None):
        """Ids of the records (of the source's model) behind a base measure."""
        if form.source == 'cases':
            return self._case_ids(year_start, date_end, office_ids, measure, executor_id,
                                  budget=form.money_scope == 'budget')
        return getattr(self, '_record_ids_%s' % form.source)(year_start, date_end, office_ids, measure,
                                                              executor_id)

    def _grouped_measures(self, rows_sql, params, measures):
        """Base measures of a process source in one grouped query.

        `rows_sql` selects the source's records (columns id, office_id,
        executor_id and whatever the conditions read, which see them as
        the row `r`); `measures` lists (measure, SQL condition, counted,
        money expression or None): a measure counts the rows when
        `counted` is True, sums `counted` when it is an SQL expression (say,
        the people of a visit), and sums its money when it has an
        expression.  Returns {(office_id, executor_id or None):
        {'count': {measure: n}, 'money': {measure: đồng}}}."""
        columns = []
        for _measure, condition, counted, money in measures:
            if counted is True:
                columns.append('COUNT(*) FILTER (WHERE %s)' % condition)
            else:
                columns.append('COALESCE(SUM(%s) FILTER (WHERE %s), 0)' % (counted, condition) if counted else '0')
            columns.append('COALESCE(SUM(%s) FILTER (WHERE %s), 0)' % (money, condition) if money else '0')
        self.env.cr.execute('WITH source_rows AS (%s) SELECT r.office_id, r.executor_id, %s FROM source_rows r '
                            'GROUP BY r.office_id, r.executor_id' % (rows_sql, ', '.join(columns)), params)
        result = {}
        for row in self.env.cr.fetchall():
            counts, money = {}, {}
            for index, (measure, _condition, counted, money_sql) in enumerate(measures):
                if counted:
                    counts[measure] = int(row[2 + 2 * index])
                if money_sql:
                    money[measure] = int(row[3 + 2 * index])
            result[(row[0], row[1] or None)] = {'count': counts, 'money': money}
        return result

    @staticmethod
    def _office_scope(column, office_ids, params):
        """The SQL condition restricting `column` to `office_ids` (None: every
        office; an empty scope: none), its parameter added to `params`."""
        if office_ids is None:
            return 'TRUE'
        params['offices'] = tuple(set(office_ids)) or (0,)
        return '%s IN %%(offices)s' % column

    def _received_rows(self, table, year_start, date_end, office_ids):
        """The rows of a table of dated records (date_received, office_id)
        received by the end of the period, in the scope, for
        _grouped_measures: a row per office, no officer.  Their conditions
        read %(ys)s (first day of the statistical year) and %(de)s (last day
        of the period).  `table` is a fixed name of the source, never input."""
        params = {'ys': year_start, 'de': date_end}
        scope = self._office_scope('r.office_id', office_ids, params)
        return ('SELECT r.*, NULL::integer AS executor_id FROM %s r WHERE r.date_received <= %%(de)s AND %s'
                % (table, scope)), params

    def _grouped_record_ids(self, rows_sql, params, condition, executor_id=None):
        """Ids of the records of `rows_sql` (see _grouped_measures) behind
        one measure's condition, of one officer when `executor_id` is given
        (False: none)."""
        params = dict(params)
        if executor_id is not None:
            condition = '(%s) AND r.executor_id IS NOT DISTINCT FROM %%(executor)s' % condition
            params['executor'] = executor_id or None
        self.env.cr.execute('WITH source_rows AS (%s) SELECT r.id FROM source_rows r WHERE %s ORDER BY r.id'
                            % (rows_sql, condition), params)
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _measures(self, year_start, date_end, office_ids=None, budget=False):
        """{(office_id, executor_id): {'count': {measure: n}, 'money': {measure: đồng}}}

        PostgreSQL groups the cases by office, executor, bucket and the two
        flags (a few thousand groups for the nation) with five integer sums;
        the measures are folded from those groups here (no loop over cases).
        """
        sql, params = self._params(year_start, date_end, office_ids, budget)
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
            if bucket.startswith(UNMAPPED):
                raise UserError(_('Cases in the state "%s" have no column in the statistical forms: the life '
                                  'cycle (thads_case/lib/lifecycle.py, STAT_BUCKETS) must give it one.')
                                % bucket[len(UNMAPPED):])
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
    def _case_ids(self, year_start, date_end, office_ids, measure, executor_id=None, budget=False):
        """The cases behind a base measure (drill-down)."""
        sql, params = self._params(year_start, date_end, office_ids, budget)
        condition = {'carried': 'carried', 'new': 'is_new'}.get(measure, 'bucket = %(bucket)s')
        params['bucket'] = measure
        self._tune()
        if executor_id is not None:
            condition = '(%s) AND executor_id IS NOT DISTINCT FROM %%(executor)s' % condition
            params['executor'] = executor_id or None
        self.env.cr.execute(sql + 'SELECT case_id FROM classified WHERE ' + condition, params)
        return [row[0] for row in self.env.cr.fetchall()]
