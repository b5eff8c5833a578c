from odoo import _, api, models

# A proposal (thads.case.exemption) is closed by the court's decision
# (exempted, reduced, rejected: its date) or by its withdrawal; it counts in
# the office and under the officer that proposed it.  Every measure is a
# set of proposals with its money: what was proposed, except the decisions
# to exempt or reduce, which carry what the court took off.
EXEMPTION_SQL = """
WITH p AS (
    SELECT x.id, x.office_id, x.executor_id, x.state, x.date_open, x.date_sent_vks, x.date_accepted,
           x.date_decision, COALESCE(x.amount_proposed, 0)::bigint AS proposed,
           COALESCE(x.amount_applied, 0)::bigint AS applied,
           CASE WHEN x.state IN ('exempted', 'reduced', 'rejected') THEN x.date_decision
                WHEN x.state = 'withdrawn' THEN x.date_withdrawn END AS date_closed
      FROM thads_case_exemption x
     WHERE x.date_open IS NOT NULL AND x.date_open <= %(end)s {office_filter}
), m AS (
    SELECT p.*,
           (p.date_open < %(year_start)s AND (p.date_closed IS NULL OR p.date_closed >= %(year_start)s)) AS ex_carried,
           (p.date_open >= %(year_start)s) AS ex_proposed,
           (p.date_sent_vks BETWEEN %(year_start)s AND %(end)s) AS ex_sent_vks,
           (p.date_accepted BETWEEN %(year_start)s AND %(end)s) AS ex_accepted,
           (p.state = 'exempted' AND p.date_closed BETWEEN %(year_start)s AND %(end)s) AS ex_exempted,
           (p.state = 'reduced' AND p.date_closed BETWEEN %(year_start)s AND %(end)s) AS ex_reduced,
           (p.state = 'rejected' AND p.date_closed BETWEEN %(year_start)s AND %(end)s) AS ex_rejected,
           (p.state = 'withdrawn' AND p.date_closed BETWEEN %(year_start)s AND %(end)s) AS ex_withdrawn,
           (p.date_closed IS NULL OR p.date_closed > %(end)s) AS ex_pending
      FROM p
)
"""
EXEMPTION_MEASURES = ('ex_carried', 'ex_proposed', 'ex_sent_vks', 'ex_accepted', 'ex_exempted', 'ex_reduced',
                      'ex_rejected', 'ex_withdrawn', 'ex_pending')
# the money of a measure: the amount decided for the decisions that took money off
DECIDED_MONEY = ('ex_exempted', 'ex_reduced')


class ThadsStatEngine(models.AbstractModel):
    """Form e): proposals to exempt or reduce obligations owed to the state
    budget (TT 06/2019/TT-BTP art. 2(e)), from thads.case.exemption."""
    _inherit = 'thads.stat.engine'

    @api.model
    def _sources(self):
        sources = super(ThadsStatEngine, self)._sources()
        sources['exemption'] = (_('Exemption and reduction proposals'), 'thads.case.exemption', [
            ('ex_carried', _('proposals under way at the start of the year')),
            ('ex_proposed', _('proposals made')),
            ('ex_sent_vks', _('proposals sent to the procuracy')),
            ('ex_accepted', _('proposals accepted by the court')),
            ('ex_exempted', _('court decisions to exempt')),
            ('ex_reduced', _('court decisions to reduce')),
            ('ex_rejected', _('proposals rejected by the court')),
            ('ex_withdrawn', _('proposals withdrawn')),
            ('ex_pending', _('proposals without a decision at the end of the period')),
        ])
        return sources

    def _exemption_query(self, year_start, date_end, office_ids):
        """The proposals with a boolean column per measure (EXEMPTION_SQL)."""
        params = {'end': date_end, 'year_start': year_start}
        office_filter = ''
        if office_ids is not None:
            params['offices'] = tuple(set(office_ids)) or (0,)
            office_filter = 'AND x.office_id IN %(offices)s'
        return EXEMPTION_SQL.format(office_filter=office_filter) + 'SELECT * FROM m', params

    @api.model
    def _measures_exemption(self, year_start, date_end, office_ids=None):
        """{(office_id, executor_id): {'count': {measure: n}, 'money': {measure: đồng}}}, one grouped query."""
        sql, params = self._exemption_query(year_start, date_end, office_ids)
        return self._grouped_measures(sql, params, [
            (measure, measure, True, 'applied' if measure in DECIDED_MONEY else 'proposed')
            for measure in EXEMPTION_MEASURES])

    @api.model
    def _record_ids_exemption(self, year_start, date_end, office_ids, measure, executor_id=None):
        """The proposals behind a base measure (drill-down)."""
        if measure not in EXEMPTION_MEASURES:
            return []
        sql, params = self._exemption_query(year_start, date_end, office_ids)
        # the condition is a column of m, from the fixed list above
        return self._grouped_record_ids(sql, params, measure, executor_id)
