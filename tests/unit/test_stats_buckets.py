"""Issue 19: the life cycle is the one source of the statistics' buckets and
of the event buttons (thads_case/lib/lifecycle.py)."""
from thads_case_lib import lifecycle as lc

COLUMNS = {'carried', 'new', 'delegated', 'revoked', 'done', 'terminated', 'enforcing', 'postponed',
           'suspended', 'other', 'no_condition'}


def test_every_state_has_a_bucket():
    missing = [state for state in lc.STATES if state not in lc.STAT_BUCKETS]
    assert not missing, 'states without a statistical bucket: %s' % missing
    assert set(lc.STAT_BUCKETS) == set(lc.STATES)
    for state, bucket in lc.STAT_BUCKETS.items():
        assert bucket is None or bucket == lc.FINISHED or bucket in COLUMNS, (state, bucket)


def test_pending_states_are_counted():
    for state in lc.PENDING:
        assert lc.STAT_BUCKETS[state] in ('enforcing', 'no_condition', 'postponed', 'suspended')


def test_button_states_are_the_transition_sources():
    for event_type, transition in lc.TRANSITIONS.items():
        assert set(lc.source_states(event_type)) == {s for s in transition.sources if s}, event_type


def test_views_do_not_copy_the_button_states():
    """The event buttons' states come from lifecycle.source_states at view
    time (thads.case.fields_view_get): a `states` attribute written in a
    view would be a second copy of the life cycle, silently overridden."""
    import glob
    import os
    from lxml import etree
    root = os.path.join(os.path.dirname(__file__), '..', '..', 'addons')
    copies = []
    for path in glob.glob(os.path.join(root, '*', 'views', '*.xml')):
        for button in etree.parse(path).iter('button'):
            if button.get('name') == 'action_event' and button.get('states'):
                copies.append('%s: %s' % (os.path.basename(path), button.get('context')))
    assert not copies, copies
