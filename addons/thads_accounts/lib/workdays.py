"""Vietnamese working-day arithmetic, free of Odoo.

Law counts time limits in "ngày làm việc" (working days) or "ngày" (calendar
days).  Neither fits Odoo 11's resource.calendar, which knows weekly hours and
leaves but not a *Saturday worked* in exchange for a bridge holiday.  So the
calendar here is: Monday-Friday, minus the days off listed in a table
(holidays, compensatory and bridge days off), plus the make-up working days
listed in the same table.  The table is data that admins edit each year.

Counting rules (Civil Code 2015 art. 147-148):
- a period starts on the day *after* the triggering event;
- a period of N calendar days ends at 24:00 of its last day, and when that
  day is not a working day, at the end of the next working day;
- N working days: the N-th working day after the event.
"""
import calendar as _calendar
import datetime

ONE_DAY = datetime.timedelta(days=1)

UNIT_WORKING_DAYS = 'working_days'
UNIT_DAYS = 'days'
UNIT_MONTHS = 'months'
UNIT_YEARS = 'years'
UNITS = (UNIT_WORKING_DAYS, UNIT_DAYS, UNIT_MONTHS, UNIT_YEARS)


class WorkCalendar(object):
    """Working days = Monday..Friday - days_off + makeup_days."""

    def __init__(self, days_off=(), makeup_days=(), weekend=(5, 6)):
        self.days_off = frozenset(days_off)
        self.makeup_days = frozenset(makeup_days)
        self.weekend = frozenset(weekend)

    def is_working_day(self, day):
        if day in self.makeup_days:
            return True
        if day in self.days_off:
            return False
        return day.weekday() not in self.weekend

    def next_working_day(self, day):
        """The first working day on or after `day`."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_working_days(self, start, count):
        """Last day of a period of `count` working days after `start`.

        count == 0 means "immediately": the event day itself.
        """
        if count < 0:
            raise ValueError('count must be >= 0')
        day = start
        while count:
            day += ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day

    def add_days(self, start, count):
        """Last day of a period of `count` calendar days after `start`,
        rolled over to the next working day (Civil Code art. 148)."""
        if count < 0:
            raise ValueError('count must be >= 0')
        return self.next_working_day(start + datetime.timedelta(days=count))

    def add_months(self, start, count):
        """Same day `count` months later (last day of a shorter month),
        rolled over to the next working day."""
        return self.next_working_day(add_months(start, count))

    def add(self, start, count, unit):
        """Dispatch on the unit of a legal time limit."""
        if unit == UNIT_WORKING_DAYS:
            return self.add_working_days(start, count)
        if unit == UNIT_DAYS:
            return self.add_days(start, count)
        if unit == UNIT_MONTHS:
            return self.add_months(start, count)
        if unit == UNIT_YEARS:
            return self.add_months(start, 12 * count)
        raise ValueError('unknown unit %r' % (unit,))

    def working_days_between(self, start, end):
        """Working days in the half-open interval (start, end].

        Negative when end is before start; 0 when they are equal.  This is
        the number of working days consumed from `start` to `end`.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count


def add_months(day, count):
    """`day` plus `count` months; the 31st becomes the last day of a short month."""
    month_index = day.month - 1 + count
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = _calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def national_day_adjacent(year):
    """The day next to 02/09 that the Prime Minister adds (Labour Code 2019
    art. 112(1)(đ): "02/9 and one day before or after").  Which one is set
    each year; until the notice is entered [I] the one that makes the longer
    break: 01/09 when 02/09 is Tuesday, Wednesday, Friday, Saturday or
    Sunday, 03/09 when it is Monday or Thursday."""
    national = datetime.date(year, 9, 2)
    return national - ONE_DAY if national.weekday() in (1, 2, 4, 5, 6) else national + ONE_DAY


def statutory_days_off(year, tet_first_day=None, hung_kings_day=None):
    """Days off of the Labour Code 2019 art. 112 for `year`, as a dict
    {date: name}, with the art. 111(3) compensation: a holiday that falls on
    the weekly rest day is taken on the next working day.

    Tết (5 days) is placed [I] as the Prime Minister has in recent years:
    the last day of the lunar year and the first four days of the new one.
    Tết and Giỗ Tổ (10/3 âm lịch) come from the Vietnamese lunar calendar
    (lib/lunar.py) unless given.  Each year's official notice (extra days off,
    make-up Saturdays, another placement) is entered as overrides on top.
    """
    from . import lunar
    tet_first_day = tet_first_day or lunar.tet(year)
    hung_kings_day = hung_kings_day or lunar.hung_kings_day(year)
    days = {datetime.date(year, 1, 1): 'Tết Dương lịch'}
    for offset in range(-1, 4):  # last day of the lunar year + 4 first days
        days[tet_first_day + datetime.timedelta(days=offset)] = 'Tết Âm lịch'
    days[hung_kings_day] = 'Giỗ Tổ Hùng Vương'
    days[datetime.date(year, 4, 30)] = 'Ngày Chiến thắng'
    days[datetime.date(year, 5, 1)] = 'Ngày Quốc tế Lao động'
    days[datetime.date(year, 9, 2)] = 'Quốc khánh'
    days[national_day_adjacent(year)] = 'Quốc khánh (ngày liền kề)'
    compensated = {}
    for day in sorted(days):
        if day.weekday() >= 5:
            comp = day + ONE_DAY
            while comp.weekday() >= 5 or comp in days or comp in compensated:
                comp += ONE_DAY
            compensated[comp] = 'Nghỉ bù %s' % days[day]
    days.update(compensated)
    return days


class VietnamCalendar(WorkCalendar):
    """The calendar of any year: Monday-Friday, minus the statutory holidays
    of the Labour Code computed for each year met (lunar dates included),
    with the official notices entered as overrides: `days_off` are extra days
    off, `working_days` are days worked although they would be off (make-up
    Saturdays, or a statutory day the notice placed elsewhere)."""

    def __init__(self, days_off=(), working_days=(), weekend=(5, 6)):
        super(VietnamCalendar, self).__init__(days_off, working_days, weekend)
        self._statutory = {}

    def statutory(self, year):
        if year not in self._statutory:
            self._statutory[year] = frozenset(statutory_days_off(year))
        return self._statutory[year]

    def is_working_day(self, day):
        if day in self.makeup_days:
            return True
        if day in self.days_off or day in self.statutory(day.year):
            return False
        return day.weekday() not in self.weekend

    def days_off_in(self, year):
        """Every day off of `year` that is not a weekend day, sorted."""
        day, end, result = datetime.date(year, 1, 1), datetime.date(year, 12, 31), []
        while day <= end:
            if day.weekday() not in self.weekend and not self.is_working_day(day):
                result.append(day)
            day += ONE_DAY
        return result
