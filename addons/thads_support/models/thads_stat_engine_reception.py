from odoo import _, api, models

# the day of the visit in Vietnam (datetimes are stored in UTC)
DAY = "(rc.date AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"
RECEPTION_MEASURES = [
    ('r_visits', 'TRUE'),
    ('r_complaint', "r.content_kind = 'complaint'"),
    ('r_denunciation', "r.content_kind = 'denunciation'"),
    ('r_petition', "r.content_kind = 'petition'"),
    ('r_other', "r.content_kind = 'other'"),
    ('r_answered', "r.outcome = 'answered'"),
    ('r_guided', "r.outcome = 'guided'"),
    ('r_transferred', "r.outcome = 'transferred'"),
    ('r_filed', "r.outcome = 'filed'"),
    ('r_open', "r.outcome IS NULL"),
]


class ThadsStatEngine(models.AbstractModel):
    """Source 'reception' of the statistical forms: the citizen reception
    register (form i) of TT 06/2019 art. 2), by SQL, per office."""
    _inherit = 'thads.stat.engine'

    @api.model
    def _sources(self):
        sources = super(ThadsStatEngine, self)._sources()
        sources['reception'] = (_('Citizen reception register'), 'thads.citizen.reception', [
            ('r_visits', _('visits')), ('r_people', _('people received')),
            ('r_complaint', _('visits about a complaint')), ('r_denunciation', _('visits about a denunciation')),
            ('r_petition', _('visits about a request or petition')), ('r_other', _('visits about other matters')),
            ('r_answered', _('answered, explained')), ('r_guided', _('guided')),
            ('r_transferred', _('transferred to the competent authority')),
            ('r_filed', _('filed as a complaint, denunciation or request')), ('r_open', _('no outcome recorded'))])
        return sources

    @api.model
    def _reception_rows(self, year_start, date_end, office_ids):
        """The visits of the statistical year up to the end of the period,
        in the scope (a row per office: no officer)."""
        params = {'year_start': year_start, 'end': date_end}
        scope = self._office_scope('rc.office_id', office_ids, params)
        return ('SELECT rc.id, rc.office_id, NULL::integer AS executor_id, rc.visitor_count, rc.content_kind, '
                'rc.outcome FROM thads_citizen_reception rc '
                'WHERE {day} BETWEEN %(year_start)s AND %(end)s AND {scope}'.format(day=DAY, scope=scope)), params

    @api.model
    def _measures_reception(self, year_start, date_end, office_ids):
        sql, params = self._reception_rows(year_start, date_end, office_ids)
        return self._grouped_measures(sql, params, [('r_people', 'TRUE', 'r.visitor_count', None)] + [
            (measure, condition, True, None) for measure, condition in RECEPTION_MEASURES])

    @api.model
    def _record_ids_reception(self, year_start, date_end, office_ids, measure, executor_id=None):
        condition = dict(RECEPTION_MEASURES, r_people='TRUE').get(measure)
        if not condition:
            return []
        sql, params = self._reception_rows(year_start, date_end, office_ids)
        return self._grouped_record_ids(sql, params, condition)
