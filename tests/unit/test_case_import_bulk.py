"""The bulk path of the legacy import, pure part (lib/bulk.py) and the
importer's checks it relies on (issue 17)."""
import datetime

import pytest

from thads_accounts_lib.workdays import WorkCalendar
from thads_case_lib import bulk, importer, legacy_template

OFFICES = {'HN-KV01': (1, True), 'HN-KV02': (2, True), 'QD': (3, False)}
D = datetime.date


def context(**kw):
    def normalize(event_type, value, date):
        return value

    def check_lock(office_id, date):
        return None
    args = dict(offices=OFFICES, users={'chv.hn1': 7}, normalize_ground=normalize, check_lock=check_lock,
                rules=[], calendar=WorkCalendar(), rule_id_of=lambda rule: False, today=D(2026, 11, 29),
                soon=D(2026, 12, 2), pay_label='Pay')
    args.update(kw)
    return bulk.Context(**args)


def entry(events, due=10000000, executor='chv.hn1', obligation='Trả nợ'):
    case = {'office': 'HN-KV01', 'kind': 'theo_yeu_cau', 'court': '', 'judgment_number': '1/2025',
            'judgment_date': D(2025, 1, 10), 'judgment_type': 'civil', 'decision_number': '5/QĐ',
            'decision_date': D(2025, 2, 5), 'executor': executor, 'creditor_name': '', 'creditor_id': '',
            'debtor_name': 'Nợ', 'debtor_id': '', 'obligation': obligation, 'budget': False, 'amount_due': due}
    return {'key': 'K1', 'row': 2, 'case': case,
            'events': [(3 + n, {'event_type': t, 'date': d, 'document': 'VB', 'ground': g, 'amount': a})
                       for n, (t, d, g, a) in enumerate(events)]}


def test_dates_read_fast_like_strptime():
    assert importer.parse_date('05/02/2025', 'd') == D(2025, 2, 5)
    assert importer.parse_date('2025-02-05', 'd') == D(2025, 2, 5)
    assert importer.parse_date('5/2/2025', 'd') == D(2025, 2, 5)  # the slow path still reads it
    for bad in ('31/02/2025', '2025-13-01', '05.02.2025'):
        with pytest.raises(importer.RowError) as error:
            importer.parse_date(bad, 'd')
        assert error.value.code == 'bad_date'


def test_comment_rows_foreign_office_and_rejected_case_rows():
    rows = [{'key': '# explanation', 'office': 'anything'},
            {'key': 'K1', 'office': 'HN-KV02', 'decision_number': '1/QĐ', 'decision_date': '05/02/2025',
             'debtor_name': 'A'},
            {'key': 'K1', 'event': 'notify', 'event_date': '06/02/2025'}]
    cases, errors, _skipped = importer.parse(rows, set(OFFICES), set(), set(), allowed_offices={'HN-KV01'})
    assert cases == []
    assert [(row, e.code, e.key) for row, e in errors] == [(3, 'foreign_office', 'K1'), (4, 'case_rejected', 'K1')]
    assert errors[1][1].params['row'] == 3


def test_plan_refuses_what_the_history_does_not_allow():
    plan, errors = bulk.plan_case(entry([
        ('notify', D(2025, 2, 10), '', 0), ('complete', D(2025, 2, 11), '', 0),
        ('collect', D(2025, 2, 20), '', 4000000), ('enforce', D(2025, 2, 9), '', 0)]), context())
    # after "complete" nothing is collected; an enforcement dated before the
    # notification would make the history impossible
    assert [(row, e.code, e.params['error'].code) for row, e in errors] == [
        (5, 'transition', 'not_allowed'), (6, 'transition', 'not_allowed')]
    assert [(e['event_type'], e['sequence'], e['state_after']) for e in plan['events']] == [
        ('receive', 1, 'received'), ('decide', 2, 'new'), ('notify', 3, 'voluntary'), ('complete', 4, 'done')]
    assert plan['state'] == 'done'


def test_plan_money_delegation_and_refusals():
    plan, errors = bulk.plan_case(entry([
        ('notify', D(2025, 2, 10), '', 0), ('collect', D(2025, 2, 20), '', 4000000),
        ('collect', D(2025, 2, 21), '', 9000000), ('pay_out', D(2025, 2, 22), '', 5000000),
        ('delegate', D(2025, 3, 1), 'QD', 0)]), context())
    assert [(row, e.code, e.params.get('error') and e.params['error'].code) for row, e in errors] == [
        (5, 'transition', 'over_remaining'), (6, 'transition', 'over_held')]
    assert [(e['event_type'], e['sequence'], e['state_after']) for e in plan['events']] == [
        ('receive', 1, 'received'), ('decide', 2, 'new'), ('notify', 3, 'voluntary'),
        ('collect', 4, 'voluntary'), ('delegate', 5, 'delegated')]
    delegate = plan['events'][-1]
    assert (delegate['amount'], delegate['obligation'], delegate['target_office_id']) == (6000000, None, 3)
    assert plan['_delegations'] == [{'origin_office_id': 1, 'office_id': 3, 'date': D(2025, 3, 1),
                                     'document_number': 'VB', 'amount': 6000000, 'state': 'external'}]
    assert (plan['amount_collected'], plan['amount_delegated'], plan['amount_remaining'], plan['amount_held']) == (
        4000000, 6000000, 0, 4000000)
    # the journal's running totals (thads_stats) travel with the events
    assert plan['events'][3]['stat'] == (D(2025, 3, 1), 4000000, 0, D(2025, 2, 5), False)


def test_case_refused_without_officer_and_money_without_obligation():
    plan, errors = bulk.plan_case(entry([], executor=''), context())
    assert plan is None and [(row, e.code, e.params['needs']) for row, e in errors] == [(2, 'missing', ['executor'])]
    plan, errors = bulk.plan_case(entry([('notify', D(2025, 2, 10), '', 0), ('collect', D(2025, 2, 20), '', 5)],
                                        due=0, obligation=''), context())
    assert plan['obligations'] == [] and [(row, e.params['needs']) for row, e in errors] == [(4, ['obligation'])]


def test_sample_file_and_template():
    rows = list(legacy_template.sample_rows(200, ['HN-KV01'], ['chv.hn1'], bad_share=0, seed=3))
    cases, errors, _skipped = importer.parse(rows, {'HN-KV01'}, {'chv.hn1'}, set())
    assert len(cases) == 200 and errors == []
    assert all(2 <= len(c['events']) + 1 <= 6 for c in cases)
    template = legacy_template.template_rows('HN-KV01', 'chv.hn1')
    assert template[0] == list(legacy_template.HEADER) and template[1][0].startswith('#')
    parsed, errors, _skipped = importer.parse([dict(zip(template[0], r)) for r in template[1:]],
                                              {'HN-KV01'}, {'chv.hn1'}, set())
    assert errors == [] and [len(c['events']) for c in parsed] == [3]


def test_chunk_plan_places_rows_and_knows_where_each_part_ends():
    """Rows go to parts as the staging always placed them (first cases in
    part 0, then one group of offices per part, a key's rows with its case
    row); `ends` and `complete` say when the reading has passed a part."""
    import zlib
    offices = ['A', 'B']
    group = {office: zlib.crc32(office.encode()) % 8 for office in offices}
    assert group['A'] != group['B']
    plan = bulk.ChunkPlan(chunk_size=2, first_chunk=1, groups=8)
    rows = [  # (number, key, case row, office)
        (2, 'K1', True, 'A'), (3, 'K1', False, None),   # first case: part 0
        (4, 'K2', True, 'A'), (5, 'K3', True, 'B'),     # A -> part 1, B -> part 2
        (6, 'K4', True, 'A'), (7, 'K5', True, 'A'),     # part 1 full (K2, K4): K5 opens part 3
        (8, 'K2', False, None),                         # a late row of K2 keeps part 1 open
        (9, 'ZZ', False, None),                         # no case row above: with the latest case (K5)
        (10, 'K3', True, 'A'),                          # K3 again with a QĐ: still its first part
    ]
    placed = [plan.place(*row) for row in rows]
    assert placed == [0, 0, 1, 2, 1, 3, 1, 3, 2]
    assert (plan.cases, plan.count, plan.rows) == (5, 4, 9)
    assert plan.ends == {0: 3, 1: 8, 2: 10, 3: 9}
    assert plan.complete(7) == {0}
    assert plan.complete(9) == {0, 1, 3}
    assert plan.complete(10) == {0, 1, 2, 3}
    # a second pass over the same rows places them the same way
    again = bulk.ChunkPlan(chunk_size=2, first_chunk=1, groups=8)
    assert [again.place(*row) for row in rows] == placed and again.ends == plan.ends


def test_chunk_plan_without_a_first_part_and_without_cases():
    plan = bulk.ChunkPlan(chunk_size=10, first_chunk=0, groups=1)
    assert [plan.place(2, 'K1', True, 'A'), plan.place(3, 'K2', True, 'B')] == [0, 0]
    assert plan.count == 1
    empty = bulk.ChunkPlan(chunk_size=10, first_chunk=5)
    assert empty.place(2, 'X', False, None) == 0 and empty.count == 1 and empty.cases == 0
