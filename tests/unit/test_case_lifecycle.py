"""Every transition of the case life cycle allowed and refused; money exact."""
import pytest

from thads_case_lib import lifecycle as lc
from thads_case_lib.lifecycle import Money, TransitionError


def test_every_transition_allowed_from_its_sources_and_refused_elsewhere():
    for event_type, transition in lc.TRANSITIONS.items():
        for state in [None] + lc.STATES:
            if state in transition.sources:
                assert lc.next_state(state, event_type) == (transition.target or state)
            else:
                with pytest.raises(TransitionError) as err:
                    lc.next_state(state, event_type)
                assert err.value.code == 'not_allowed'
                assert err.value.params == {'event_type': event_type, 'state': state}


def test_typical_paths():
    assert lc.replay(['receive', 'decide', 'notify', 'verify', 'enforce', 'complete', 'close', 'archive']) \
        == lc.ARCHIVED
    assert lc.replay(['receive', 'decide', 'notify', 'verify', 'no_condition', 'reverify',
                      'separate_register', 'new_info', 'resume']) == lc.ENFORCING
    assert lc.replay(['receive', 'refuse']) == lc.REFUSED
    assert lc.replay(['receive', 'decide', 'notify', 'postpone', 'ground_ended', 'resume',
                      'delegate']) == lc.DELEGATED


def test_states_after_each_event():
    """What each event's state_after holds; a collection keeps the state."""
    assert lc.states_after(['receive', 'decide', 'notify', 'collect', 'enforce', 'collect']) == [
        lc.RECEIVED, lc.NEW, lc.VOLUNTARY, lc.VOLUNTARY, lc.ENFORCING, lc.ENFORCING]
    assert lc.states_after([]) == [] and lc.replay([]) is None
    with pytest.raises(TransitionError) as err:
        lc.states_after(['receive', 'decide', 'complete'])
    assert err.value.params == {'event_type': 'complete', 'state': lc.NEW}


@pytest.mark.parametrize('events', [
    ['decide'],                               # no judgment or request received
    ['receive', 'decide', 'complete'],        # not notified yet
    ['receive', 'decide', 'notify', 'no_condition'],  # must be verified first
    ['receive', 'decide', 'notify', 'complete', 'resume'],
    ['receive', 'refuse', 'decide'],
    ['receive', 'decide', 'notify', 'delegate', 'collect'],
])
def test_impossible_paths_refused(events):
    with pytest.raises(TransitionError):
        lc.replay(events)


def test_unknown_event():
    with pytest.raises(TransitionError) as err:
        lc.next_state(lc.NEW, 'teleport')
    assert err.value.code == 'unknown_event'


def test_allowed_events_of_no_condition():
    assert set(lc.allowed_events(lc.NO_CONDITION)) >= {'reverify', 'separate_register', 'resume', 'publish',
                                                       'collect', 'terminate', 'delegate'}
    assert 'complete' not in lc.allowed_events(lc.NO_CONDITION)


def test_money_partial_collection_reduction_delegation():
    money = Money(due=150000000)
    money.apply('collect', 20000000).apply('collect', 5000000)
    assert (money.collected, money.remaining, money.held) == (25000000, 125000000, 25000000)
    money.apply('pay_out', 25000000)
    assert money.held == 0
    money.apply('reduce', 25000000)          # a court reduces by a quarter
    money.apply('delegate', 60000000)        # part of the debt delegated
    assert money.remaining == 150000000 - 25000000 - 25000000 - 60000000 == 40000000
    money.apply('collect', 40000000)
    assert money.remaining == 0


@pytest.mark.parametrize('event_type, amount, code', [
    ('collect', 1000001, 'over_remaining'),
    ('reduce', 1000001, 'over_remaining'),
    ('delegate', 1000001, 'over_remaining'),
    ('pay_out', 1, 'over_held'),
    ('collect', -5, 'negative'),
    ('collect', 10.5, 'not_whole'),
])
def test_money_refused(event_type, amount, code):
    with pytest.raises(TransitionError) as err:
        Money(due=1000000).apply(event_type, amount)
    assert err.value.code == code


def test_money_is_exact_for_large_amounts():
    money = Money(due=987654321987654)
    for _ in range(3):
        money.apply('collect', 123456789)
    assert money.remaining == 987654321987654 - 3 * 123456789
