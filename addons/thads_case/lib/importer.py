"""Validation of legacy-import rows (CSV or XLSX, one row per event).

Format (header names, any order; see README "Legacy import"):
  key            external key of the case (required on every row)
  office         office code                    } case row: the first row of
  kind           chu_dong | theo_yeu_cau        } a key, with decision_number;
  court, judgment_number, judgment_date, judgment_type
  decision_number, decision_date, executor (login)
  creditor_name, creditor_id, debtor_name, debtor_id (CCCD/CMND or tax code)
  obligation, amount_due (đồng), budget (1 if owed to the state budget)
  event, event_date, document, ground, amount    an event (optional on a case row)

A case row creates the case with its "receive" and "decide" events; further
rows of the same key add events in file order.  A key already in the
database is skipped whole (re-importing a file changes nothing).
"""
import datetime
import re

from . import identity, lifecycle

CASE_FIELDS = ('office', 'kind', 'court', 'judgment_number', 'judgment_date', 'judgment_type',
               'decision_number', 'decision_date', 'executor', 'creditor_name', 'creditor_id',
               'debtor_name', 'debtor_id', 'obligation', 'amount_due', 'budget')
EVENT_FIELDS = ('event', 'event_date', 'document', 'ground', 'amount')
KINDS = ('chu_dong', 'theo_yeu_cau')
JUDGMENT_TYPES = ('civil', 'criminal', 'administrative', 'family', 'business', 'labour',
                  'bankruptcy', 'arbitration', 'other')
# coercion steps carry data the legacy file has no column for (kind, time, result, cost)
# (an answer to the procuracy is recorded by its recommendation, thads.case.vks.recommendation)
IMPORTABLE_EVENTS = tuple(e for e in lifecycle.TRANSITIONS if e not in ('receive', 'decide', 'vks_answer')
                          and not e.startswith('coercion_'))


_DATE = re.compile(r'^(?:(\d{2})/(\d{2})/(\d{4})|(\d{4})-(\d{2})-(\d{2}))$')


class RowError(ValueError):
    """A refused row: `code` names the reason, `params` fill the message,
    `key` is the row's case key (set by parse)."""

    def __init__(self, code, **params):
        super(RowError, self).__init__(code, params)
        self.code = code
        self.params = params
        self.key = params.get('value') if code in ('duplicate_key', 'event_without_case', 'case_rejected') else ''


def parse_date(value, column):
    value = (value or '').strip() if not isinstance(value, (datetime.date, datetime.datetime)) else value
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not value:
        raise RowError('missing', column=column)
    match = _DATE.match(value)
    if match:  # the two formats, read without strptime (millions of rows)
        day, month, year = match.group(1, 2, 3) if match.group(1) else match.group(6, 5, 4)
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise RowError('bad_date', column=column, value=value)
    for fmt in ('%d/%m/%Y', '%Y-%m-%d'):
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise RowError('bad_date', column=column, value=value)


def parse_money(value, column, required=True):
    if value in (None, ''):
        if required:
            raise RowError('missing', column=column)
        return 0
    if isinstance(value, float) and value == int(value):
        value = int(value)
    text = re.sub(r'[\s.,]', '', str(value)) if isinstance(value, str) else str(value)
    if not re.match(r'^-?\d+$', text):
        raise RowError('bad_money', column=column, value=value)
    amount = int(text)
    if amount < 0:
        raise RowError('negative_money', column=column, value=value)
    return amount


def check_party_id(value, column):
    if not value:
        return ''
    value = identity.normalize(str(value))
    if not (identity.check_person_id(value) or identity.check_tax_code(value)):
        raise RowError('bad_id', column=column, value=value)
    return value


def clean(row):
    return {k.strip().lower(): (v.strip() if isinstance(v, str) else v)
            for k, v in row.items() if k}


def parse_case(row, office_codes, logins, allowed_offices=None):
    office = row.get('office') or ''
    if office not in office_codes:
        raise RowError('unknown_office', value=office)
    if allowed_offices is not None and office not in allowed_offices:
        raise RowError('foreign_office', value=office)
    kind = row.get('kind') or 'theo_yeu_cau'
    if kind not in KINDS:
        raise RowError('bad_choice', column='kind', value=kind)
    judgment_type = row.get('judgment_type') or 'civil'
    if judgment_type not in JUDGMENT_TYPES:
        raise RowError('bad_choice', column='judgment_type', value=judgment_type)
    executor = row.get('executor') or ''
    if executor and executor not in logins:
        raise RowError('unknown_executor', value=executor)
    decision_date = parse_date(row.get('decision_date'), 'decision_date')
    judgment_date = parse_date(row.get('judgment_date'), 'judgment_date') if row.get('judgment_date') else None
    if judgment_date and judgment_date > decision_date:
        raise RowError('judgment_after_decision')
    if not row.get('debtor_name'):
        raise RowError('missing', column='debtor_name')
    return {
        'office': office, 'kind': kind, 'court': row.get('court') or '',
        'judgment_number': row.get('judgment_number') or '', 'judgment_date': judgment_date,
        'judgment_type': judgment_type, 'decision_number': row['decision_number'],
        'decision_date': decision_date, 'executor': executor,
        'creditor_name': row.get('creditor_name') or '',
        'creditor_id': check_party_id(row.get('creditor_id'), 'creditor_id'),
        'debtor_name': row['debtor_name'], 'debtor_id': check_party_id(row.get('debtor_id'), 'debtor_id'),
        'obligation': row.get('obligation') or '', 'budget': str(row.get('budget') or '') in ('1', 'True', 'true', 'x'),
        'amount_due': parse_money(row.get('amount_due'), 'amount_due', required=False),
    }


def parse_event(row):
    event_type = row.get('event') or ''
    if event_type not in IMPORTABLE_EVENTS:
        raise RowError('bad_choice', column='event', value=event_type)
    return {
        'event_type': event_type, 'date': parse_date(row.get('event_date'), 'event_date'),
        'document': row.get('document') or '', 'ground': row.get('ground') or '',
        'amount': parse_money(row.get('amount'), 'amount', required=False),
    }


def parse(rows, office_codes, logins, existing_keys, allowed_offices=None, start=2):
    """Group and validate rows (dicts, numbered from `start`, 2 like a
    spreadsheet; or (number, dict) pairs when start is None).

    Returns (cases, errors, skipped): cases is an ordered list of
    {'key', 'row', 'case', 'events': [(row, event)]}; errors a list of
    (row number, RowError), each error's `key` set; skipped the keys
    already in the database.  allowed_offices: the office codes the
    importer may import into (the office subtree of the import), None for
    all.  An event row of a refused case row is refused naming that row.
    The life cycle and money checks run when the events are applied.
    """
    cases, by_key, errors, skipped, refused = [], {}, [], set(), {}
    numbered = enumerate(rows, start=start) if start is not None else rows
    for number, raw in numbered:
        row = clean(raw)
        if not any(row.values()):
            continue
        key = str(row.get('key') or '')
        if key.startswith('#'):
            continue  # a comment (the template's explanation row)
        try:
            if not key:
                raise RowError('missing', column='key')
            if key in existing_keys:
                skipped.add(key)
                continue
            if row.get('decision_number'):
                if key in by_key:
                    raise RowError('duplicate_key', value=key)
                try:
                    case = parse_case(row, office_codes, logins, allowed_offices)
                except RowError:
                    refused.setdefault(key, number)
                    raise
                entry = {'key': key, 'row': number, 'case': case, 'events': []}
                by_key[key] = entry
                cases.append(entry)
                if row.get('event'):
                    entry['events'].append((number, parse_event(row)))
            else:
                if key not in by_key:
                    if key in refused:
                        raise RowError('case_rejected', value=key, row=refused[key])
                    raise RowError('event_without_case', value=key)
                by_key[key]['events'].append((number, parse_event(row)))
        except RowError as error:
            error.key = key
            errors.append((number, error))
    return cases, errors, sorted(skipped)
