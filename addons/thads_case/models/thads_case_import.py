import base64
import csv
import datetime
import io
import logging

import xlrd

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.job import job

from ..lib import importer, lifecycle

_logger = logging.getLogger(__name__)



class ThadsCaseImport(models.Model):
    """A legacy import: the file, its progress and the rejected rows.

    Rows are validated by lib/importer.py; accepted cases are created with
    their events, each case in its own savepoint, so a bad row loses only
    itself.  Files with many cases run as queue jobs in chunks, each chunk
    committed by its job, so the UI never waits and a crash loses at most
    the chunk in progress (re-running skips the keys already imported)."""
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
    case_total = fields.Integer(readonly=True)
    case_done = fields.Integer(readonly=True)
    created_count = fields.Integer(readonly=True)
    skipped_count = fields.Integer(readonly=True, help='Cases already imported (same key).')
    error_count = fields.Integer(compute='_compute_error_count')
    progress = fields.Float(compute='_compute_progress')
    error_ids = fields.One2many('thads.case.import.error', 'import_id', readonly=True)

    @api.depends('error_ids')
    def _compute_error_count(self):
        for rec in self:
            rec.error_count = len(rec.error_ids)

    @api.depends('case_done', 'case_total')
    def _compute_progress(self):
        for rec in self:
            rec.progress = 100.0 * rec.case_done / rec.case_total if rec.case_total else 0.0

    # ------------------------------------------------------------ reading
    def _read_rows(self):
        data = base64.b64decode(self.file)
        name = (self.filename or '').lower()
        if name.endswith(('.xlsx', '.xls')):
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
                rows.append(row)
            return rows
        try:
            text = data.decode('utf-8-sig')
        except UnicodeDecodeError:
            raise UserError(_('The CSV file must be encoded in UTF-8.'))
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=',;\t') if text else csv.excel
        return list(csv.DictReader(io.StringIO(text), dialect=dialect))

    # ------------------------------------------------------------- running
    @api.multi
    def action_import(self):
        """Validate the file and import it: at once for small files, as
        queue jobs for large ones (system parameter thads_case.import_sync_limit)."""
        self.ensure_one()
        rows = self._read_rows()
        offices = set(self.env['thads.office'].sudo().search([]).mapped('code'))
        logins = set(self.env['res.users'].sudo().search([]).mapped('login'))
        keys = {str(r.get('key') or '').strip() for r in rows}
        existing = set(self.env['thads.case'].sudo().search([('external_key', 'in', list(keys))])
                       .mapped('external_key'))
        cases, errors, skipped = importer.parse(rows, offices, logins, existing)
        self.error_ids.unlink()
        self._record_errors([(row, None, self._text(err)) for row, err in errors])
        self.write({'state': 'running', 'case_total': len(cases), 'case_done': 0, 'created_count': 0,
                    'skipped_count': len(skipped)})
        payload = [self._serialize(entry) for entry in cases]
        limit = int(self.env['ir.config_parameter'].sudo().get_param('thads_case.import_sync_limit', 500))
        chunk = int(self.env['ir.config_parameter'].sudo().get_param('thads_case.import_chunk', 500))
        if len(payload) <= limit:
            self._import_chunk(payload)
        else:
            for start in range(0, len(payload), chunk):
                self.with_delay(channel='root.thads_import', description=_('%s: cases %d-%d') % (
                    self.name, start + 1, min(start + chunk, len(payload))))._import_chunk(
                        payload[start:start + chunk])
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
            'judgment_after_decision': _('The judgment is dated after the enforcement decision.'),
        }
        text = texts.get(error.code, error.code)
        return text % error.params if error.params else text

    def _record_errors(self, errors):
        for row, key, message in errors:
            self.env['thads.case.import.error'].create(
                {'import_id': self.id, 'row': row, 'key': key, 'message': message})

    @job(default_channel='root.thads_import')
    @api.multi
    def _import_chunk(self, entries):
        """Create the cases of one chunk; bad events are reported by row."""
        self.ensure_one()
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
                            'created_count = created_count + %s WHERE id = %s',
                            (len(entries), created, self.id))
        self.invalidate_cache()
        if self.case_done >= self.case_total:
            self.state = 'done'
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
