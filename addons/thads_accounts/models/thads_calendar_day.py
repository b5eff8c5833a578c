from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from ..lib.workdays import WorkCalendar, statutory_days_off


class ThadsCalendarDay(models.Model):
    """One exception to the Monday-Friday week: a day off (holiday,
    compensatory or bridge day) or a make-up working day (a Saturday worked
    in exchange for a bridge day).  Admins update the table from each
    year's official notice; every deadline and SLA reads it."""
    _name = 'thads.calendar.day'
    _inherit = ['thads.cache.mixin']
    _description = 'Non-working or make-up working day'
    _order = 'date desc'

    date = fields.Date(required=True, index=True)
    kind = fields.Selection([
        ('off', 'Day off'),
        ('work', 'Make-up working day'),
    ], required=True, default='off')
    name = fields.Char(string='Reason', required=True, translate=False)
    legal_basis = fields.Char(help='The notice or law that sets this day.')
    year = fields.Integer(compute='_compute_year', store=True)

    _sql_constraints = [
        ('date_unique', 'unique(date)', 'Each date can be listed only once in the working calendar.'),
    ]

    @api.depends('date')
    def _compute_year(self):
        for day in self:
            day.year = int(day.date[:4]) if day.date else 0

    @api.constrains('date', 'kind')
    def _check_kind(self):
        for day in self:
            weekday = fields.Date.from_string(day.date).weekday()
            if day.kind == 'work' and weekday < 5:
                raise ValidationError(_('%s is already a working day: only a Saturday or Sunday '
                                        'can be a make-up working day.') % day.date)

    @api.model
    @tools.ormcache()
    def _work_calendar(self):
        days = self.sudo().search_read([], ['date', 'kind'])
        return WorkCalendar(
            days_off=[fields.Date.from_string(d['date']) for d in days if d['kind'] == 'off'],
            makeup_days=[fields.Date.from_string(d['date']) for d in days if d['kind'] == 'work'])

    @api.model
    def get_calendar(self):
        """The working calendar (a pure WorkCalendar), cached per registry."""
        return self._work_calendar()

    @api.model
    def add(self, start, count, unit):
        """Deadline of `count` units after `start` (dates as strings or dates)."""
        if isinstance(start, str):
            start = fields.Date.from_string(start)
        return self.get_calendar().add(start, count, unit)

    @api.model
    def working_days_between(self, start, end):
        if isinstance(start, str):
            start = fields.Date.from_string(start)
        if isinstance(end, str):
            end = fields.Date.from_string(end)
        return self.get_calendar().working_days_between(start, end)

    @api.model
    def prefill_year(self, year, tet_first_day, hung_kings_day):
        """Add the statutory days off of `year` that are not listed yet."""
        existing = set(self.search([('year', '=', year)]).mapped('date'))
        days = statutory_days_off(year, fields.Date.from_string(tet_first_day),
                                  fields.Date.from_string(hung_kings_day))
        for day, name in sorted(days.items()):
            if fields.Date.to_string(day) not in existing:
                self.create({'date': fields.Date.to_string(day), 'kind': 'off', 'name': name,
                             'legal_basis': 'Bộ luật Lao động 2019, Điều 111-112'})
        return True
