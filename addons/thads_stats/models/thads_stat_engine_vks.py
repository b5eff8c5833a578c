from odoo import _, api, models

# A recommendation or protest counts in the year it was received, or as
# carried over when it was still unanswered on the first day of the year;
# "answered" is the recorded answer (state answered or carried out) and its
# date, never an answer only typed in the form.
_ANSWERED_BY = "(r.state IN ('answered', 'done') AND r.reply_date {op} %({day})s)"
_ANSWERED = "r.state IN ('answered', 'done') AND r.reply_date BETWEEN %(ys)s AND %(de)s"
_PENDING = 'NOT ' + _ANSWERED_BY.format(op='<=', day='de')
VKS_CONDITIONS = {
    'vks_carried': 'r.date_received < %(ys)s AND NOT ' + _ANSWERED_BY.format(op='<', day='ys'),
    'vks_received': 'r.date_received >= %(ys)s',
    'vks_recommendation': "r.date_received >= %(ys)s AND r.kind = 'recommendation'",
    'vks_protest': "r.date_received >= %(ys)s AND r.kind = 'protest'",
    'vks_answered_on_time': _ANSWERED + ' AND NOT COALESCE(r.answered_late, false)',
    'vks_answered_late': _ANSWERED + ' AND r.answered_late',
    'vks_accepted': _ANSWERED + " AND r.reply_result = 'accepted'",
    'vks_partial': _ANSWERED + " AND r.reply_result = 'partial'",
    'vks_rejected': _ANSWERED + " AND r.reply_result = 'rejected'",
    'vks_pending': _PENDING,
    'vks_pending_overdue': _PENDING + ' AND r.date_due < %(de)s',
}


class ThadsStatEngine(models.AbstractModel):
    """Source 'vks': the procuracy's recommendations and protests
    (thads.case.vks.recommendation), for form k) (kết quả giám sát, kiểm
    sát: kiến nghị, kháng nghị)."""
    _inherit = 'thads.stat.engine'

    @api.model
    def _sources(self):
        sources = super(ThadsStatEngine, self)._sources()
        sources['vks'] = (_('Procuracy recommendations and protests'), 'thads.case.vks.recommendation', [
            ('vks_carried', _('unanswered from the previous year')),
            ('vks_received', _('received in the year')),
            ('vks_recommendation', _('recommendations received')),
            ('vks_protest', _('protests received')),
            ('vks_answered_on_time', _('answered on time')),
            ('vks_answered_late', _('answered late')),
            ('vks_accepted', _('answered: accepted')),
            ('vks_partial', _('answered: partly accepted')),
            ('vks_rejected', _('answered: not accepted')),
            ('vks_pending', _('not yet answered')),
            ('vks_pending_overdue', _('not yet answered, past the deadline')),
        ])
        return sources

    @api.model
    def _measures_vks(self, year_start, date_end, office_ids):
        sql, params = self._received_rows('thads_case_vks_recommendation', year_start, date_end, office_ids)
        return self._grouped_measures(sql, params, [
            (measure, condition, True, None) for measure, condition in VKS_CONDITIONS.items()])

    @api.model
    def _record_ids_vks(self, year_start, date_end, office_ids, measure, executor_id=None):
        if measure not in VKS_CONDITIONS:
            return []
        sql, params = self._received_rows('thads_case_vks_recommendation', year_start, date_end, office_ids)
        return self._grouped_record_ids(sql, params, VKS_CONDITIONS[measure])
