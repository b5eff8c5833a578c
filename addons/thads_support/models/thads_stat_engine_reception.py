from odoo import _, api, models

# the day of the visit in Vietnam (datetimes are stored in UTC)
DAY = "(rc.date AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"
RECEPTION_MEASURES = [
    ('r_visits', 'TRUE'),
    ('r_complaint', "rc.content_kind = 'complaint'"),
    ('r_denunciation', "rc.content_kind = 'denunciation'"),
    ('r_petition', "rc.content_kind = 'petition'"),
    ('r_other', "rc.content_kind = 'other'"),
    ('r_answered', "rc.outcome = 'answered'"),
    ('r_guided', "rc.outcome = 'guided'"),
    ('r_transferred', "rc.outcome = 'transferred'"),
    ('r_filed', "rc.outcome = 'filed'"),
    ('r_open', "rc.outcome IS NULL"),
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
    def _reception_scope(self, office_ids):
        return ('AND rc.office_id IN %(offices)s', {'offices': tuple(office_ids)}) if office_ids else ('', {})

    @api.model
    def _measures_reception(self, year_start, date_end, office_ids):
        scope, params = self._reception_scope(office_ids)
        params.update(year_start=year_start, end=date_end)
        columns = ',\n'.join('COUNT(*) FILTER (WHERE %s) AS %s' % (sql, code) for code, sql in RECEPTION_MEASURES)
        self.env.cr.execute("""
            SELECT rc.office_id, SUM(rc.visitor_count) AS r_people, {columns}
              FROM thads_citizen_reception rc
             WHERE {day} BETWEEN %(year_start)s AND %(end)s {scope}
             GROUP BY rc.office_id""".format(columns=columns, day=DAY, scope=scope), params)
        codes = ['r_people'] + [code for code, _sql in RECEPTION_MEASURES]
        return {(row[0], None): {'count': dict(zip(codes, row[1:])), 'money': {}}
                for row in self.env.cr.fetchall()}

    @api.model
    def _record_ids_reception(self, year_start, date_end, office_ids, measure, executor_id=None):
        condition = dict(RECEPTION_MEASURES, r_people='TRUE').get(measure)
        if not condition:
            return []
        scope, params = self._reception_scope(office_ids)
        params.update(year_start=year_start, end=date_end)
        self.env.cr.execute("""
            SELECT rc.id FROM thads_citizen_reception rc
             WHERE {day} BETWEEN %(year_start)s AND %(end)s AND ({condition}) {scope}
             ORDER BY rc.id""".format(day=DAY, condition=condition, scope=scope), params)
        return [row[0] for row in self.env.cr.fetchall()]
