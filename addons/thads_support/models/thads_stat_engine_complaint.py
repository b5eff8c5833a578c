from odoo import _, api, models

# When a complaint or denunciation leaves the office's hands: the day it
# was refused (not accepted) or decided / concluded.
CLOSED = "(CASE WHEN r.complaint_state = 'refused' THEN r.date_done ELSE r.date_decided END)"
REFUSED = "r.complaint_state = 'refused' AND r.date_done BETWEEN %(year_start)s AND %(end)s"
DECIDED = "r.date_decided BETWEEN %(year_start)s AND %(end)s"


def _flows(kind, prefix):
    """The conditions of the measures of one kind (complaint, denunciation)."""
    k = "r.kind = '%s'" % kind
    return [
        (prefix + 'carried', "%s AND r.date_received < %%(year_start)s AND COALESCE(%s, 'infinity') >= "
                             "%%(year_start)s" % (k, CLOSED)),
        (prefix + 'received', "%s AND r.date_received BETWEEN %%(year_start)s AND %%(end)s" % k),
        (prefix + 'second', "%s AND r.round = '2' AND r.date_received BETWEEN %%(year_start)s AND %%(end)s" % k),
        (prefix + 'refused', "%s AND %s" % (k, REFUSED)),
        (prefix + 'accepted', "%s AND r.date_accepted BETWEEN %%(year_start)s AND %%(end)s" % k),
        (prefix + 'decided', "%s AND %s" % (k, DECIDED)),
        (prefix + 'on_time', "%s AND %s AND r.on_time" % (k, DECIDED)),
        (prefix + 'late', "%s AND %s AND NOT COALESCE(r.on_time, false)" % (k, DECIDED)),
        (prefix + 'upheld', "%s AND %s AND r.outcome = 'upheld'" % (k, DECIDED)),
        (prefix + 'partly', "%s AND %s AND r.outcome = 'partly'" % (k, DECIDED)),
        (prefix + 'rejected', "%s AND %s AND r.outcome = 'rejected'" % (k, DECIDED)),
        (prefix + 'pending', "%s AND r.date_received <= %%(end)s AND COALESCE(%s, 'infinity') > %%(end)s"
                             % (k, CLOSED)),
    ]


COMPLAINT_MEASURES = _flows('complaint', 'c_') + _flows('denunciation', 'd_')


class ThadsStatEngine(models.AbstractModel):
    """Source 'complaint' of the statistical forms: complaints and
    denunciations (form h) of TT 06/2019 art. 2), counted by SQL from the
    complaint records, per office of the request."""
    _inherit = 'thads.stat.engine'

    @api.model
    def _sources(self):
        sources = super(ThadsStatEngine, self)._sources()
        labels = {
            'carried': _('pending at the start of the year'), 'received': _('received'),
            'second': _('of which second round'), 'refused': _('not accepted'), 'accepted': _('accepted'),
            'decided': _('settled'), 'on_time': _('settled on time'), 'late': _('settled late'),
            'upheld': _('right'), 'partly': _('partly right'), 'rejected': _('wrong'),
            'pending': _('still to settle at the end of the period')}
        measures = [(code, (_('Complaints: %s') if code.startswith('c_') else _('Denunciations: %s'))
                     % labels[code[2:]]) for code, _sql in COMPLAINT_MEASURES]
        sources['complaint'] = (_('Complaints and denunciations'), 'thads.complaint', measures)
        return sources

    @api.model
    def _complaint_rows(self, year_start, date_end, office_ids):
        """The complaints and denunciations received by the end of the
        period, in the scope: one flat row each (the request's office and
        dates, the complaint's classification and result), no officer; the
        conditions of COMPLAINT_MEASURES read it as `r`."""
        params = {'year_start': year_start, 'end': date_end}
        scope = self._office_scope('q.office_id', office_ids, params)
        return ("""SELECT k.id, q.office_id, NULL::integer AS executor_id, q.date_received, q.date_done,
                          k.kind, k.complaint_state, k.round, k.date_accepted, k.date_decided, k.on_time, k.outcome
                     FROM thads_complaint k JOIN thads_support_request q ON q.id = k.request_id
                    WHERE q.date_received <= %(end)s AND {scope}""".format(scope=scope)), params

    @api.model
    def _measures_complaint(self, year_start, date_end, office_ids):
        sql, params = self._complaint_rows(year_start, date_end, office_ids)
        return self._grouped_measures(sql, params, [
            (measure, condition, True, None) for measure, condition in COMPLAINT_MEASURES])

    @api.model
    def _record_ids_complaint(self, year_start, date_end, office_ids, measure, executor_id=None):
        condition = dict(COMPLAINT_MEASURES).get(measure)
        if not condition:
            return []
        sql, params = self._complaint_rows(year_start, date_end, office_ids)
        return self._grouped_record_ids(sql, params, condition)
