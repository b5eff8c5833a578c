"""Coercion (thads_case/lib/coercion.py): the time window, the notice, the
voluntary period, costs and the replay, from a legal test table written
from the text of the law (citations per row)."""
import datetime

import pytest

from thads_accounts_lib.workdays import VietnamCalendar
from thads_case_lib import coercion as co
from thads_case_lib import lifecycle as lc
from thads_case_lib.coercion import CoercionError, Step

D = datetime.date
T = datetime.datetime

# The 2026 notices as entered in thads_accounts (calendar_day data):
# New Year 01-02/01 off, Saturday 10/01 worked; Tết 16-20/02 off;
# 27/04, 30/04, 01/05 off; Saturday 22/08 worked; 31/08, 01-02/09 off.
CAL = VietnamCalendar(
    days_off=[D(2026, 1, 1), D(2026, 1, 2), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19),
              D(2026, 2, 20), D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1), D(2026, 8, 31), D(2026, 9, 1),
              D(2026, 9, 2)],
    working_days=[D(2026, 1, 10), D(2026, 8, 22)])

# (moment in local time, refused reason or None, rule in force, why)
WINDOW_TABLE = [
    # Luật THADS 2014 Điều 46 khoản 2: "Không tổ chức cưỡng chế ... từ 22 giờ đến 06 giờ sáng ngày hôm sau,
    # các ngày nghỉ, ngày lễ theo quy định của pháp luật"
    (T(2026, 3, 10, 9, 0), None, 'Điều 46 khoản 2', 'Tuesday morning, working day'),
    (T(2026, 3, 10, 6, 0), None, 'Điều 46 khoản 2', '06:00 is after the night'),
    (T(2026, 3, 10, 5, 59), 'night', 'Điều 46 khoản 2', 'before 06 giờ sáng'),
    (T(2026, 3, 10, 21, 59), None, 'Điều 46 khoản 2', 'before 22 giờ'),
    (T(2026, 3, 10, 22, 0), 'night', 'Điều 46 khoản 2', 'từ 22 giờ'),
    (T(2026, 3, 10, 23, 0), 'night', 'Điều 46 khoản 2', '23:00'),
    (T(2026, 3, 8, 9, 0), 'rest_day', 'Điều 46 khoản 2', 'Sunday: ngày nghỉ'),
    (T(2026, 3, 7, 9, 0), 'rest_day', 'Điều 46 khoản 2', 'Saturday: ngày nghỉ'),
    (T(2026, 2, 17, 9, 0), 'rest_day', 'Điều 46 khoản 2', 'Tết Bính Ngọ (mùng 1): ngày lễ'),
    (T(2026, 2, 20, 10, 0), 'rest_day', 'Điều 46 khoản 2', 'Tết break, a Friday'),
    (T(2026, 1, 2, 10, 0), 'rest_day', 'Điều 46 khoản 2', 'New Year bridge day off (notice)'),
    (T(2026, 1, 10, 9, 0), None, 'Điều 46 khoản 2', 'make-up Saturday worked (VPCP 12729/VPCP-KGVX)'),
    (T(2026, 4, 30, 9, 0), 'rest_day', 'Điều 46 khoản 2', '30/4 holiday'),
    # Luật 106/2025/QH15 Điều 72 khoản 5 (from 01/07/2026, Điều 115 khoản 1): the same words
    (T(2026, 7, 1, 9, 0), None, 'Điều 72 khoản 5', 'first day of Law 106'),
    (T(2026, 6, 30, 9, 0), None, 'Điều 46 khoản 2', 'last day of the 2014 law'),
    (T(2026, 8, 22, 8, 30), None, 'Điều 72 khoản 5', 'make-up Saturday 22/08/2026 worked'),
    (T(2026, 8, 31, 9, 0), 'rest_day', 'Điều 72 khoản 5', 'Monday 31/08/2026 swapped off'),
    (T(2026, 9, 2, 9, 0), 'rest_day', 'Điều 72 khoản 5', 'National Day'),
    (T(2026, 11, 24, 9, 0), None, 'Điều 72 khoản 5', '24/11 not yet a legal day off (domain.md §7)'),
    (T(2026, 11, 29, 9, 0), 'rest_day', 'Điều 72 khoản 5', 'Sunday'),
    (T(2026, 11, 25, 22, 30), 'night', 'Điều 72 khoản 5', 'night'),
]


@pytest.mark.parametrize('moment, refused, basis, why', WINDOW_TABLE)
def test_window_table(moment, refused, basis, why):
    assert co.window_rule(moment.date()).basis.endswith(basis), why
    if refused:
        with pytest.raises(CoercionError) as err:
            co.check_window(moment, CAL)
        assert err.value.code == refused, why
        assert err.value.params['basis'].endswith(basis)
    else:
        assert co.check_window(moment, CAL).basis.endswith(basis), why


def test_window_rules_cover_every_day_once():
    day = D(2020, 1, 1)
    while day < D(2030, 1, 1):
        matching = [r for r in co.WINDOW_RULES if (r.date_from is None or r.date_from <= day)
                    and (r.date_to is None or day <= r.date_to)]
        assert len(matching) == 1, day
        day += datetime.timedelta(days=30)


NOTICE_TABLE = [
    # Luật 106/2025 Điều 72 khoản 7: notice "ít nhất 02 ngày làm việc trước ngày cưỡng chế"
    (D(2026, 11, 2), D(2026, 11, 4), False, None),        # Mon notice, Wed coercion: 2 working days
    (D(2026, 11, 2), D(2026, 11, 3), False, 'notice'),    # next day: too early
    (D(2026, 11, 6), D(2026, 11, 9), False, 'notice'),    # Fri -> Mon: 1 working day only
    (D(2026, 11, 6), D(2026, 11, 10), False, None),       # Fri -> Tue
    (D(2026, 11, 2), D(2026, 11, 3), True, None),         # "trừ trường hợp cần thiết phải cưỡng chế ngay"
    (D(2026, 8, 28), D(2026, 9, 3), False, 'notice'),     # 31/08, 01-02/09 off: Fri 28/08 -> Thu 03/09 is the 1st
    (D(2026, 8, 28), D(2026, 9, 4), False, None),
    (D(2026, 3, 2), D(2026, 3, 3), False, None),          # 2014 law: no period sourced
]


@pytest.mark.parametrize('notice, day, immediate, refused', NOTICE_TABLE)
def test_notice_table(notice, day, immediate, refused):
    if refused:
        with pytest.raises(CoercionError) as err:
            co.check_notice(notice, day, CAL, immediate)
        assert err.value.code == refused
        assert 'Điều 72 khoản 7' in err.value.params['basis']
    else:
        co.check_notice(notice, day, CAL, immediate)


def test_voluntary_period():
    # Luật 106 Điều 36 khoản 1 + Điều 72 khoản 1: 10 days from the valid notice, then coercion
    # notified Wed 04/03/2026: day 10 is Sat 14/03, rolled over to Mon 16/03
    with pytest.raises(CoercionError) as err:
        co.check_after_voluntary(D(2026, 3, 4), D(2026, 3, 16), CAL)
    assert err.value.code == 'voluntary' and err.value.params['last'] == D(2026, 3, 16)
    assert co.check_after_voluntary(D(2026, 3, 4), D(2026, 3, 17), CAL) == D(2026, 3, 16)
    # Điều 72 khoản 1 đoạn 2: "áp dụng ngay" to prevent dispersal of assets
    assert co.check_after_voluntary(D(2026, 3, 4), D(2026, 3, 5), CAL, immediate=True) is None
    assert co.check_after_voluntary(None, D(2026, 3, 5), CAL) is None


def test_costs_are_whole_dong():
    assert co.total_cost([1500000, 2350000, 1]) == 3850001
    assert co.total_cost([10 ** 15, 1]) == 10 ** 15 + 1  # exact, no float sum
    for bad, code in ((1.5, 'not_whole'), (0, 'not_positive'), (-5, 'not_positive'), (None, 'not_whole')):
        with pytest.raises(CoercionError) as err:
            co.whole_dong(bad)
        assert err.value.code == code


def test_kinds_cite_both_laws():
    assert co.KIND_CODES == ('account', 'income', 'seizure', 'auction', 'eviction', 'handover', 'act')
    for code, label, basis in co.KINDS:
        assert 'Luật 106/2025' in basis and 'Luật THADS 2014' in basis, code


def test_replay():
    steps = [
        Step(1, 1, 'coercion_decide', D(2026, 3, 17), None, None, 0, 'seizure'),
        Step(2, 1, 'coercion_plan', D(2026, 3, 20), T(2026, 3, 25, 8), None, 0, None),
        Step(3, 1, 'coercion_postpone', D(2026, 3, 24), None, None, 300000, None),
        Step(4, 1, 'coercion_plan', D(2026, 3, 30), T(2026, 4, 2, 8), None, 0, None),
        Step(5, 1, 'coercion_carry', D(2026, 4, 2), T(2026, 4, 2, 8), 'success', 2500000, None),
        Step(6, 1, 'coercion_cost', D(2026, 4, 5), None, None, 700000, None),
        Step(7, 7, 'coercion_decide', D(2026, 4, 6), None, None, 0, 'account'),
    ]
    result = co.replay(steps)
    assert result[1]['state'] == co.CARRIED and result[1]['result'] == 'success'
    assert (result[1]['postponed'], result[1]['cost']) == (1, 3500000)
    assert result[1]['carried_at'] == T(2026, 4, 2, 8)
    assert result[7]['state'] == co.DECIDED and result[7]['kind'] == 'account'
    with pytest.raises(CoercionError) as err:
        co.replay(steps + [Step(8, 1, 'coercion_carry', D(2026, 4, 8), T(2026, 4, 8, 9), 'failed', 0, None)])
    assert err.value.code == 'already_carried'
    with pytest.raises(CoercionError) as err:
        co.replay([Step(9, 99, 'coercion_plan', D(2026, 4, 8), None, None, 0, None)])
    assert err.value.code == 'unknown_coercion'


def test_lifecycle_has_the_coercion_events():
    for event_type in co.EVENTS:
        assert event_type in lc.TRANSITIONS
    # a decision puts the case under enforcement; the other steps keep its state
    assert lc.TRANSITIONS['coercion_decide'].target == lc.ENFORCING
    assert lc.replay(['receive', 'decide', 'notify', 'verify', 'coercion_decide', 'coercion_plan',
                      'coercion_carry', 'coercion_cost', 'complete']) == lc.DONE
    with pytest.raises(lc.TransitionError):
        lc.replay(['receive', 'decide', 'coercion_decide'])  # before notice: no voluntary period ran
