import base64
import csv
import datetime
import hashlib
import io
import itertools
import logging

import xlrd

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.job import job

from ..lib import importer, legacy_template, lifecycle
from .thads_case import is_replay, replaying

_logger = logging.getLogger(__name__)



# written by the import's own methods only (see _check_progress_vals)
PROGRESS_FIELDS = frozenset(['state', 'path', 'checksum', 'lang', 'case_total', 'case_done', 'rows_read',
                             'rows_staged', 'staged', 'chunk_count', 'chunk_done', 'created_count',
                             'skipped_count', 'date_start', 'date_done'])


class ThadsCaseImport(models.Model):
    """A legacy import: the file, its progress and the rejected rows.

    Rows are validated by lib/importer.py.  Up to the system parameter
    thads_case.import_bulk_limit cases, accepted cases are created with the
    ORM with their events, each case in its own savepoint, so a bad row
    loses only itself.  Above it, the bulk path (thads_case_import_bulk.py,
    lib/bulk.py) gives the same end state with multi-row inserts.  Files
    with many cases run as queue jobs in chunks, each chunk committed by its
    job, so the UI never waits and a crash loses at most the chunk in
    progress (re-running skips the keys already imported)."""
    _name = 'thads.case.import'
    _description = 'Import of legacy cases'
    _order = 'id desc'

    name = fields.Char(required=True, default=lambda self: _('Import %s') % fields.Datetime.now())
    # whose import it is: the access table scopes imports and their rejected
    # rows to the office subtree of the importing office
    office_id = fields.Many2one('thads.office', string='Office', required=True, readonly=True, index=True,
                                default=lambda self: self.env.user.thads_office_id)
    file = fields.Binary(required=True, attachment=True)
    filename = fields.Char()
    state = fields.Selection([('draft', 'Draft'), ('running', 'Running'), ('done', 'Done')],
                             default='draft', readonly=True)
    path = fields.Selection([('orm', 'Case by case'), ('bulk', 'Bulk')], string='Import path', readonly=True,
                            help='Case by case up to the system parameter thads_case.import_bulk_limit cases, '
                                 'bulk above it; both give the same result.')
    checksum = fields.Char(string='SHA-256', readonly=True)
    lang = fields.Char(string='Language of the messages', readonly=True, copy=False,
                       help='The language the import was started in: its queue jobs write the reasons of the '
                            'rejected rows in it.')
    case_total = fields.Integer(readonly=True)
    case_done = fields.Integer(readonly=True)
    rows_read = fields.Integer(string='Rows read', readonly=True,
                               help='Rows of the file read so far (the parts of a large file start while it is read).')
    rows_staged = fields.Integer(string='Rows staged', readonly=True, copy=False,
                                 help='Last row of the file staged and committed by the reading of a bulk import '
                                      '(a reading killed half-way goes on after it).')
    staged = fields.Boolean(string='File read', readonly=True, copy=False,
                            help='The whole file has been read and placed in parts.')
    chunk_count = fields.Integer(string='Parts', readonly=True)
    chunk_done = fields.Integer(string='Parts done', readonly=True)
    created_count = fields.Integer(readonly=True)
    skipped_count = fields.Integer(readonly=True, help='Cases already imported (same key).')
    error_count = fields.Integer(compute='_compute_error_count')
    progress = fields.Float(compute='_compute_progress')
    date_start = fields.Datetime(string='Started', readonly=True)
    date_done = fields.Datetime(string='Finished', readonly=True)
    rate = fields.Float(string='Cases per second', compute='_compute_progress', digits=(16, 1))
    time_left = fields.Char(string='Time left', compute='_compute_progress')
    error_ids = fields.One2many('thads.case.import.error', 'import_id', readonly=True)

    @api.model
    def create(self, vals):
        self._check_progress_vals(vals)
        return super(ThadsCaseImport, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_progress_vals(vals)
        return super(ThadsCaseImport, self).write(vals)

    def _check_progress_vals(self, vals):
        """The state, path, counts, progress and language of an import are
        written by the import itself (replaying(), private to this addon),
        never by a client: a client that set rows_staged or staged could
        make a resumed import skip rows, and the checksum goes into the
        audit entry."""
        if not is_replay(self) and PROGRESS_FIELDS & set(vals):
            raise UserError(_('The state, progress and counts of an import are written by the import itself; '
                              'they cannot be changed directly.'))

    @api.depends('error_ids')
    def _compute_error_count(self):
        for rec in self:
            rec.error_count = len(rec.error_ids)

    @api.depends('case_done', 'case_total', 'state', 'date_start', 'date_done')
    def _compute_progress(self):
        now = fields.Datetime.from_string(fields.Datetime.now())
        for rec in self:
            if rec.state == 'done':
                rec.progress = 100.0
            else:
                rec.progress = 100.0 * rec.case_done / rec.case_total if rec.case_total else 0.0
            rec.rate, rec.time_left = 0.0, False
            if rec.date_start and rec.case_done:
                end = fields.Datetime.from_string(rec.date_done) if rec.date_done else now
                seconds = max((end - fields.Datetime.from_string(rec.date_start)).total_seconds(), 1.0)
                rec.rate = rec.case_done / seconds
                if rec.state == 'running':
                    left = int((rec.case_total - rec.case_done) / rec.rate)
                    rec.time_left = '%d:%02d:%02d' % (left // 3600, left % 3600 // 60, left % 60)

    # ------------------------------------------------------------ reading
    def _read_rows(self):
        return list(self._iter_rows())

    def _file_handle(self):
        """The file as a binary stream, from the filestore without loading
        it when it is stored there (a million cases are hundreds of MB)."""
        # sudo: the attachment of this import's own file field, read by its own code
        attachment = self.env['ir.attachment'].sudo().search([
            ('res_model', '=', self._name), ('res_id', '=', self.id), ('res_field', '=', 'file')], limit=1)
        if attachment.store_fname:
            return open(attachment._full_path(attachment.store_fname), 'rb')
        return io.BytesIO(base64.b64decode(self.file))

    def _checksum(self):
        digest = hashlib.sha256()
        with self._file_handle() as handle:
            for block in iter(lambda: handle.read(1 << 20), b''):
                digest.update(block)
        return digest.hexdigest()

    def _iter_rows(self):
        """The rows of the file as dicts, one at a time."""
        name = (self.filename or '').lower()
        if name.endswith(('.xlsx', '.xls')):
            with self._file_handle() as handle:
                data = handle.read()
            try:
                book = xlrd.open_workbook(file_contents=data)
            except Exception:
                raise UserError(_('The file is not a readable Excel workbook.'))
            sheet = book.sheet_by_index(0)
            header = [str(c.value).strip() for c in sheet.row(0)]
            rows = []
            for index in range(1, sheet.nrows):
                row = {}
                for col, cell in zip(header, sheet.row(index)):
                    value = cell.value
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        value = xlrd.xldate.xldate_as_datetime(value, book.datemode).date()
                    elif isinstance(value, float) and value == int(value):
                        value = str(int(value))
                    row[col] = value
                yield row
            return
        header, values = self._csv_values()
        for row in values:
            # csv.DictReader's dict: missing values None, extra ones under None
            if len(row) > len(header):
                longer = dict(zip(header, row))
                longer[None] = row[len(header):]
                yield longer
            else:
                yield dict(itertools.zip_longest(header, row))

    def _csv_values(self):
        """(header, rows) of a CSV file: each row a list of its values, blank
        lines left out (as csv.DictReader does, so that row numbers agree).
        UTF-8 (with or without BOM); the delimiter is the header row's."""
        handle = io.TextIOWrapper(self._file_handle(), encoding='utf-8-sig', newline='')
        try:
            sample = handle.read(4096)
            handle.seek(0)
        except UnicodeDecodeError:
            handle.close()
            raise UserError(_('The CSV file must be encoded in UTF-8.'))
        # the delimiter is the one the header row uses most (",", ";" or tab):
        # csv.Sniffer, which wants the same count on every sampled line, fell
        # back to "," for a ";" file with one row longer than the others
        first = sample.splitlines()[0] if sample else ''
        delimiter = max(',;\t', key=first.count)
        reader = csv.reader(handle, dialect=csv.excel, delimiter=delimiter if first.count(delimiter) else ',')

        def rows():
            try:
                for row in reader:
                    if row:
                        yield row
            except UnicodeDecodeError:
                raise UserError(_('The CSV file must be encoded in UTF-8.'))
            finally:
                handle.close()
        try:
            header = next(reader, [])
        except UnicodeDecodeError:
            handle.close()
            raise UserError(_('The CSV file must be encoded in UTF-8.'))
        return header, rows()

    def _iter_clean_rows(self):
        """The rows of the file as importer.parse takes them: names in lower
        case, values stripped, empty values left out (dates of a workbook as
        ISO text).  A CSV file is read without a dict per raw row (the bulk
        path reads millions of rows)."""
        if (self.filename or '').lower().endswith(('.xlsx', '.xls')):
            for raw in self._iter_rows():
                row = {}
                for header, value in raw.items():
                    if isinstance(value, str):
                        value = value.strip()
                    elif isinstance(value, (datetime.date, datetime.datetime)):
                        value = value.isoformat()
                    if header and value not in (None, ''):
                        row[header.strip().lower()] = value
                yield row
            return
        header, values = self._csv_values()
        names = [name.strip().lower() for name in header]
        strip = str.strip
        for row in values:
            yield {name: value for name, value in zip(names, map(strip, row)) if value and name}

    def _in_import_lang(self):
        """This import in the language it was started in: a queue job runs in
        the job runner's request (English), not in the importer's, and its
        messages (the reasons of rejected rows) are written in that language."""
        return self.with_context(lang=self.lang) if self.lang and self.env.lang != self.lang else self

    def _allowed_office_codes(self):
        """Codes of the offices this import may bring cases into: the
        subtree of the import's office."""
        # the office tree is reference data and the import's office the
        # importer's own; read in SQL on the nested sets (archived offices
        # included), not as records: a bulk import asks once per part
        self.env.cr.execute("""SELECT o.code FROM thads_office a
                                 JOIN thads_office o ON o.parent_left >= a.parent_left
                                                    AND o.parent_left < a.parent_right
                                WHERE a.id = %s AND o.code IS NOT NULL""", (self.office_id.id,))
        return {row[0] for row in self.env.cr.fetchall()}

    # ------------------------------------------------------------- running
    @api.multi
    def action_import(self):
        """Validate the file and import it: at once for small files, as
        queue jobs for large ones (system parameter thads_case.import_sync_limit)."""
        self.ensure_one()
        if self.state == 'running' and self.path == 'bulk':
            # resume: the parts whose rows are still staged (killed or lost
            # jobs), or the reading again from where it was committed
            self._bulk_queue()
            return True
        params = self.env['ir.config_parameter'].sudo()
        bulk_limit = int(params.get_param('thads_case.import_bulk_limit', 2000))
        self.error_ids.unlink()
        replaying(self).write({'lang': self.env.lang or self.env.user.lang, 'checksum': self._checksum()})
        # read until the file proves larger than the bulk limit: small files
        # go case by case, large ones are staged as they are read
        rows = enumerate(self._iter_rows(), start=2)
        head, case_rows = [], 0
        for number, row in rows:
            head.append((number, row))
            if importer.clean(row).get('decision_number'):
                case_rows += 1
                if case_rows > bulk_limit:
                    self._bulk_begin()
                    return True
        self._orm_import([row for _n, row in head])
        return True

    def _orm_import(self, rows):
        """The case-by-case path: every case created with the ORM."""
        offices = set(self.env['thads.office'].sudo().with_context(active_test=False).search([]).mapped('code'))
        logins = set(self.env['res.users'].sudo().search([]).mapped('login'))
        keys = {str(r.get('key') or '').strip() for r in rows}
        existing = set(self.env['thads.case'].sudo().search([('external_key', 'in', list(keys))])
                       .mapped('external_key'))
        cases, errors, skipped = importer.parse(rows, offices, logins, existing,
                                                allowed_offices=self._allowed_office_codes())
        self._record_errors([(row, err.key, self._text(err)) for row, err in errors])
        replaying(self).write({'state': 'running', 'path': 'orm', 'case_total': len(cases), 'case_done': 0,
                               'created_count': 0, 'skipped_count': len(skipped), 'chunk_done': 0,
                               'date_start': fields.Datetime.now(), 'date_done': False})
        payload = [self._serialize(entry) for entry in cases]
        params = self.env['ir.config_parameter'].sudo()
        limit = int(params.get_param('thads_case.import_sync_limit', 500))
        chunk = int(params.get_param('thads_case.import_chunk', 500))
        # a small first part: the progress moves within seconds
        first = min(chunk, int(params.get_param('thads_case.import_first_chunk', 50)))
        if len(payload) <= limit:
            replaying(self).write({'chunk_count': 1})
            self._import_chunk(payload)
        else:
            bounds = [0] + list(range(first, len(payload), chunk)) + [len(payload)]
            replaying(self).write({'chunk_count': len(bounds) - 1})
            for start, end in zip(bounds, bounds[1:]):
                self.with_delay(channel='root.thads_import', description=_('%s: cases %d-%d') % (
                    self.name, start + 1, end))._import_chunk(payload[start:end])
        return True

    @staticmethod
    def _serialize(entry):
        def conv(value):
            return value.isoformat() if isinstance(value, datetime.date) else value
        return {'key': entry['key'], 'row': entry['row'],
                'case': {k: conv(v) for k, v in entry['case'].items()},
                'events': [(row, {k: conv(v) for k, v in event.items()}) for row, event in entry['events']]}

    def _text(self, error):
        """Translated reason of a lib.importer.RowError."""
        texts = {
            'missing': _('Column "%(column)s" is empty.'),
            'bad_date': _('Column "%(column)s": "%(value)s" is not a date (dd/mm/yyyy or yyyy-mm-dd).'),
            'bad_money': _('Column "%(column)s": "%(value)s" is not a whole number of đồng.'),
            'negative_money': _('Column "%(column)s": the amount %(value)s is negative.'),
            'bad_id': _('Column "%(column)s": "%(value)s" is not a CCCD, CMND or tax code.'),
            'unknown_office': _('Unknown office code "%(value)s".'),
            'unknown_executor': _('Unknown enforcement officer login "%(value)s".'),
            'bad_choice': _('Column "%(column)s": "%(value)s" is not one of the allowed values.'),
            'duplicate_key': _('The case key "%(value)s" appears twice in the file.'),
            'event_without_case': _('No case row for the key "%(value)s" above this event.'),
            'case_rejected': _('The case row %(row)s of the key "%(value)s" was rejected: '
                               'this event row cannot be imported.'),
            'foreign_office': _('The office "%(value)s" is not in the office subtree of this import; '
                                'rows of other offices are imported by those offices.'),
            'judgment_after_decision': _('The judgment is dated after the enforcement decision.'),
        }
        text = texts.get(error.code, error.code)
        return text % error.params if error.params else text

    def _record_errors(self, errors):
        """Store the rejected rows in one statement (there may be thousands)."""
        if not errors:
            return
        cr = self.env.cr
        values = b','.join(cr.mogrify(
            "(%s, %s, %s, %s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')",
            (self.id, row, key or None, message, self.env.uid, self.env.uid)) for row, key, message in errors)
        cr.execute(b'INSERT INTO thads_case_import_error (import_id, row, key, message, create_uid, write_uid, '
                   b'create_date, write_date) VALUES ' + values)
        self.invalidate_cache(['error_ids', 'error_count'])

    def _audit_batch(self):
        """One audit entry for the whole import (auditlog): who, the file and
        its SHA-256, the counts and the rejected rows; the cases themselves
        get no field-by-field log (README "Legacy import")."""
        if 'auditlog.log' not in self.env:
            return
        self.env.cr.execute('SELECT row, key, message FROM thads_case_import_error WHERE import_id = %s '
                            'ORDER BY row, id', (self.id,))
        rejected = '\n'.join('%s\t%s\t%s' % row for row in self.env.cr.fetchall())
        summary = _('File %s (SHA-256 %s), %s path: %d cases read, %d created, %d already imported, '
                    '%d rows rejected.') % (self.filename or '', self.checksum or '', self.path or '',
                                            self.case_total, self.created_count, self.skipped_count,
                                            self.error_count)
        Field = self.env['ir.model.fields'].sudo()
        lines = []
        for name, value in (('checksum', summary), ('error_ids', rejected)):
            field = Field.search([('model', '=', self._name), ('name', '=', name)], limit=1)
            lines.append((0, 0, {'field_id': field.id, 'new_value': value, 'new_value_text': value}))
        # sudo: the audit log is written by the system, never by the importing user
        self.env['auditlog.log'].sudo().create({
            'name': (self.filename or self.name)[:64], 'model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id, 'user_id': self.create_uid.id or self.env.uid, 'method': 'legacy_import',
            'log_type': 'full', 'line_ids': lines})

    # -------------------------------------------------------------- files
    def _download(self, name, data, mimetype):
        """An attachment of this import, downloaded through /web/content
        (access follows the import's own rules)."""
        # sudo: an attachment of this import the user may read, made by its own code
        attachment = self.env['ir.attachment'].sudo().create({
            'name': name, 'datas_fname': name, 'datas': base64.b64encode(data), 'mimetype': mimetype,
            'res_model': self._name, 'res_id': self.id})
        return {'type': 'ir.actions.act_url', 'target': 'self',
                'url': '/web/content/%d?download=true' % attachment.id}

    @api.multi
    def action_rejects_csv(self):
        """The rejected rows as they were in the file, with the reason in a
        first column: fix them and import the file again."""
        self.ensure_one()
        reasons = {}
        for error in self.error_ids:
            reasons.setdefault(error.row, []).append(error.message)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator='\n')
        writer.writerow(['reason', 'row'] + list(legacy_template.HEADER))
        if reasons:
            for number, row in enumerate(self._iter_rows(), start=2):
                if number in reasons:
                    cleaned = importer.clean(row)
                    writer.writerow(['; '.join(reasons[number]), number] + [
                        cleaned.get(c, '') if not isinstance(cleaned.get(c), (datetime.date, datetime.datetime))
                        else cleaned[c].strftime('%d/%m/%Y') for c in legacy_template.HEADER])
        return self._download('tu_choi_%s.csv' % self.id, buffer.getvalue().encode('utf-8-sig'), 'text/csv')

    @job(default_channel='root.thads_import')
    @api.multi
    def _import_chunk(self, entries):
        """Create the cases of one chunk; bad events are reported by row."""
        self.ensure_one()
        self = self._in_import_lang()
        Case = self.env['thads.case'].with_context(
            auditlog_disabled=True, tracking_disable=True, mail_create_nolog=True,
            mail_create_nosubscribe=True, mail_notrack=True)
        offices = {o.code: o.id for o in self.env['thads.office'].sudo().search([])}
        users = {u.login: u.id for u in self.env['res.users'].sudo().search([])}
        created, errors = 0, []
        for entry in entries:
            if Case.search_count([('external_key', '=', entry['key'])]):
                continue  # imported by an earlier run of this chunk
            data = entry['case']
            try:
                with self.env.cr.savepoint():
                    case = self._create_case(Case, entry['key'], data, offices, users)
            except (UserError, lifecycle.TransitionError) as error:
                errors.append((entry['row'], entry['key'], getattr(error, 'name', None) or str(error)))
                errors.extend((row, entry['key'], self._text(importer.RowError(
                    'case_rejected', value=entry['key'], row=entry['row']))) for row, _e in entry['events'])
                continue
            created += 1
            for row, event in entry['events']:
                try:
                    with self.env.cr.savepoint():
                        self.env['thads.case.event'].with_context(Case.env.context).create(
                            self._event_vals(case, event, offices))
                except UserError as error:
                    errors.append((row, entry['key'], error.name))
        self._record_errors(errors)
        self.env.cr.execute('UPDATE thads_case_import SET case_done = case_done + %s, '
                            'created_count = created_count + %s, chunk_done = chunk_done + 1 WHERE id = %s',
                            (len(entries), created, self.id))
        self.invalidate_cache()
        if self.case_done >= self.case_total:
            replaying(self).write({'state': 'done', 'date_done': fields.Datetime.now()})
            self._audit_batch()
        return created

    @staticmethod
    def _event_vals(case, event, offices):
        """The "ground" column carries the verification result (has/none)
        of verify events and the target office code of delegate events."""
        vals = {'case_id': case.id, 'event_type': event['event_type'], 'date': event['date'],
                'document_number': event['document'] or False, 'ground': event['ground'] or False,
                'amount': event['amount']}
        if event['event_type'] in ('verify', 'reverify'):
            vals['result'] = event['ground'] if event['ground'] in ('has', 'none') else 'has'
            vals['ground'] = False
        elif event['event_type'] == 'delegate':
            vals['target_office_id'] = offices.get(event['ground']) or False
            vals['ground'] = False
        return vals

    def _partner(self, name, id_number):
        Partner = self.env['res.partner'].sudo()
        if id_number:
            partner = Partner.search([('thads_id_number', '=', id_number)], limit=1)
            if partner:
                return partner
        is_company = bool(id_number) and len(id_number) not in (9, 12)
        return Partner.create({'name': name, 'thads_id_number': id_number or False, 'is_company': is_company})

    def _create_case(self, Case, key, data, offices, users):
        parties = [(0, 0, {'partner_id': self._partner(data['debtor_name'], data['debtor_id']).id,
                           'role': 'debtor'})]
        creditor = False
        if data['creditor_name']:
            creditor = self._partner(data['creditor_name'], data['creditor_id'])
            parties.append((0, 0, {'partner_id': creditor.id, 'role': 'creditor'}))
        judgment_date = data['judgment_date']
        case = Case.create({
            'external_key': key, 'office_id': offices[data['office']], 'kind': data['kind'],
            'court': data['court'], 'judgment_number': data['judgment_number'],
            'judgment_date': judgment_date, 'judgment_type': data['judgment_type'],
            'date_received': judgment_date or data['decision_date'],
            'executor_id': users.get(data['executor']) or False,
            'party_ids': parties,
            'obligation_ids': [(0, 0, {
                'name': data['obligation'] or _('Pay'), 'kind': 'money', 'budget': data['budget'],
                'amount_due': data['amount_due'], 'creditor_id': creditor and creditor.id,
            })] if data['amount_due'] or data['obligation'] else [],
        })
        self.env['thads.case.event'].with_context(Case.env.context).create({
            'case_id': case.id, 'event_type': 'decide', 'date': data['decision_date'],
            'document_number': data['decision_number'], 'executor_id': users.get(data['executor']) or False,
        })
        return case


class ThadsCaseImportError(models.Model):
    _name = 'thads.case.import.error'
    _description = 'Rejected import row'
    _order = 'row, id'

    import_id = fields.Many2one('thads.case.import', required=True, ondelete='cascade', index=True)
    row = fields.Integer(string='Row')
    key = fields.Char(string='Case key')
    message = fields.Char(string='Reason')
