"""Base measures of a form computed from a table of simple dated records
(procuracy recommendations, compensation claims): each measure is a SQL
condition on a row, with an optional money expression, summed per office
in one grouped query (no loop over records); the drill-down selects the
rows of one condition.  The conditions read the parameters %(ys)s (first
day of the statistical year) and %(de)s (last day of the period)."""


def measures(cr, table, conditions, money, year_start, date_end, office_ids):
    """{(office_id, None): {'count': {measure: n}, 'money': {measure: đồng}}}"""
    codes = list(conditions)
    parts = []
    for code in codes:
        parts.append('SUM(CASE WHEN %s THEN 1 ELSE 0 END)::bigint' % conditions[code])
        parts.append('SUM(CASE WHEN %s THEN %s ELSE 0 END)::bigint' % (conditions[code], money.get(code, '0')))
    where, params = _where(year_start, date_end, office_ids)
    cr.execute('SELECT office_id, %s FROM %s r WHERE %s GROUP BY office_id' % (', '.join(parts), table, where),
               params)
    result = {}
    for row in cr.fetchall():
        values = row[1:]
        result[(row[0], None)] = {
            'count': {code: values[2 * i] for i, code in enumerate(codes)},
            'money': {code: values[2 * i + 1] for i, code in enumerate(codes)},
        }
    return result


def record_ids(cr, table, conditions, year_start, date_end, office_ids, measure):
    """Ids of the rows behind one measure (drill-down)."""
    where, params = _where(year_start, date_end, office_ids)
    cr.execute('SELECT id FROM %s r WHERE %s AND (%s) ORDER BY id' % (table, where, conditions[measure]), params)
    return [row[0] for row in cr.fetchall()]


def _where(year_start, date_end, office_ids):
    params = {'ys': year_start, 'de': date_end}
    where = 'r.date_received <= %(de)s'
    if office_ids is not None:
        params['offices'] = tuple(set(office_ids)) or (0,)
        where += ' AND r.office_id IN %(offices)s'
    return where, params
