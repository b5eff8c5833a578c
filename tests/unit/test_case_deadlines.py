"""Deadline rules across holidays and both legal regimes."""
import datetime

import pytest

from thads_accounts_lib.workdays import WorkCalendar
from thads_case_lib import deadlines as dl
from thads_case_lib.deadlines import Event

D = datetime.date
CAL = WorkCalendar(
    days_off=[D(2026, 2, d) for d in (16, 17, 18, 19, 20)] + [D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1),
                                                              D(2026, 9, 1), D(2026, 9, 2)],
    makeup_days=[D(2026, 1, 10)])
OLD_END, NEW_START = D(2026, 6, 30), D(2026, 7, 1)

RULES = [
    dl.make_rule('decide', 'receive', ['decide', 'refuse'], 5, 'working_days'),
    dl.make_rule('notify', 'decide', ['notify'], 3, 'working_days'),
    dl.make_rule('voluntary', 'notify', ['verify', 'enforce', 'complete'], 10, 'days'),
    dl.make_rule('verify', 'notify', ['verify'], 20, 'days'),
    dl.make_rule('no_condition_decision', 'verify', ['no_condition'], 5, 'working_days', trigger_result='none'),
    dl.make_rule('publish', 'no_condition', ['publish'], 5, 'working_days'),
    dl.make_rule('reverify', 'no_condition', ['reverify', 'resume'], 6, 'months'),
    dl.make_rule('reverify_yearly', 'no_condition', ['reverify', 'resume'], 12, 'months',
                 trigger_grounds=['prison', 'unknown_address']),
    dl.make_rule('separate', 'no_condition', ['separate_register', 'resume'], 1, 'years', extra_working_days=3),
    dl.make_rule('confirm', 'confirm_request', ['confirm_issue'], 5, 'working_days', date_to=OLD_END),
    dl.make_rule('confirm', 'confirm_request', ['confirm_issue'], 3, 'working_days', date_from=NEW_START),
    dl.make_rule('unpublish', 'resume', ['unpublish'], 2, 'working_days', requires_event='publish'),
]


def ev(day, event_type, ground=None, result=None):
    return Event(day, event_type, ground, result)


def test_decision_deadline_across_tet():
    nxt = dl.next_deadline([ev(D(2026, 2, 12), 'receive')], RULES, CAL)
    assert (nxt.rule.code, nxt.due) == ('decide', D(2026, 2, 26))   # 13/2, 23-26/2


def test_satisfied_clock_closes_and_next_opens():
    events = [ev(D(2026, 3, 2), 'receive'), ev(D(2026, 3, 4), 'decide')]
    nxt = dl.next_deadline(events, RULES, CAL)
    assert (nxt.rule.code, nxt.due) == ('notify', D(2026, 3, 9))
    history = dl.clocks(events, RULES, CAL)
    assert history[0].rule.code == 'decide' and history[0].met == D(2026, 3, 4)


def test_voluntary_period_rolls_over_holiday():
    # notified 20/04/2026: 10 days end 30/04 (holiday) then 1/5 (holiday), weekend -> Mon 4/5
    events = [ev(D(2026, 4, 15), 'receive'), ev(D(2026, 4, 16), 'decide'), ev(D(2026, 4, 20), 'notify')]
    codes = {c.rule.code: c.due for c in dl.clocks(events, RULES, CAL) if c.met is None}
    assert codes['voluntary'] == D(2026, 5, 4)
    assert codes['verify'] == D(2026, 5, 11)   # 20 days: Sunday 10/5 -> Monday


def test_trigger_result_and_grounds():
    base = [ev(D(2026, 3, 2), 'receive'), ev(D(2026, 3, 3), 'decide'), ev(D(2026, 3, 4), 'notify')]
    with_conditions = base + [ev(D(2026, 3, 25), 'verify', result='has')]
    assert 'no_condition_decision' not in {c.rule.code for c in dl.clocks(with_conditions, RULES, CAL)}
    without = base + [ev(D(2026, 3, 25), 'verify', result='none')]
    assert dl.next_deadline(without, RULES, CAL).due == D(2026, 4, 1)
    decided = without + [ev(D(2026, 3, 27), 'no_condition', ground='no_assets')]
    open_codes = {c.rule.code: c.due for c in dl.clocks(decided, RULES, CAL) if c.met is None}
    assert open_codes['reverify'] == D(2026, 9, 28)           # 27/9 is a Sunday
    assert 'reverify_yearly' not in open_codes
    assert open_codes['separate'] == D(2027, 4, 1)            # 27/3/2027 Sat -> Mon 29/3, +3 NLV
    prison = without + [ev(D(2026, 3, 27), 'no_condition', ground='prison')]
    assert {c.rule.code for c in dl.clocks(prison, RULES, CAL) if c.met is None} >= {'reverify_yearly'}


def test_reverification_restarts_the_clock():
    events = [ev(D(2026, 3, 2), 'receive'), ev(D(2026, 3, 3), 'decide'), ev(D(2026, 3, 4), 'notify'),
              ev(D(2026, 3, 25), 'verify', result='none'), ev(D(2026, 3, 27), 'no_condition', ground='x'),
              ev(D(2026, 9, 10), 'reverify'), ev(D(2026, 9, 10), 'no_condition', ground='x')]
    open_codes = {c.rule.code: c.due for c in dl.clocks(events, RULES, CAL) if c.met is None}
    assert open_codes['reverify'] == D(2027, 3, 10)


@pytest.mark.parametrize('request_day, due', [
    (D(2026, 6, 29), D(2026, 7, 6)),   # old regime: 05 NLV
    (D(2026, 7, 1), D(2026, 7, 6)),    # NĐ 152/2026: 03 NLV
    (D(2026, 6, 30), D(2026, 7, 7)),
])
def test_confirmation_follows_the_regime_of_the_request_date(request_day, due):
    nxt = dl.next_deadline([ev(request_day, 'confirm_request')], RULES, CAL)
    assert nxt.due == due


def test_requires_event_and_final_state():
    events = [ev(D(2026, 3, 2), 'receive'), ev(D(2026, 3, 3), 'decide'), ev(D(2026, 3, 4), 'notify'),
              ev(D(2026, 3, 25), 'verify', result='none'), ev(D(2026, 3, 27), 'no_condition', ground='x'),
              ev(D(2026, 10, 1), 'resume')]
    assert 'unpublish' not in {c.rule.code for c in dl.clocks(events, RULES, CAL)}
    published = events[:5] + [ev(D(2026, 4, 2), 'publish'), events[5]]
    assert dl.next_deadline(published, RULES, CAL).rule.code == 'unpublish'
    assert dl.next_deadline(published, RULES, CAL, final_states_reached=True) is None
