"""Deadlines against a table written from the law and the official calendar.

tests/unit/data/legal_deadlines.csv was written by hand from the legal texts
and the official holiday notices (README_legal_tables.md lists the sources,
the holiday lists and what is unsourced), never from this code's output.
Each row: a trigger date, a unit or a legal rule, a count, the expected last
day.  The calendar under test is the shipped one: the computed Labour Code
holidays plus the official notices of the data file; the rules are the
shipped rule data.  tet_dates.csv checks the lunar computation.
"""
import csv
import datetime
import os
import xml.etree.ElementTree as ET

import pytest

from thads_accounts_lib import lunar
from thads_accounts_lib.workdays import VietnamCalendar
from thads_case_lib import deadlines

HERE = os.path.dirname(__file__)
ADDONS = os.path.join(HERE, '..', '..', 'addons')
D = datetime.date.fromisoformat


def _records(path, model):
    for record in ET.parse(path).getroot().iter('record'):
        if record.get('model') == model:
            yield {field.get('name'): (field.text or '').strip() for field in record.iter('field')}


def shipped_calendar():
    days = list(_records(os.path.join(ADDONS, 'thads_accounts', 'data', 'thads_calendar_day_data.xml'),
                         'thads.calendar.day'))
    return VietnamCalendar(days_off=[D(d['date']) for d in days if d['kind'] == 'off'],
                           working_days=[D(d['date']) for d in days if d['kind'] == 'work'])


def shipped_rules():
    rules = []
    for r in _records(os.path.join(ADDONS, 'thads_case', 'data', 'thads_deadline_rule_data.xml'),
                      'thads.deadline.rule'):
        split = lambda v: [x for x in (v or '').split(',') if x]  # noqa: E731
        rules.append(deadlines.make_rule(
            r['code'], split(r['trigger_event']), split(r['satisfied_by']), int(r['count']), r['unit'],
            extra_working_days=int(r.get('extra_working_days') or 0),
            date_from=D(r['date_from']) if r.get('date_from') else None,
            date_to=D(r['date_to']) if r.get('date_to') else None,
            case_kind=r.get('case_kind') or None, trigger_grounds=split(r.get('trigger_grounds')),
            except_grounds=split(r.get('except_grounds')), trigger_result=r.get('trigger_result') or None,
            requires_event=r.get('requires_event') or None, start_from=r.get('start_from') or 'event',
            after_rule=r.get('after_rule') or None))
    return rules


CAL = shipped_calendar()
RULES = shipped_rules()
with open(os.path.join(HERE, 'data', 'legal_deadlines.csv'), encoding='utf-8') as _f:
    ROWS = list(csv.DictReader(_f))
with open(os.path.join(HERE, 'data', 'tet_dates.csv'), encoding='utf-8') as _f:
    TET = list(csv.DictReader(_f))

UNITS = ('working_days', 'days', 'months', 'years')
# table rule -> (rule code, case kind, ground) in the shipped rules
RULE_OF = {
    'decide': ('decide', 'theo_yeu_cau', None),
    'decide_ex_officio': ('decide_ex_officio', 'chu_dong', None),
    'notify': ('notify', None, None),
    'no_condition_decision': ('no_condition_decision', None, None),
    'resume_new_info': ('resume_new_info', None, None),
    'voluntary': ('voluntary', None, None),
    'verify': ('verify', None, None),
    'open_file': ('open_file', None, None),
    'change_executor': ('change_executor', None, None),
    'publish': ('publish', None, None),
    'unpublish': ('unpublish', None, None),
    'update_publication': ('update_publication', None, None),
    'confirm': ('confirm', None, None),
    'delegated_verification_registered': ('delegated_verification_registered', None, 'registered_assets'),
    'delegated_verification_other': ('delegated_verification_other', None, 'other_conditions'),
    'reverify': ('reverify', None, '44a_1a'),
    'reverify_yearly': ('reverify_yearly', None, '44a_1c'),
}


def rule_for(row):
    start = D(row['start'])
    if row['rule'] == 'separate_register':
        # 1 year (+03 NLV), or 2 years for prison / address unknown, before
        # 01/07/2026; 2 years from then (the ex officio register)
        code = 'separate_register_yearly' if row['count'] == '2' and start < D('2026-07-01') \
            else 'separate_register'
        return deadlines.applicable_rule(RULES, code, start)
    code = RULE_OF[row['rule']][0]
    return deadlines.applicable_rule(RULES, code, start)


def test_table_size_and_coverage():
    assert len(ROWS) >= 80
    years = {D(r['expected']).year for r in ROWS}
    assert {2026, 2027, 2029, 2030, 2031} <= years
    assert any(r['start'] < '2026-07-01' <= r['expected'] for r in ROWS)


@pytest.mark.parametrize('row', [r for r in ROWS if r['rule'] in UNITS], ids=lambda r: r['id'])
def test_units(row):
    assert CAL.add(D(row['start']), int(row['count']), row['rule']) == D(row['expected']), row['note']


@pytest.mark.parametrize('row', [r for r in ROWS if r['rule'] == 'incomplete_notice'], ids=lambda r: r['id'])
def test_incomplete_notice(row):
    # NĐ 152/2026 art. 9(6): the online support step "incomplete: notice"
    # takes 01 working day (thads_support procedure data)
    assert CAL.add_working_days(D(row['start']), 1) == D(row['expected'])


@pytest.mark.parametrize('row', [r for r in ROWS if r['rule'] not in UNITS and r['rule'] != 'incomplete_notice'],
                         ids=lambda r: r['id'])
def test_legal_rules(row):
    rule = rule_for(row)
    assert rule is not None, 'no rule %s valid on %s' % (row['rule'], row['start'])
    # the count the row read in the law is the count of the version in force
    assert rule.count == int(row['count']), '%s on %s: the data counts %s' % (row['rule'], row['start'], rule.count)
    due = deadlines.due_date(rule, D(row['start']), CAL, RULES)
    assert due == D(row['expected']), '%s %s: %s (%s)' % (row['rule'], rule.legal_basis if hasattr(
        rule, 'legal_basis') else rule.code, due, row['note'])


def test_rules_through_events():
    """The same composition through a case's journal: notified on Monday
    20/04/2026, the voluntary period ends on 30/04 (holiday) → Monday 04/05;
    the 10 days of verification then end on 14/05 (art. 44(1))."""
    events = [deadlines.Event(D('2026-04-15'), 'receive', None, None),
              deadlines.Event(D('2026-04-16'), 'decide', None, None),
              deadlines.Event(D('2026-04-20'), 'notify', None, None)]
    due = {c.rule.code: c.due for c in deadlines.clocks(events, RULES, CAL, 'theo_yeu_cau') if c.met is None}
    assert due['voluntary'] == D('2026-05-04')
    assert due['verify'] == D('2026-05-14')


def test_verification_after_law_106():
    """Notified on 01/07/2026: the voluntary period (Law 106 art. 36(1), 10
    days) ends Saturday 11/07 -> Monday 13/07; the verification then has 09
    days (art. 37(1)), ending 22/07, where the 2014 law's 10 days of a
    notification on 30/06 end 20/07 (voluntary ends Friday 10/07)."""
    def due(notified):
        events = [deadlines.Event(D('2026-06-25'), 'receive', None, None),
                  deadlines.Event(D('2026-06-26'), 'decide', None, None),
                  deadlines.Event(D(notified), 'notify', None, None)]
        return {c.rule.code: c.due for c in deadlines.clocks(events, RULES, CAL, 'theo_yeu_cau') if c.met is None}
    assert due('2026-07-01')['verify'] == D('2026-07-22')
    assert due('2026-06-30')['verify'] == D('2026-07-20')


def test_yearly_reverification_grounds_across_law_106():
    """Law 106 art. 38(3): yearly for a debtor in prison (>= 2 years left) or
    whose new address is unknown, every 6 months otherwise; the debtor's own
    unknown address is no longer a ground of art. 38(1)(c), so 44a_1c ends on
    30/06/2026 and its cases keep the yearly re-verification."""
    grounds = {g['code']: g for g in _records(
        os.path.join(ADDONS, 'thads_case', 'data', 'thads_case_ground_data.xml'), 'thads.case.ground')}
    assert grounds['44a_1c'].get('date_to') == '2026-06-30'
    assert grounds['38_1_address_unknown'].get('date_from') == '2026-07-01'
    for day, ground, expected in (('2026-06-10', '44a_1c', 'reverify_yearly'),
                                  ('2026-06-10', '44a_1a', 'reverify'),
                                  ('2026-09-10', '38_1_address_unknown', 'reverify_yearly'),
                                  ('2026-09-10', '44a_1a_prison', 'reverify_yearly'),
                                  ('2026-09-10', '44a_1a', 'reverify')):
        events = [deadlines.Event(D(day), 'no_condition', ground, None)]
        codes = {c.rule.code for c in deadlines.clocks(events, RULES, CAL, 'chu_dong') if c.met is None}
        assert expected in codes and ({'reverify', 'reverify_yearly'} - {expected}).isdisjoint(codes), (day, ground)
    # decided on 44a_1c before 01/07/2026, re-verified after: still yearly
    events = [deadlines.Event(D('2026-03-10'), 'no_condition', '44a_1c', None),
              deadlines.Event(D('2027-03-10'), 'reverify', None, 'none')]
    open_codes = {c.rule.code: c for c in deadlines.clocks(events, RULES, CAL, 'chu_dong') if c.met is None}
    assert open_codes['reverify_yearly'].due == D('2028-03-10') and 'reverify' not in open_codes


@pytest.mark.parametrize('row', TET, ids=lambda r: r['year'])
def test_lunar_new_year(row):
    year = int(row['year'])
    assert lunar.tet(year) == D(row['tet'])
    if row['gio_to']:
        assert lunar.hung_kings_day(year) == D(row['gio_to'])


def test_lunar_table_size():
    assert len(TET) >= 20
