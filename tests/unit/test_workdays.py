"""Working-day arithmetic across Tết, 30/4-1/5, 2/9 and make-up Saturdays."""
import datetime

import pytest

from thads_accounts_lib import workdays
from thads_accounts_lib.workdays import WorkCalendar

D = datetime.date

# Official civil-service days off 2025-2026 (excerpt of the data file)
DAYS_OFF = [
    D(2025, 1, 1), D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31),
    D(2025, 4, 7), D(2025, 4, 30), D(2025, 5, 1), D(2025, 5, 2), D(2025, 9, 1), D(2025, 9, 2),
    D(2026, 1, 1), D(2026, 1, 2), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19),
    D(2026, 2, 20), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1),
]
MAKEUP = [D(2025, 4, 26), D(2026, 1, 10)]


@pytest.fixture
def cal():
    return WorkCalendar(DAYS_OFF, MAKEUP)


@pytest.mark.parametrize('start, count, expected', [
    (D(2026, 11, 16), 5, D(2026, 11, 23)),   # plain week: Mon + 5 = next Mon
    (D(2026, 11, 20), 1, D(2026, 11, 23)),   # Friday + 1 = Monday
    (D(2026, 2, 12), 3, D(2026, 2, 24)),     # Thu before Tết: 13/2, (Tết 16-20), 23/2, 24/2
    (D(2026, 2, 13), 1, D(2026, 2, 23)),     # last day before Tết
    (D(2025, 4, 24), 2, D(2025, 4, 26)),     # Thu: Fri 25, make-up Sat 26
    (D(2025, 4, 25), 2, D(2025, 4, 28)),     # Fri: Sat 26 (make-up), Mon 28
    (D(2025, 4, 28), 2, D(2025, 5, 5)),      # Mon: Tue 29, (30/4, 1/5, 2/5 off, weekend), Mon 5/5
    (D(2025, 8, 29), 1, D(2025, 9, 3)),      # Fri before 1-2/9
    (D(2026, 1, 9), 1, D(2026, 1, 10)),      # Fri: Saturday 10/01/2026 is worked
    (D(2026, 4, 24), 1, D(2026, 4, 28)),     # Giỗ Tổ on Sunday 26/4, compensated Monday 27/4
    (D(2026, 11, 18), 0, D(2026, 11, 18)),   # "immediately"
])
def test_add_working_days(cal, start, count, expected):
    assert cal.add_working_days(start, count) == expected


@pytest.mark.parametrize('start, count, expected', [
    (D(2026, 11, 2), 10, D(2026, 11, 12)),   # ends on a Thursday: no roll-over
    (D(2026, 11, 4), 10, D(2026, 11, 16)),   # ends Saturday 14/11 -> Monday 16/11
    (D(2026, 2, 5), 10, D(2026, 2, 23)),     # ends 15/2 (Sunday in Tết) -> 23/2
    (D(2025, 4, 20), 10, D(2025, 5, 5)),     # ends 30/4 (holiday) -> Mon 5/5
    (D(2025, 4, 16), 10, D(2025, 4, 28)),    # ends Sat 26/4 which is a make-up day? no: 26/4 works
])
def test_add_days_rolls_over(cal, start, count, expected):
    if start == D(2025, 4, 16):
        expected = D(2025, 4, 26)  # the make-up Saturday is a working day
    assert cal.add_days(start, count) == expected


def test_add_months_and_years(cal):
    assert workdays.add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert workdays.add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert cal.add(D(2025, 8, 2), 6, workdays.UNIT_MONTHS) == D(2026, 2, 2)
    # 5 years from 01/05/2021 is 01/05/2026, a holiday (Friday) -> Monday 4/5
    assert cal.add(D(2021, 5, 1), 5, workdays.UNIT_YEARS) == D(2026, 5, 4)


def test_working_days_between(cal):
    assert cal.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert cal.working_days_between(D(2026, 2, 9), D(2026, 2, 27)) == 9
    assert cal.working_days_between(D(2025, 4, 25), D(2025, 5, 5)) == 4  # 26/4, 28/4, 29/4, 5/5
    assert cal.working_days_between(D(2026, 3, 2), D(2026, 3, 2)) == 0
    assert cal.working_days_between(D(2026, 3, 9), D(2026, 3, 2)) == -5


def test_inverse_of_add(cal):
    start = D(2025, 1, 2)
    for count in range(0, 60):
        end = cal.add_working_days(start, count)
        assert cal.working_days_between(start, end) == count
        assert cal.is_working_day(end) or count == 0


def test_errors(cal):
    with pytest.raises(ValueError):
        cal.add_working_days(D(2026, 1, 1), -1)
    with pytest.raises(ValueError):
        cal.add(D(2026, 1, 1), 1, 'fortnights')


def test_statutory_days_off():
    days = workdays.statutory_days_off(2026, D(2026, 2, 17), D(2026, 4, 26))
    assert D(2026, 2, 16) in days and D(2026, 2, 20) in days       # 5 Tết days
    assert days[D(2026, 4, 27)].startswith('Nghỉ bù')                # Giỗ Tổ on Sunday
    assert D(2026, 9, 1) in days and D(2026, 9, 2) in days          # Wednesday 2/9 + Tuesday
    days27 = workdays.statutory_days_off(2027, D(2027, 2, 6), D(2027, 4, 16))
    # Tết 5/2-9/2/2027 covers a weekend: compensated on the next free weekdays
    assert D(2027, 2, 10) in days27 and D(2027, 2, 11) in days27
