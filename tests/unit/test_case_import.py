"""Legacy-import row validation."""
import datetime

from thads_case_lib import identity, importer
from thads_case_lib.exemption import Threshold, eligible

OFFICES = {'HN-KV01', 'HN-KV02'}
LOGINS = {'chv.hn1'}


def case_row(**kw):
    row = {'key': 'K1', 'office': 'HN-KV01', 'kind': 'theo_yeu_cau', 'decision_number': '12/QĐ-THADS',
           'decision_date': '05/03/2026', 'judgment_date': '2026-01-10', 'debtor_name': 'Nguyễn Văn A',
           'debtor_id': '001090000123', 'amount_due': '15.000.000', 'executor': 'chv.hn1'}
    row.update(kw)
    return row


def test_good_rows_grouped_by_key():
    rows = [case_row(), {'key': 'K1', 'event': 'notify', 'event_date': '10/03/2026', 'document': 'TB-1'},
            case_row(key='K2', office='HN-KV02', executor=''),
            {'key': 'K1', 'event': 'collect', 'event_date': '2026-03-20', 'amount': '5000000'}]
    cases, errors, skipped = importer.parse(rows, OFFICES, LOGINS, set())
    assert errors == [] and skipped == []
    assert [c['key'] for c in cases] == ['K1', 'K2']
    k1 = cases[0]
    assert k1['case']['amount_due'] == 15000000
    assert k1['case']['decision_date'] == datetime.date(2026, 3, 5)
    assert [(row, e['event_type']) for row, e in k1['events']] == [(3, 'notify'), (5, 'collect')]


def test_bad_rows_reported_with_row_and_reason():
    rows = [
        case_row(key='A', debtor_id='12345'),                 # bad ID number
        case_row(key='B', office='XX'),                       # unknown office
        case_row(key='C', amount_due='-100'),                 # negative money
        case_row(key='D', decision_date='31/02/2026'),        # bad date
        case_row(key='E'),
        case_row(key='E'),                                    # duplicate key
        {'key': 'Z', 'event': 'notify', 'event_date': '01/03/2026'},  # event of no case
        {'key': 'E', 'event': 'fly', 'event_date': '01/03/2026'},     # unknown event
        case_row(key='F', executor='nobody'),
        case_row(key='G', judgment_date='2026-04-01'),        # judgment after the decision
    ]
    cases, errors, _skipped = importer.parse(rows, OFFICES, LOGINS, set())
    assert [c['key'] for c in cases] == ['E']
    assert [(row, err.code) for row, err in errors] == [
        (2, 'bad_id'), (3, 'unknown_office'), (4, 'negative_money'), (5, 'bad_date'),
        (7, 'duplicate_key'), (8, 'event_without_case'), (9, 'bad_choice'), (10, 'unknown_executor'),
        (11, 'judgment_after_decision')]
    assert errors[0][1].params == {'column': 'debtor_id', 'value': '12345'}


def test_existing_keys_skipped_whole():
    rows = [case_row(), {'key': 'K1', 'event': 'notify', 'event_date': '10/03/2026'}]
    cases, errors, skipped = importer.parse(rows, OFFICES, LOGINS, {'K1'})
    assert (cases, errors, skipped) == ([], [], ['K1'])


def test_identity_numbers():
    assert identity.check_person_id('001090000123')
    assert identity.check_person_id('001 090 000 123')
    assert not identity.check_person_id('999090000123')   # no province 999
    assert identity.check_person_id('123456789')          # CMND
    assert not identity.check_person_id('12345678')
    assert identity.check_tax_code('0101234567')
    assert identity.check_tax_code('0101234567-001')
    assert not identity.check_tax_code('01012345')


THRESHOLDS = [
    Threshold('exempt', None, 2000000, 5, False),
    Threshold('exempt', 2000000, 5000000, 10, False),
    Threshold('exempt_remainder', None, 5000000, 5, True),
    Threshold('exempt_remainder', 5000000, 10000000, 10, True),
    Threshold('reduce', 10000000, 100000000, 5, False),
    Threshold('reduce', 100000000, None, 10, False),
]


def test_exemption_thresholds():
    assert eligible(THRESHOLDS, 1500000, 0, 5) == ['exempt']
    assert eligible(THRESHOLDS, 1500000, 0, 4) == []
    assert eligible(THRESHOLDS, 3000000, 0, 9) == []
    assert eligible(THRESHOLDS, 3000000, 0, 10) == ['exempt']
    assert eligible(THRESHOLDS, 4000000, 100000, 5) == ['exempt_remainder']   # paid >= 1/50
    assert eligible(THRESHOLDS, 4000000, 10000, 5) == []                      # paid < 1/50
    assert eligible(THRESHOLDS, 50000000, 0, 5) == ['reduce']
    assert eligible(THRESHOLDS, 150000000, 0, 7) == []
