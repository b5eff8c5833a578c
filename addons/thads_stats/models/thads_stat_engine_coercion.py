from odoo import _, api, models

from odoo.addons.thads_case.lib import coercion as co

# Form g) (TT 06/2019/TT-BTP art. 2 point g: "kết quả cưỡng chế THADS"),
# computed from the coercions of the cases (thads.case.coercion) and their
# steps (the case events linked to them).  1 QĐ cưỡng chế = 1 coercion
# (domain.md §1.2).  Over the statistical year [year_start, date_end]:
# - carried over: decided before year_start, not carried out by then;
# - decided: decisions dated in the interval, by measure;
# - success / partial / failed: carried out in the interval, by result;
# - postponed / pending: not carried out at date_end, the last step a
#   postponement / a decision or a plan;
# so that carried over + decided = carried out + postponed + pending.
# Costs: the costs recorded in the interval, by measure (whole đồng).
# Rows: the office and the officer in charge when the coercion was decided.

PER_COERCION = """
    SELECT c.id, c.office_id, c.executor_id, c.kind, c.decision_date,
           MIN(e.date) FILTER (WHERE e.event_type = 'coercion_carry') AS carried,
           MIN(e.coercion_result) FILTER (WHERE e.event_type = 'coercion_carry') AS result,
           (array_agg(e.event_type ORDER BY e.date DESC, e.sequence DESC, e.id DESC)
                FILTER (WHERE e.event_type IN ('coercion_decide', 'coercion_plan', 'coercion_postpone')))[1]
               AS last_step,
           COALESCE(SUM(e.coercion_cost) FILTER (WHERE e.date >= %(start)s), 0) AS cost
      FROM thads_case_coercion c
      JOIN thads_case_event e ON e.coercion_id = c.id AND e.date <= %(end)s
     WHERE c.decision_date <= %(end)s {office_filter}
  GROUP BY c.id
"""


def _conditions():
    """measure -> (SQL condition on a row of PER_COERCION, 'count' | 'money')."""
    conditions = {
        'cc_carried_over': ("decision_date < %(start)s AND (carried IS NULL OR carried >= %(start)s)", 'count'),
        'cc_success': ("carried >= %(start)s AND result = 'success'", 'count'),
        'cc_partial': ("carried >= %(start)s AND result = 'partial'", 'count'),
        'cc_failed': ("carried >= %(start)s AND result = 'failed'", 'count'),
        'cc_postponed': ("carried IS NULL AND last_step = 'coercion_postpone'", 'count'),
        'cc_pending': ("carried IS NULL AND last_step <> 'coercion_postpone'", 'count'),
    }
    for kind in co.KIND_CODES:
        conditions['cc_decided_%s' % kind] = ("decision_date >= %%(start)s AND kind = '%s'" % kind, 'count')
        conditions['cc_cost_%s' % kind] = ("cost > 0 AND kind = '%s'" % kind, 'money')
    return conditions


class ThadsStatEngineCoercion(models.AbstractModel):
    _inherit = 'thads.stat.engine'

    @api.model
    def _sources(self):
        sources = super(ThadsStatEngineCoercion, self)._sources()
        measures = [
            ('cc_carried_over', _('coercions carried over from the previous year')),
            ('cc_decided_account', _('coercion decisions: deduction from a bank account')),
            ('cc_decided_income', _('coercion decisions: deduction from income')),
            ('cc_decided_seizure', _('coercion decisions: seizure of assets')),
            ('cc_decided_auction', _('coercion decisions: sale by auction')),
            ('cc_decided_eviction', _('coercion decisions: handing over a house or land')),
            ('cc_decided_handover', _('coercion decisions: handing over items or papers')),
            ('cc_decided_act', _('coercion decisions: forced acts')),
            ('cc_success', _('coercions carried out successfully')),
            ('cc_partial', _('coercions partly carried out')),
            ('cc_failed', _('coercions carried out without success')),
            ('cc_postponed', _('coercions postponed, not carried out')),
            ('cc_pending', _('coercions not yet carried out')),
            ('cc_cost_account', _('coercion costs: deduction from a bank account')),
            ('cc_cost_income', _('coercion costs: deduction from income')),
            ('cc_cost_seizure', _('coercion costs: seizure of assets')),
            ('cc_cost_auction', _('coercion costs: sale by auction')),
            ('cc_cost_eviction', _('coercion costs: handing over a house or land')),
            ('cc_cost_handover', _('coercion costs: handing over items or papers')),
            ('cc_cost_act', _('coercion costs: forced acts')),
        ]
        sources['coercion'] = (_('Coercions of the cases'), 'thads.case.coercion', measures)
        return sources

    @staticmethod
    def _coercion_params(year_start, date_end, office_ids):
        params = {'start': year_start, 'end': date_end}
        office_filter = ''
        if office_ids is not None:
            params['offices'] = tuple(set(office_ids)) or (0,)
            office_filter = 'AND c.office_id IN %(offices)s'
        return PER_COERCION.format(office_filter=office_filter), params

    @api.model
    def _measures_coercion(self, year_start, date_end, office_ids=None):
        """Base measures of form g), in one query grouped by office and officer."""
        per_coercion, params = self._coercion_params(year_start, date_end, office_ids)
        return self._grouped_measures(per_coercion, params, [
            (measure, condition, unit == 'count', 'cost' if unit == 'money' else None)
            for measure, (condition, unit) in sorted(_conditions().items())])

    @api.model
    def _record_ids_coercion(self, year_start, date_end, office_ids, measure, executor_id=None):
        """The coercions behind a cell of form g)."""
        condition = _conditions()[measure][0]
        per_coercion, params = self._coercion_params(year_start, date_end, office_ids)
        return self._grouped_record_ids(per_coercion, params, condition, executor_id)
