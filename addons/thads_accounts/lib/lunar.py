"""The Vietnamese lunisolar calendar (âm lịch), free of Odoo.

Tết Nguyên đán and Giỗ Tổ Hùng Vương (10/3 âm lịch) are public holidays
(Labour Code 2019, art. 112), so a working calendar for any year needs the
solar dates of lunar days.  Vietnam reckons its lunar calendar at UTC+7
(Decision 121/HĐBT of 1967 moved it from Beijing time), which puts some new
moons on another day than the Chinese calendar (UTC+8) does: Tết 1985 fell
on 21/01 in Vietnam and 20/02 in China, Tết 2007 on 17/02 and 18/02.

The astronomy is the classic low-precision one (Jean Meeus, "Astronomical
Algorithms", ch. 47 new moons and ch. 25 solar longitude), as used by
Hồ Ngọc Đức's published Vietnamese calendar algorithm: a month starts on the
day (at UTC+7) of its new moon; month 11 is the month containing the winter
solstice; a year with 13 months between two months 11 repeats as a leap month
the first month that contains no major solar term (trung khí).
"""
import datetime
import math

VIETNAM_TZ = 7.0
_SYNODIC = 29.530588853
_K0 = 2415021.076998695  # Julian day of the new moon of 1900-01-01
_DR = math.pi / 180


def jd_from_date(day):
    """Julian day number of a datetime.date (proleptic Gregorian)."""
    return day.toordinal() + 1721425


def date_from_jd(jd):
    return datetime.date.fromordinal(jd - 1721425)


def _new_moon(k):
    """Julian day (fraction, UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DR)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3      # sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3   # moon's mean anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3     # moon's argument of latitude
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * _DR) + 0.0021 * math.sin(2 * _DR * m)
    c1 -= 0.4068 * math.sin(mpr * _DR) - 0.0161 * math.sin(_DR * 2 * mpr)
    c1 -= 0.0004 * math.sin(_DR * 3 * mpr)
    c1 += 0.0104 * math.sin(_DR * 2 * f) - 0.0051 * math.sin(_DR * (m + mpr))
    c1 -= 0.0074 * math.sin(_DR * (m - mpr)) - 0.0004 * math.sin(_DR * (2 * f + m))
    c1 -= 0.0004 * math.sin(_DR * (2 * f - m)) + 0.0006 * math.sin(_DR * (2 * f + mpr))
    c1 += 0.0010 * math.sin(_DR * (2 * f - mpr)) + 0.0005 * math.sin(_DR * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _sun_longitude(jdn):
    """Apparent longitude of the sun (radians, 0..2π) at Julian day jdn (UT)."""
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(_DR * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(_DR * 2 * m) + 0.000290 * math.sin(_DR * 3 * m)
    longitude = (l0 + dl) * _DR
    return longitude - 2 * math.pi * math.floor(longitude / (2 * math.pi))


def _new_moon_day(k, tz):
    return int(math.floor(_new_moon(k) + 0.5 + tz / 24.0))


def _sun_sector(day_number, tz):
    """Which of the 12 sectors of 30° the sun is in at the start of the day."""
    return int(math.floor(_sun_longitude(day_number - 0.5 - tz / 24.0) / math.pi * 6))


def _month11(year, tz):
    """Julian day of the first day of lunar month 11 of `year` (the month of
    the winter solstice that starts in the solar year `year`)."""
    off = jd_from_date(datetime.date(year, 12, 31)) - 2415021
    k = int(math.floor(off / _SYNODIC))
    start = _new_moon_day(k, tz)
    if _sun_sector(start, tz) >= 9:
        start = _new_moon_day(k - 1, tz)
    return start


def _leap_month_offset(a11, tz):
    """Offset (from month 11) of the leap month of a 13-month year."""
    k = int(math.floor((a11 - _K0) / _SYNODIC + 0.5))
    i = 1
    arc = _sun_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def lunar_to_solar(lunar_day, lunar_month, lunar_year, leap=False, tz=VIETNAM_TZ):
    """Solar date of a lunar day; None when `leap` is asked of a month that
    is not the leap month of that year."""
    if lunar_month < 11:
        a11, b11 = _month11(lunar_year - 1, tz), _month11(lunar_year, tz)
    else:
        a11, b11 = _month11(lunar_year, tz), _month11(lunar_year + 1, tz)
    k = int(math.floor(0.5 + (a11 - _K0) / _SYNODIC))
    off = (lunar_month - 11) % 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11, tz)
        leap_month = (leap_off - 2) % 12
        if leap and lunar_month != leap_month:
            return None
        if leap or off >= leap_off:
            off += 1
    elif leap:
        return None
    return date_from_jd(_new_moon_day(k + off, tz) + lunar_day - 1)


def tet(year, tz=VIETNAM_TZ):
    """Mùng 1 Tết Nguyên đán of the lunar year that starts in solar `year`."""
    return lunar_to_solar(1, 1, year, tz=tz)


def hung_kings_day(year, tz=VIETNAM_TZ):
    """Giỗ Tổ Hùng Vương: 10/3 âm lịch (never a leap month: the first 3rd month)."""
    return lunar_to_solar(10, 3, year, tz=tz)
