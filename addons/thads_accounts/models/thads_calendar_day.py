from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from ..lib.workdays import VietnamCalendar, statutory_days_off


class ThadsCalendarDay(models.Model):
    """One override of the computed calendar, entered from an official notice:
    an extra day off (bridge or swapped day), or a working day on a day that
    would otherwise be off (a make-up Saturday, or a statutory holiday the
    notice placed elsewhere).  The statutory holidays of the Labour Code (Tết
    and Giỗ Tổ from the lunar calendar) are computed for every year, so the
    calendar never ends; every deadline and SLA reads it."""
    _name = 'thads.calendar.day'
    _inherit = ['thads.cache.mixin']
    _description = 'Working calendar override'
    _order = 'date desc'

    date = fields.Date(required=True, index=True)
    kind = fields.Selection([
        ('off', 'Day off'),
        ('work', 'Working day'),
    ], required=True, default='off')
    name = fields.Char(string='Reason', required=True, translate=False)
    legal_basis = fields.Char(help='The notice or law that sets this day.')
    notice_id = fields.Many2one('thads.calendar.notice', string='Official notice', index=True,
                                ondelete='restrict')
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
            date = fields.Date.from_string(day.date)
            if day.kind == 'work' and date.weekday() < 5 and date not in statutory_days_off(date.year):
                raise ValidationError(_('%s is already a working day: a working-day override is only for a '
                                        'Saturday, a Sunday or a statutory holiday.')
                                      % date.strftime('%d/%m/%Y'))

    # ------------------------------------------------------------ calendar
    @api.model
    @tools.ormcache()
    def _work_calendar(self):
        # sudo: the calendar is public reference data (every user's deadlines read it)
        days = self.sudo().search_read([], ['date', 'kind'])
        return VietnamCalendar(
            days_off=[fields.Date.from_string(d['date']) for d in days if d['kind'] == 'off'],
            working_days=[fields.Date.from_string(d['date']) for d in days if d['kind'] == 'work'])

    @api.model
    def _get_calendar(self):
        """The working calendar (a pure VietnamCalendar), cached per registry."""
        return self._work_calendar()

    @staticmethod
    def _to_date(value):
        return fields.Date.from_string(value) if isinstance(value, str) else value

    @api.model
    def add(self, start, count, unit):
        """Deadline (ISO date string) of `count` units after `start`."""
        return fields.Date.to_string(self._get_calendar().add(self._to_date(start), count, unit))

    @api.model
    def working_days_between(self, start, end):
        return self._get_calendar().working_days_between(self._to_date(start), self._to_date(end))

    @api.model
    def is_working_day(self, day):
        return self._get_calendar().is_working_day(self._to_date(day))

    @api.model
    def days_off(self, year):
        """The weekdays off of `year` (statutory and notices), ISO strings."""
        return [fields.Date.to_string(d) for d in self._get_calendar().days_off_in(int(year))]

    # ------------------------------------------- deadlines follow the calendar
    @api.model
    def create(self, vals):
        day = super(ThadsCalendarDay, self).create(vals)
        self._calendar_changed([day.date])
        return day

    @api.multi
    def write(self, vals):
        before = self.mapped('date')
        res = super(ThadsCalendarDay, self).write(vals)
        if {'date', 'kind'} & set(vals):
            self._calendar_changed(before + self.mapped('date'))
        return res

    @api.multi
    def unlink(self):
        dates = self.mapped('date')
        res = super(ThadsCalendarDay, self).unlink()
        self._calendar_changed(dates)
        return res

    @api.model
    def _calendar_changed(self, dates):
        """Hook: the working days changed on `dates` (ISO strings).  The
        addons that store deadlines (cases, support requests) extend it to
        recompute every open deadline that these days can move."""
        return True
