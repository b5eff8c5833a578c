"""SLA clock of online support requests and checks of public uploads."""
import datetime

import pytest

from thads_accounts_lib.workdays import WorkCalendar
from thads_support_lib import sla, validation

D = datetime.date
CAL = WorkCalendar([D(2026, 1, 1), D(2026, 1, 2), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1)],
                   [D(2026, 1, 10)])


def test_step_deadline_skips_holiday_and_weekend():
    # received Wed 31/12/2025: 01-02/01 off, weekend; within 1 working day = Mon 05/01
    assert sla.deadline(CAL, D(2025, 12, 31), 1) == D(2026, 1, 5)


def test_total_deadline_uses_makeup_saturday():
    # Tue 06/01 + 5 working days: 07, 08, 09, Sat 10 (make-up), Mon 12
    assert sla.deadline(CAL, D(2026, 1, 6), 5) == D(2026, 1, 12)


def test_step_without_fixed_time_has_no_deadline():
    assert sla.deadline(CAL, D(2026, 1, 6), 0) is None


def test_pause_moves_total_deadline():
    lost = sla.paused_working_days(CAL, D(2026, 4, 24), D(2026, 5, 4))  # Fri -> Mon across 27/4, 30/4, 1/5
    assert lost == 3  # (24/4, 4/5]: 28/4, 29/4 and 4/5; 27/4, 30/4, 1/5 and the weekend are off
    assert sla.shift(CAL, D(2026, 5, 5), lost) == D(2026, 5, 8)


@pytest.mark.parametrize('today, step, total, paused, done, expected', [
    (D(2026, 1, 7), D(2026, 1, 8), D(2026, 1, 12), False, None, sla.ON_TIME),
    (D(2026, 1, 8), D(2026, 1, 8), D(2026, 1, 12), False, None, sla.DUE_TODAY),
    (D(2026, 1, 9), D(2026, 1, 8), D(2026, 1, 12), False, None, sla.OVERDUE),
    (D(2026, 1, 9), D(2026, 1, 8), D(2026, 1, 12), True, None, sla.PAUSED),
    (D(2026, 1, 20), None, D(2026, 1, 12), False, D(2026, 1, 12), sla.MET),
    (D(2026, 1, 20), None, D(2026, 1, 12), False, D(2026, 1, 13), sla.BREACHED),
    (D(2026, 1, 20), None, None, False, None, sla.ON_TIME),
])
def test_state(today, step, total, paused, done, expected):
    assert sla.state(today, step, total, paused=paused, done_on=done) == expected


def test_consumed_excludes_pause():
    assert sla.consumed(CAL, D(2026, 1, 6), D(2026, 1, 12), 2) == 3


@pytest.mark.parametrize('name, data, problem', [
    ('ban-an.pdf', b'%PDF-1.4 ...', None),
    ('anh.JPG', b'\xff\xd8\xff\xe0rest', None),
    ('virus.exe', b'MZ...', 'type'),
    ('no-extension', b'%PDF-1.4', 'type'),
    ('forged.pdf', b'<script>alert(1)</script>', 'content'),
    ('empty.png', b'', 'empty'),
    ('big.pdf', b'%PDF-' + b'0' * 2000, 'size'),
])
def test_file_problem(name, data, problem):
    assert validation.file_problem(name, data, 1000) == problem


def test_email_and_phone():
    assert validation.check_email('an.nguyen@example.com.vn')
    assert not validation.check_email('an nguyen@example')
    assert not validation.check_email('"<x>"@example.com')
    assert validation.check_phone('0912 345 678')
    assert validation.check_phone('+84912345678')
    assert not validation.check_phone('12345')
