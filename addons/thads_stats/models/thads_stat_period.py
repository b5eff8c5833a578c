from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import periods

PERIOD_NAMES = {'en_US': '%d months, statistical year %d-%d', 'vi_VN': '%d tháng, năm thống kê %d-%d'}


class ThadsStatPeriod(models.Model):
    """A reporting period: the cumulative 1..12-month periods of the
    statistical year (from 01/10), or an ad hoc period."""
    _name = 'thads.stat.period'
    _description = 'Statistical period'
    _order = 'date_start desc, date_end desc'

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection([('periodic', 'Periodic'), ('adhoc', 'Ad hoc')], required=True, default='periodic')
    stat_year = fields.Integer(string='Statistical year', help='Year of the 01/10 that starts it.')
    months = fields.Integer()
    date_start = fields.Date(required=True)
    date_end = fields.Date(required=True)

    _sql_constraints = [
        ('periodic_unique', 'unique(kind, stat_year, months)', 'This period already exists.'),
    ]

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for period in self:
            if period.date_end < period.date_start:
                raise ValidationError(_('A period cannot end before it starts.'))
            start = periods.year_start(fields.Date.from_string(period.date_end))
            if fields.Date.from_string(period.date_start) < start:
                raise ValidationError(_('A period lies within one statistical year (from 01/10).'))

    @api.model
    def generate_year(self, stat_year):
        """The twelve cumulative periods of the statistical year starting 01/10/stat_year."""
        existing = self.search([('kind', '=', 'periodic'), ('stat_year', '=', stat_year)]).mapped('months')
        for months in range(1, 13):
            if months in existing:
                continue
            start, end = periods.period(stat_year, months)
            period = self.with_context(lang='en_US').create({
                'name': PERIOD_NAMES['en_US'] % (months, stat_year, stat_year + 1),
                'kind': 'periodic', 'stat_year': stat_year, 'months': months,
                'date_start': fields.Date.to_string(start), 'date_end': fields.Date.to_string(end)})
            # named in every installed language, whoever generates them
            for lang in self.env['res.lang'].search([('code', '!=', 'en_US')]).mapped('code'):
                period.with_context(lang=lang).name = period.with_context(lang=lang)._period_name(
                    months, stat_year)
        return True

    def _period_name(self, months, stat_year):
        # the UI's two languages spelled out here: periods are generated at
        # install, before the module's translations are loaded
        pattern = PERIOD_NAMES.get(self.env.lang) or _('%d months, statistical year %d-%d')
        return pattern % (months, stat_year, stat_year + 1)

    def year_start(self):
        return fields.Date.to_string(periods.year_start(fields.Date.from_string(self.date_end)))
