from odoo import _, api, models

# When a complaint or denunciation leaves the office's hands: the day it
# was refused (not accepted) or decided / concluded.
CLOSED = "(CASE WHEN c.complaint_state = 'refused' THEN r.date_done ELSE c.date_decided END)"
REFUSED = "c.complaint_state = 'refused' AND r.date_done BETWEEN %(year_start)s AND %(end)s"
DECIDED = "c.date_decided BETWEEN %(year_start)s AND %(end)s"


def _flows(kind, prefix):
    """The conditions of the measures of one kind (complaint, denunciation)."""
    k = "c.kind = '%s'" % kind
    return [
        (prefix + 'carried', "%s AND r.date_received < %%(year_start)s AND COALESCE(%s, 'infinity') >= "
                             "%%(year_start)s" % (k, CLOSED)),
        (prefix + 'received', "%s AND r.date_received BETWEEN %%(year_start)s AND %%(end)s" % k),
        (prefix + 'second', "%s AND c.round = '2' AND r.date_received BETWEEN %%(year_start)s AND %%(end)s" % k),
        (prefix + 'refused', "%s AND %s" % (k, REFUSED)),
        (prefix + 'accepted', "%s AND c.date_accepted BETWEEN %%(year_start)s AND %%(end)s" % k),
        (prefix + 'decided', "%s AND %s" % (k, DECIDED)),
        (prefix + 'on_time', "%s AND %s AND c.on_time" % (k, DECIDED)),
        (prefix + 'late', "%s AND %s AND NOT COALESCE(c.on_time, false)" % (k, DECIDED)),
        (prefix + 'upheld', "%s AND %s AND c.outcome = 'upheld'" % (k, DECIDED)),
        (prefix + 'partly', "%s AND %s AND c.outcome = 'partly'" % (k, DECIDED)),
        (prefix + 'rejected', "%s AND %s AND c.outcome = 'rejected'" % (k, DECIDED)),
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
    def _complaint_scope(self, office_ids):
        return ('AND r.office_id IN %(offices)s', {'offices': tuple(office_ids)}) if office_ids else ('', {})

    @api.model
    def _measures_complaint(self, year_start, date_end, office_ids):
        scope, params = self._complaint_scope(office_ids)
        columns = ',\n'.join('COUNT(*) FILTER (WHERE %s) AS %s' % (sql, code) for code, sql in COMPLAINT_MEASURES)
        params.update(year_start=year_start, end=date_end)
        self.env.cr.execute("""
            SELECT r.office_id, {columns}
              FROM thads_complaint c JOIN thads_support_request r ON r.id = c.request_id
             WHERE r.date_received <= %(end)s AND COALESCE({closed}, 'infinity') >= %(year_start)s {scope}
             GROUP BY r.office_id""".format(columns=columns, closed=CLOSED, scope=scope), params)
        codes = [code for code, _sql in COMPLAINT_MEASURES]
        return {(row[0], None): {'count': dict(zip(codes, row[1:])), 'money': {}}
                for row in self.env.cr.fetchall()}

    @api.model
    def _record_ids_complaint(self, year_start, date_end, office_ids, measure, executor_id=None):
        condition = dict(COMPLAINT_MEASURES).get(measure)
        if not condition:
            return []
        scope, params = self._complaint_scope(office_ids)
        params.update(year_start=year_start, end=date_end)
        self.env.cr.execute("""
            SELECT c.id FROM thads_complaint c JOIN thads_support_request r ON r.id = c.request_id
             WHERE ({condition}) {scope} ORDER BY c.id""".format(condition=condition, scope=scope), params)
        return [row[0] for row in self.env.cr.fetchall()]
