"""Statistical periods (TT 06/2019 art. 4(2)): the statistical year runs from
01/10 to 30/09; the 1..12-month periods are cumulative from 01/10."""
import calendar
import datetime


def year_start(day):
    """01/10 of the statistical year that contains `day`."""
    return datetime.date(day.year if day.month >= 10 else day.year - 1, 10, 1)


def period(stat_year, months):
    """(start, end) of the `months`-month period of the statistical year that
    starts on 01/10/`stat_year`."""
    if not 1 <= months <= 12:
        raise ValueError('a period has 1 to 12 months')
    month_index = 9 + months  # October is 10; months=1 ends in October
    year, month = stat_year + (month_index - 1) // 12, (month_index - 1) % 12 + 1
    return datetime.date(stat_year, 10, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
