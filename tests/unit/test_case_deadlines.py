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
    # the case ends: the clocks opened before are dropped
    ended = published + [ev(D(2026, 10, 2), 'unpublish'), ev(D(2026, 10, 5), 'terminate')]
    states = ['received', 'new', 'voluntary', 'verification', 'no_condition', 'no_condition', 'enforcing',
              'enforcing', 'terminated']
    assert dl.next_deadline(ended, RULES, CAL, states=states, final_states=('terminated',)) is None


def test_clocks_opened_by_or_after_the_final_event_still_run():
    """Taking a publication down after the case ends, and a confirmation
    requested on a completed case, keep their deadlines."""
    rules = RULES + [dl.make_rule('unpublish_end', ['terminate', 'complete'], ['unpublish'], 2, 'working_days',
                                  requires_event='publish')]
    events = [ev(D(2026, 3, 2), 'receive'), ev(D(2026, 3, 3), 'decide'), ev(D(2026, 3, 4), 'notify'),
              ev(D(2026, 4, 2), 'publish'), ev(D(2026, 6, 1), 'terminate')]
    states = ['received', 'new', 'voluntary', 'voluntary', 'terminated']
    nxt = dl.next_deadline(events, rules, CAL, states=states, final_states=('terminated', 'done'))
    assert (nxt.rule.code, nxt.due) == ('unpublish_end', D(2026, 6, 3))
    done = [ev(D(2026, 3, 2), 'receive'), ev(D(2026, 3, 3), 'decide'), ev(D(2026, 3, 4), 'notify'),
            ev(D(2026, 3, 10), 'complete'), ev(D(2026, 8, 27), 'confirm_request')]
    states = ['received', 'new', 'voluntary', 'done', 'done']
    nxt = dl.next_deadline(done, RULES, CAL, states=states, final_states=('done',))
    assert (nxt.rule.code, nxt.due) == ('confirm', D(2026, 9, 3))   # 28/8, 31/8, (1-2/9 off) 3/9


def test_composed_period_starts_after_the_roll_over():
    """Verification "within 10 days after the voluntary period ends" (art.
    44(1)) counts from the rolled-over end (Civil Code art. 148), not from
    notification + 20 days."""
    rules = [dl.make_rule('voluntary', 'notify', ['verify'], 10, 'days'),
             dl.make_rule('verify', 'notify', ['verify'], 10, 'days', start_from='rule_end', after_rule='voluntary')]
    # notified 20/04/2026: 10 days end 30/04 (off), 1/5 (off), weekend -> Mon 04/05; +10 days -> Thu 14/05
    due = {c.rule.code: c.due for c in dl.clocks([ev(D(2026, 4, 20), 'notify')], rules, CAL)}
    assert due == {'voluntary': D(2026, 5, 4), 'verify': D(2026, 5, 14)}
    assert D(2026, 4, 20) + datetime.timedelta(days=20) != due['verify']


def test_cycle_of_composed_rules_is_refused():
    rules = [dl.make_rule('a', 'notify', [], 1, 'days', start_from='rule_end', after_rule='b'),
             dl.make_rule('b', 'notify', [], 1, 'days', start_from='rule_end', after_rule='a')]
    with pytest.raises(dl.RuleError):
        dl.clocks([ev(D(2026, 4, 20), 'notify')], rules, CAL)


def test_yearly_grounds_follow_the_case_ground():
    """A re-verification carries no ground: the yearly rhythm follows the
    ground of the case's decision (address unknown: yearly, art. 44(2))."""
    rules = [dl.make_rule('reverify', ['no_condition', 'reverify'], ['reverify'], 6, 'months',
                          except_grounds=['44a_1c']),
             dl.make_rule('reverify_yearly', ['no_condition', 'reverify'], ['reverify'], 12, 'months',
                          trigger_grounds=['44a_1c'])]
    events = [ev(D(2026, 3, 27), 'no_condition', ground='44a_1c'), ev(D(2026, 9, 10), 'reverify')]
    open_codes = {c.rule.code: c.due for c in dl.clocks(events, rules, CAL) if c.met is None}
    assert open_codes == {'reverify_yearly': D(2027, 9, 10)}
