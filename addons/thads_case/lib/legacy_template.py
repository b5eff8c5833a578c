"""The legacy import's template (headers, an explanation row, examples)
and a generator of realistic legacy files (tests, bench/import_bench.py).

Rows whose key starts with "#" are comments: the importer skips them, so
the template's explanation row may stay in a filled file.
"""
import csv
import datetime
import io
import random

HEADER = ('key', 'office', 'kind', 'court', 'judgment_number', 'judgment_date', 'judgment_type',
          'decision_number', 'decision_date', 'executor', 'creditor_name', 'creditor_id', 'debtor_name',
          'debtor_id', 'obligation', 'amount_due', 'budget', 'event', 'event_date', 'document', 'ground', 'amount')
# the explanation row (Vietnamese: the file is filled by the offices)
EXPLANATION = {
    'key': '# Mã hồ sơ ở hệ thống cũ (bắt buộc mọi dòng; dòng bắt đầu bằng # bị bỏ qua)',
    'office': 'Mã cơ quan THADS (dòng hồ sơ)',
    'kind': 'chu_dong hoặc theo_yeu_cau',
    'court': 'Tòa án đã xử',
    'judgment_number': 'Số bản án',
    'judgment_date': 'Ngày bản án (dd/mm/yyyy hoặc yyyy-mm-dd)',
    'judgment_type': 'civil, criminal, administrative, family, business, labour, bankruptcy, arbitration, other',
    'decision_number': 'Số QĐ THA: có số là dòng hồ sơ (tạo hồ sơ), để trống là dòng sự kiện',
    'decision_date': 'Ngày QĐ THA',
    'executor': 'Tên đăng nhập của Chấp hành viên',
    'creditor_name': 'Người được thi hành án',
    'creditor_id': 'CCCD, CMND hoặc mã số thuế',
    'debtor_name': 'Người phải thi hành án (bắt buộc)',
    'debtor_id': 'CCCD, CMND hoặc mã số thuế',
    'obligation': 'Nghĩa vụ',
    'amount_due': 'Số tiền phải thi hành (đồng, 15.000.000 hoặc 15000000)',
    'budget': '1 nếu nộp ngân sách nhà nước',
    'event': 'Loại sự kiện (notify, verify, enforce, collect, pay_out, complete, ...)',
    'event_date': 'Ngày sự kiện',
    'document': 'Số văn bản của sự kiện',
    'ground': 'Căn cứ pháp lý; với verify: has/none; với delegate: mã cơ quan nhận ủy thác',
    'amount': 'Số tiền của sự kiện (đồng)',
}
EXAMPLES = (
    {'key': 'HS-0001', 'office': 'MA-CQ', 'kind': 'theo_yeu_cau', 'court': 'TAND khu vực 1',
     'judgment_number': '12/2024/DS-ST', 'judgment_date': '10/01/2025', 'judgment_type': 'civil',
     'decision_number': '105/QĐ-THADS', 'decision_date': '05/02/2025', 'executor': 'chv.dangnhap',
     'creditor_name': 'Trần Văn Có', 'creditor_id': '079185000456', 'debtor_name': 'Lê Văn Nợ',
     'debtor_id': '001090000777', 'obligation': 'Trả nợ', 'amount_due': '50.000.000', 'budget': '',
     'event': 'notify', 'event_date': '10/02/2025', 'document': '20/TB-THADS', 'ground': '', 'amount': ''},
    {'key': 'HS-0001', 'event': 'verify', 'event_date': '2025-03-10', 'document': 'BB-01', 'ground': 'has'},
    {'key': 'HS-0001', 'event': 'collect', 'event_date': '20/03/2025', 'document': 'PT-01',
     'amount': '20000000'},
)


def template_rows(office='MA-CQ', executor='chv.dangnhap'):
    """Header, explanation and example rows (lists of cells)."""
    rows = [list(HEADER), [EXPLANATION[c] for c in HEADER]]
    for example in EXAMPLES:
        cells = []
        for column in HEADER:
            value = example.get(column, '')
            value = {'MA-CQ': office, 'chv.dangnhap': executor}.get(value, value)
            cells.append(value)
        rows.append(cells)
    return rows


def to_csv(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator='\n').writerows(rows)
    return buffer.getvalue().encode('utf-8-sig')


def to_xlsx(rows):
    import xlsxwriter
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    sheet = book.add_worksheet('THADS')
    bold = book.add_format({'bold': True})
    note = book.add_format({'italic': True, 'font_color': '#555555', 'text_wrap': True})
    for index, row in enumerate(rows):
        sheet.write_row(index, 0, row, bold if index == 0 else note if index == 1 else None)
    sheet.set_column(0, len(HEADER) - 1, 18)
    book.close()
    return buffer.getvalue()


# ---------------------------------------------------------------- sample
# event paths after the QĐ THA (state "new"): (event, day offset, ground, amount share)
PATHS = (
    (('notify', 5, '', 0), ('verify', 25, 'has', 0), ('enforce', 30, '', 0), ('collect', 40, '', 0.4),
     ('collect', 55, '', 0.6), ('pay_out', 60, '', 1.0), ('complete', 61, '', 0), ('close', 66, '', 0),
     ('archive', 80, '', 0)),
    (('notify', 5, '', 0), ('verify', 25, 'none', 0), ('no_condition', 28, '44a_1a', 0), ('publish', 31, '', 0),
     ('reverify', 200, 'none', 0), ('new_info', 210, '', 0), ('separate_register', 400, '', 0),
     ('publication_change', 410, '', 0), ('unpublish', 420, '', 0)),
    (('notify', 4, '', 0), ('verify', 20, 'has', 0), ('postpone', 30, '48_1a', 0), ('ground_ended', 60, '', 0),
     ('resume', 62, '', 0), ('termination_ground', 90, 'Điều 50', 0), ('terminate', 92, 'Điều 50', 0),
     ('close', 95, '', 0)),
    (('notify', 3, '', 0), ('suspend', 20, 'Điều 49', 0), ('resume', 50, '', 0), ('reduce', 60, '', 0.1),
     ('delegate', 70, '@OFFICE', 0)),
    (('assign', 1, '', 0), ('open_file', 2, '', 0), ('notify', 5, '', 0), ('revoke', 15, 'Điều 37', 0),
     ('archive', 30, '', 0)),
    (('notify', 5, '', 0), ('verify', 25, 'none', 0), ('no_condition', 28, '44a_1b', 0),
     ('return_request', 760, '', 0)),
    (('notify', 5, '', 0), ('verify_delegate', 20, 'registered_assets', 0), ('verify_reply', 40, '', 0),
     ('confirm_request', 48, '', 0), ('confirm_issue', 50, '', 0), ('handover', 52, '', 0),
     ('change_request', 54, '', 0), ('change_answer', 56, '', 0)),
    (('notify', 5, '', 0), ('verify', 25, 'has', 0), ('collect', 30, '', 0.25), ('enforce', 35, '', 0),
     ('collect', 50, '', 0.25)),
    (('refuse', 2, 'Điều 31', 0), ('notify', 5, '', 0), ('complete', 9, '', 0)),
)


def sample_rows(count, offices, executors, bad_share=0.01, seed=7, events=(3, 6), start='2024-01-01',
                days=1000, delegate_office=None, prefix='L', every_type=False):
    """Yield `count` legacy cases as rows (dicts of strings): 3-6 events a
    case (the path is cut at random), dates in both formats, money with and
    without thousands separators, a share of bad rows (bad ID, bad date,
    negative money, unknown office, unknown event, duplicate key, event of
    a missing case).  Deterministic for a seed.  every_type: also the event
    types that an import always refuses (a refusal after the QĐ THA, a
    delegated verification without its office column) and money events of
    cases without an obligation; otherwise the only bad rows are the
    `bad_share` ones."""
    rnd = random.Random(seed)
    first = datetime.datetime.strptime(start, '%Y-%m-%d').date()

    def day(value):
        return value.strftime('%d/%m/%Y') if rnd.random() < 0.5 else value.isoformat()

    def money(value):
        return '{:,}'.format(value).replace(',', '.') if rnd.random() < 0.5 else str(value)

    for number in range(1, count + 1):
        key = '%s-%07d' % (prefix, number)
        received = first + datetime.timedelta(days=rnd.randrange(days))
        decided = received + datetime.timedelta(days=rnd.randrange(0, 5))
        due = 1000000 * rnd.randrange(1, 200)
        person = rnd.random() < 0.8
        row = {
            'key': key, 'office': offices[number % len(offices)],
            'kind': 'chu_dong' if number % 3 == 0 else 'theo_yeu_cau',
            'court': 'TAND khu vực %d' % (number % 50), 'judgment_number': '%d/%d/DS-ST' % (number, received.year),
            'judgment_date': day(received), 'judgment_type': 'civil' if number % 4 else 'criminal',
            'decision_number': '%d/QĐ-THADS' % number, 'decision_date': day(decided),
            'executor': executors[number % len(executors)],
            'creditor_name': 'Người được thi hành án %d' % number if number % 5 else '',
            'creditor_id': ('0791%08d' % (number % 10 ** 8)) if number % 5 and number % 7 else '',
            'debtor_name': 'Người phải thi hành án %d' % number,
            'debtor_id': ('0010%08d' % (number % 10 ** 8)) if person else '0100%06d' % (number % 10 ** 6),
            'obligation': 'Trả nợ' if number % 11 else '', 'amount_due': money(due) if number % 11 else '',
            'budget': '1' if number % 4 == 0 else '',
        }
        path = PATHS[number % len(PATHS)]
        if not every_type:
            if path[0][0] == 'refuse':
                path = PATHS[0]
            path = tuple(step for step in path if step[0] != 'verify_delegate'
                         and (step[3] == 0 or row['amount_due'] or step[0] == 'delegate'))
        steps = path[:min(len(path), rnd.randint(*events) - 1)]
        rows = []
        for index, (event, offset, ground, share) in enumerate(steps):
            if ground == '@OFFICE':
                ground = delegate_office or offices[(number + 1) % len(offices)]
            amount = int(due * share) if share else 0
            values = {'key': key, 'event': event, 'event_date': day(decided + datetime.timedelta(days=offset)),
                      'document': '%s-%d' % (event.upper()[:3], number) if event not in ('verify', 'reverify')
                      else 'BB-%d' % number,
                      'ground': ground, 'amount': money(amount) if amount else ''}
            if index == 0:
                row.update(values)
            else:
                rows.append(values)
        if rnd.random() < bad_share:
            kind = rnd.randrange(7)
            if kind == 0:
                row['debtor_id'] = '12345'
            elif kind == 1:
                row['decision_date'] = '31/02/2025'
            elif kind == 2:
                row['amount_due'] = '-100'
            elif kind == 3:
                row['office'] = 'XX-UNKNOWN'
            elif kind == 4 and rows:
                rows[0]['event'] = 'teleport'
            elif kind == 5:
                rows.append(dict(row))  # the case row twice
            else:
                rows.append({'key': key + '-X', 'event': 'collect', 'event_date': day(decided), 'amount': '1000'})
        yield row
        for values in rows:
            yield values


def write_csv(handle, rows, delimiter=','):
    writer = csv.DictWriter(handle, fieldnames=HEADER, delimiter=delimiter, lineterminator='\n')
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
