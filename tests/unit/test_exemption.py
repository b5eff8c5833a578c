"""Exemption and reduction of budget debts (issue 19 e): the steps'
deadlines against a table written from the law (data/exemption_deadlines.csv:
each row cites its article, or says it could not be read in a text), the
thresholds, the once-a-year rule and the reduction caps."""
import csv
import datetime
import os

import pytest

from thads_case_lib import deadlines, exemption
from thads_case_lib.exemption import Threshold

from test_legal_table import CAL, RULES, _records, ADDONS

HERE = os.path.dirname(__file__)
D = datetime.date.fromisoformat
with open(os.path.join(HERE, 'data', 'exemption_deadlines.csv'), encoding='utf-8') as _f:
    ROWS = list(csv.DictReader(_f))
# the shipped rules of the exemption steps (test_legal_table reads the main rule file only)
EXEMPTION_RULES = [deadlines.make_rule(
    r['code'], r['trigger_event'].split(','), r['satisfied_by'].split(','), int(r['count']), r['unit'],
    name=r['name'], date_from=D(r['date_from']) if r.get('date_from') else None,
    date_to=D(r['date_to']) if r.get('date_to') else None)
    for r in _records(os.path.join(ADDONS, 'thads_case', 'data', 'thads_exemption_rule_data.xml'),
                      'thads.deadline.rule')]


def _threshold_records():
    import xml.etree.ElementTree as ET
    path = os.path.join(ADDONS, 'thads_case', 'data', 'thads_exemption_threshold_data.xml')
    for record in ET.parse(path).getroot().iter('record'):
        yield {field.get('name'): (field.text or field.get('eval') or '').strip() for field in record.iter('field')}


def thresholds(day):
    out = []
    for r in _threshold_records():
        if (r.get('date_from') and D(r['date_from']) > day) or (r.get('date_to') and D(r['date_to']) < day):
            continue
        out.append(Threshold(r['action'], int(r['min_amount']) if r.get('min_amount') else None,
                             int(r['max_amount']) if r.get('max_amount') else None, int(r['years']),
                             r.get('partially_paid') == 'True'))
    return out


def test_table_size():
    assert len(ROWS) >= 12
    assert {r['rule'] for r in ROWS} == {r.code for r in EXEMPTION_RULES}
    assert not set(r.code for r in EXEMPTION_RULES) & set(r.code for r in RULES)


@pytest.mark.parametrize('row', ROWS, ids=lambda r: r['id'])
def test_step_deadlines(row):
    start = D(row['start'])
    rule = deadlines.applicable_rule(EXEMPTION_RULES, row['rule'], start)
    assert rule is not None and rule.count == int(row['count'])
    assert deadlines.due_date(rule, start, CAL, EXEMPTION_RULES) == D(row['expected']), row['note']


def test_every_rule_versioned_around_law_106():
    by_code = {}
    for rule in EXEMPTION_RULES:
        by_code.setdefault(rule.code, []).append(rule)
    for code, versions in by_code.items():
        assert sorted(((v.date_from, v.date_to) for v in versions), key=lambda v: v[0] or D('0001-01-01')) == [
            (None, D('2026-06-30')), (D('2026-07-01'), None)], code


def test_first_week_of_the_month():
    assert exemption.first_week_end(D('2026-01-05'), 1, CAL) == D('2026-02-09')  # 07/02 Saturday
    assert exemption.first_week_end(D('2026-11-30'), 1, CAL) == D('2026-12-07')
    assert exemption.first_week_end(D('2026-12-01'), 1, CAL) == D('2027-01-07')
    assert exemption.first_week_end(D('2026-03-31'), 2, CAL) == D('2026-05-07')


def test_process_through_the_journal_across_tet():
    """Opened Friday 30/01/2026: verified by 09/02 (10 days), file by
    13/02 ... the court accepts a file received on 12/02 by 23/02."""
    events = [deadlines.Event(D('2026-01-30'), 'exemption_open', None, None)]
    due = {c.rule.code: c.due for c in deadlines.clocks(events, EXEMPTION_RULES, CAL) if c.met is None}
    assert due == {'exemption_verify': D('2026-02-09')}
    events += [deadlines.Event(D('2026-02-05'), 'exemption_verify', None, None),
               deadlines.Event(D('2026-02-12'), 'exemption_file', None, None)]
    clocks = deadlines.clocks(events, EXEMPTION_RULES, CAL)
    met = {c.rule.code: c.met for c in clocks if c.met}
    assert met == {'exemption_verify': D('2026-02-05'), 'exemption_file': D('2026-02-12')}
    due = {c.rule.code: c.due for c in clocks if c.met is None}
    assert due == {'exemption_send': D('2026-03-09')}
    # a withdrawn proposal leaves no step of the office open
    events.append(deadlines.Event(D('2026-02-20'), 'exemption_withdraw', None, None))
    assert not [c for c in deadlines.clocks(events, EXEMPTION_RULES, CAL) if c.met is None]


def test_full_years():
    assert exemption.full_years(D('2021-03-10'), D('2026-03-09')) == 4
    assert exemption.full_years(D('2021-03-10'), D('2026-03-10')) == 5
    assert exemption.full_years(D('2020-02-29'), D('2025-02-28')) == 5


# (day, remaining, paid, years, eligible actions): Luật THADS 2014 art. 61 until 30/06/2026,
# Law 106/2025 art. 42 from 01/07/2026 (thresholds shipped in thads_exemption_threshold_data.xml)
ELIGIBILITY = [
    ('2026-03-01', 1999999, 0, 5, ['exempt']),              # art. 61(1): < 2 M, 5 years
    ('2026-03-01', 1999999, 0, 4, []),                      # too early
    ('2026-03-01', 3000000, 0, 5, []),                      # 2-5 M needs 10 years
    ('2026-03-01', 3000000, 0, 10, ['exempt']),             # art. 61(1)
    ('2026-03-01', 4000000, 100000, 5, ['exempt_remainder']),  # art. 61(2): paid ≥ 1/50
    ('2026-03-01', 50000000, 0, 5, ['reduce']),             # art. 61(3): 10-100 M, 5 years
    ('2026-03-01', 200000000, 0, 9, []),                    # > 100 M: 10 years
    ('2026-07-01', 4999999, 0, 5, ['exempt']),              # Law 106 art. 42(1)(b): < 5 M, 5 years
    ('2026-07-01', 5000000, 0, 5, ['reduce']),              # art. 42(2)(a): 5-100 M, 5 years
    ('2026-07-01', 10000000, 0, 10, ['exempt', 'reduce']),  # art. 42(1)(b) 5-10 M at 10 years (overlap)
    ('2026-07-01', 100000001, 0, 10, ['reduce']),           # art. 42(2)(b): > 100 M, 10 years
    ('2026-07-01', 4000000, 100000, 5, ['exempt']),         # art. 61(2) bands gone (42(3): no amount)
]


@pytest.mark.parametrize('day,remaining,paid,years,expected', ELIGIBILITY)
def test_eligibility(day, remaining, paid, years, expected):
    assert exemption.eligible(thresholds(D(day)), remaining, paid, years) == expected


def test_eligible_from_says_when():
    th = thresholds(D('2026-03-01'))
    assert exemption.eligible_from(th, 'exempt', 1500000, 0, D('2022-05-10')) == D('2027-05-10')
    assert exemption.eligible_from(th, 'reduce', 1500000, 0, D('2022-05-10')) is None
    th = thresholds(D('2026-07-01'))
    assert exemption.eligible_from(th, 'reduce', 200000000, 0, D('2020-02-29')) == D('2030-02-28')


def test_reduction_caps():
    th = thresholds(D('2026-07-01'))
    assert exemption.max_reduction(80000000, 5, th) == 20000000       # art. 42(2)(a): ≤ 1/4
    assert exemption.max_reduction(200000000, 10, th) == 40000000     # art. 42(2)(b): ≤ 1/5
    assert exemption.max_reduction(400000000, 10, th) == 50000000     # at most 50 M
    assert exemption.max_reduction(200000000, 9, th) is None


def test_once_a_year_per_judgment():
    """Law 106 art. 42(4): "chỉ được xét miễn hoặc giảm một lần trong 01 năm
    đối với mỗi bản án, quyết định" (2014 law art. 61(4) alike)."""
    reviews = [D('2026-03-16')]
    assert exemption.next_review_allowed(reviews, D('2027-03-15')) == D('2027-03-16')
    assert exemption.next_review_allowed(reviews, D('2027-03-16')) is None
    assert exemption.next_review_allowed([], D('2027-03-16')) is None
    assert exemption.next_review_allowed(reviews, D('2026-01-10')) is None  # before the review
