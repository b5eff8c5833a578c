from odoo import _, api, models

# A claim counts in the year it was received, or as carried over when it was
# not yet settled on the first day of the year; the settlement, the
# acceptance and the payment count in the year of their dates.
_SETTLED = 'r.date_settled BETWEEN %(ys)s AND %(de)s'
_PENDING = 'NOT COALESCE(r.date_settled <= %(de)s, false)'
COMPENSATION_CONDITIONS = {
    'bt_carried': 'r.date_received < %(ys)s AND NOT COALESCE(r.date_settled < %(ys)s, false)',
    'bt_received': 'r.date_received >= %(ys)s',
    'bt_accepted': 'r.date_accepted BETWEEN %(ys)s AND %(de)s',
    'bt_compensate': _SETTLED + " AND r.outcome = 'compensate'",
    'bt_agreement': _SETTLED + " AND r.outcome = 'agreement'",
    'bt_rejected': _SETTLED + " AND r.outcome = 'rejected'",
    'bt_withdrawn': _SETTLED + " AND r.outcome = 'withdrawn'",
    'bt_pending': _PENDING,
    'bt_paid': 'r.date_paid BETWEEN %(ys)s AND %(de)s',
}
_CLAIMED = 'COALESCE(r.amount_claimed, 0)'
COMPENSATION_MONEY = {
    'bt_carried': _CLAIMED, 'bt_received': _CLAIMED, 'bt_accepted': _CLAIMED,
    'bt_compensate': 'COALESCE(r.amount_decided, 0)', 'bt_agreement': 'COALESCE(r.amount_decided, 0)',
    'bt_rejected': _CLAIMED, 'bt_withdrawn': _CLAIMED, 'bt_pending': _CLAIMED,
    'bt_paid': 'COALESCE(r.amount_paid, 0)',
}


class ThadsStatEngine(models.AbstractModel):
    """Source 'compensation': the state compensation claims
    (thads.case.compensation), for form l) (kết quả bồi thường nhà nước
    trong THADS): counts of claims, and the amounts claimed, decided or
    agreed, and paid (the money version of the form)."""
    _inherit = 'thads.stat.engine'

    @api.model
    def _sources(self):
        sources = super(ThadsStatEngine, self)._sources()
        sources['compensation'] = (_('State compensation claims'), 'thads.case.compensation', [
            ('bt_carried', _('claims pending from the previous year (amount claimed)')),
            ('bt_received', _('claims received in the year (amount claimed)')),
            ('bt_accepted', _('claims accepted for settlement (amount claimed)')),
            ('bt_compensate', _('compensation decided (amount decided)')),
            ('bt_agreement', _('settled by agreement (amount agreed)')),
            ('bt_rejected', _('claims rejected (amount claimed)')),
            ('bt_withdrawn', _('claims withdrawn (amount claimed)')),
            ('bt_pending', _('claims not yet settled (amount claimed)')),
            ('bt_paid', _('compensation paid (amount paid)')),
        ])
        return sources

    @api.model
    def _measures_compensation(self, year_start, date_end, office_ids):
        sql, params = self._received_rows('thads_case_compensation', year_start, date_end, office_ids)
        return self._grouped_measures(sql, params, [(measure, condition, True, COMPENSATION_MONEY.get(measure))
                                                    for measure, condition in COMPENSATION_CONDITIONS.items()])

    @api.model
    def _record_ids_compensation(self, year_start, date_end, office_ids, measure, executor_id=None):
        if measure not in COMPENSATION_CONDITIONS:
            return []
        sql, params = self._received_rows('thads_case_compensation', year_start, date_end, office_ids)
        return self._grouped_record_ids(sql, params, COMPENSATION_CONDITIONS[measure])
