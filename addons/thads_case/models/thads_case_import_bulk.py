import csv
import datetime
import io
import json
import logging
import resource
import time

import psycopg2
import psycopg2.errorcodes
from psycopg2.extensions import TRANSACTION_STATUS_IDLE

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import job

from ..lib import bulk, importer
from .thads_case import replaying

_logger = logging.getLogger(__name__)

# The staged rows of a bulk import: one line per file row, grouped in
# chunks whose case rows and event rows stay together.  A chunk job deletes
# its lines in the transaction that stores its cases, so a chunk is done
# exactly when its lines are gone: a killed job leaves them, and running the
# import again (or the job again) does that chunk once.
STAGE_TABLE = """
CREATE TABLE IF NOT EXISTS thads_case_import_row (
    import_id integer NOT NULL REFERENCES thads_case_import(id) ON DELETE CASCADE,
    chunk integer NOT NULL,
    row integer NOT NULL,
    data text NOT NULL
);
CREATE INDEX IF NOT EXISTS thads_case_import_row_chunk_idx ON thads_case_import_row (import_id, chunk);
CREATE TABLE IF NOT EXISTS thads_case_import_claim (id_number varchar PRIMARY KEY);
"""
# the advisory lock (with the import's id) of the reading of an import
STAGE_LOCK = 0x7468
# thads_case_import_claim: the ID numbers whose partner a chunk is finding
# or creating.  A chunk inserts its numbers (sorted: no deadlock) and deletes
# them before it commits, so the table stays empty; a chunk that meets a
# number another running chunk inserted waits for it to commit (the unique
# key), then finds the partner that chunk created instead of creating a
# second one.  Chunks without numbers in common never wait for each other.
CASE_COLUMNS = ('external_key', 'office_id', 'kind', 'court', 'judgment_number', 'judgment_date', 'judgment_type',
                'date_received', 'executor_id', 'decision_number', 'decision_date', 'name', 'number_seq', 'year',
                'state', 'amount_due', 'amount_collected', 'amount_paid_out', 'amount_reduced', 'amount_delegated',
                'amount_remaining', 'amount_held', 'next_deadline_date', 'next_deadline_rule_id', 'overdue',
                'deadline_status', 'no_condition_date', 'no_condition_ground', 'verification_count',
                'last_verification_date', 'next_verification_date', 'separate_register_date', 'publication_state',
                'publication_date', 'withdrawal_date', 'debtor_names')
EVENT_COLUMNS = ('case_id', 'date', 'sequence', 'event_type', 'document_number', 'ground', 'result', 'amount',
                 'obligation_id', 'target_office_id', 'executor_id', 'previous_executor_id', 'office_id',
                 'state_after', 'user_id')
STAT_COLUMNS = ('stat_next_date', 'stat_cum_done', 'stat_cum_delegated', 'stat_decided_date', 'stat_terminated')
# the plans PostgreSQL may not use to find the partners of a part by ID number
PARTNER_LOOKUP = ('enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin')
OBLIGATION_MONEY = ('amount_collected', 'amount_paid_out', 'amount_reduced', 'amount_delegated', 'amount_remaining')


def _text(value):
    """A value in PostgreSQL's COPY text format."""
    kind = type(value)
    if kind is str:
        if '\\' in value or '\t' in value or '\n' in value or '\r' in value:
            return value.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
        return value
    if kind is int or kind is float:
        return str(value)
    if value is None:
        return '\\N'
    if kind is bool:
        return 't' if value else 'f'
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _ids(cr, table, count):
    """`count` new ids of `table`, from its sequence."""
    cr.execute("SELECT nextval('%s_id_seq') FROM generate_series(1, %%s)" % table, (count,))
    return [row[0] for row in cr.fetchall()]


def _insert(cr, table, columns, rows, uid):
    """COPY `rows` (tuples in the order of `columns`) into `table`, with who
    and when like the ORM (one timestamp for the chunk)."""
    if not rows:
        return
    started = time.time()
    cr.execute("SELECT now() at time zone 'UTC'")
    now = cr.fetchone()[0]
    stamp = '%s\t%s\t%s\t%s' % (uid, uid, now, now)
    buffer = io.StringIO()
    buffer.writelines('%s\t%s\n' % ('\t'.join(map(_text, row)), stamp) for row in rows)
    buffer.seek(0)
    cr.copy_expert('COPY %s (%s, create_uid, write_uid, create_date, write_date) FROM STDIN' % (
        table, ', '.join(columns)), buffer)
    _logger.debug('copy %d rows into %s in %.2f s', len(rows), table, time.time() - started)


class ThadsCaseImportBulk(models.Model):
    """The bulk path of the legacy import (lib/bulk.py): rows staged in SQL
    once, then chunk jobs that validate with lib/importer.py, replay each
    case in memory with the pure life cycle and deadline rules, and insert
    cases, parties, partners, obligations, events and delegations with
    multi-row INSERTs; the running totals of the journal follow by the
    triggers of thads_stats when it is installed."""
    _inherit = 'thads.case.import'

    @api.model_cr
    def init(self):
        self.env.cr.execute(STAGE_TABLE)

    # ----------------------------------------------------------- staging
    def _iter_place_rows(self):
        """(number, key, is case row, office) of each row that
        _iter_clean_rows yields, numbered alike, without building the rows:
        the first pass of the staging only places rows in parts."""
        if not (self.filename or '').lower().endswith(('.xlsx', '.xls')):
            header, values = self._csv_values()
            names = [name.strip().lower() for name in header]
            if len(set(names)) == len(names) and 'key' in names and 'decision_number' in names:
                at = {name: names.index(name) for name in ('key', 'decision_number', 'office')
                      if name in names}
                key_at, decision_at, office_at = at['key'], at['decision_number'], at.get('office')
                number = 1
                for row in values:
                    number += 1
                    size = len(row)
                    key = row[key_at].strip() if key_at < size else ''
                    decision = row[decision_at].strip() if decision_at < size else ''
                    if not key and not decision and not any(
                            value.strip() for name, value in zip(names, row) if name):
                        continue  # a row of blanks: _iter_clean_rows yields it empty, staging skips it
                    office = row[office_at].strip() if office_at is not None and office_at < size else ''
                    yield number, key, bool(decision), office or None
                return
        for number, row in enumerate(self._iter_clean_rows(), start=2):
            if row:
                yield number, str(row.get('key') or ''), bool(row.get('decision_number')), row.get('office')

    def _bulk_plan(self, chunk_size, first_chunk, groups):
        """First pass: where each part ends (lib.bulk.ChunkPlan)."""
        plan = bulk.ChunkPlan(chunk_size, first_chunk, groups)
        for number, key, is_case, office in self._iter_place_rows():
            plan.place(number, key, is_case, office)
        return plan

    def _bulk_stage(self, numbered_rows, first_pass, every=0):
        """Second pass: copy the rows (cleaned: _iter_clean_rows) into the
        staging table, each in its part (lib.bulk.ChunkPlan, placed as in
        the first pass), and queue each part as soon as the reading has
        passed its last row (`first_pass.complete`).  With `every` rows,
        what is staged is committed every `every` rows with how far it goes
        (rows_staged) and the jobs of the parts it completes: the parts run
        while the file is still being read, and a reading killed half-way
        goes on from there (rows at or above rows_staged are not staged
        again).  Returns the last row number."""
        cr = self.env.cr
        done_up_to = self.rows_staged
        queued = first_pass.complete(done_up_to)
        plan = bulk.ChunkPlan(first_pass.chunk_size, first_pass.first_chunk, first_pass.groups)
        buffer, count, number, committed = io.StringIO(), 0, 1, done_up_to
        writer = csv.writer(buffer)
        step = min(every, 20000) if every else 20000  # rows per COPY

        def flush():
            buffer.seek(0)
            cr.copy_expert('COPY thads_case_import_row (import_id, chunk, row, data) FROM STDIN WITH (FORMAT csv)',
                           buffer)
            buffer.seek(0)
            buffer.truncate()

        for number, row in numbered_rows:
            if not row:
                continue
            chunk = plan.place(number, str(row.get('key') or ''), bool(row.get('decision_number')), row.get('office'))
            if number <= done_up_to:
                continue  # staged and committed by an earlier run of this job
            writer.writerow((self.id, chunk, number, json.dumps(row, ensure_ascii=False)))
            count += 1
            if count % step == 0:
                flush()
                if every and (not committed or number - committed >= every):
                    complete = sorted(first_pass.complete(number) - queued)
                    if not self._bulk_stage_commit(number, complete):
                        return None, None  # another reading of this import took over
                    queued.update(complete)
                    committed = number
        flush()
        if plan.ends != first_pass.ends:
            # the same file read twice gives the same parts
            raise UserError(_('The file changed while it was being read. Import it again.'))
        return number, sorted(set(first_pass.ends) - queued)

    def _bulk_stage_commit(self, number, complete):
        """Commit the rows staged up to row `number` with the jobs of the
        parts they complete, then go on in a new transaction, if this
        reading still holds the import (else False)."""
        cr = self.env.cr
        cr.execute('UPDATE thads_case_import SET rows_staged = %s, rows_read = %s WHERE id = %s',
                   (number, number - 1, self.id))
        self._bulk_queue_chunks(complete)
        cr.commit()
        self.invalidate_cache()
        # the next transaction, like the job's first one (see _bulk_stage_job)
        cr.execute('SET TRANSACTION ISOLATION LEVEL READ COMMITTED')
        return self._bulk_stage_lock()

    def _bulk_stage_lock(self):
        """One reading of an import at a time: a lock of the transaction,
        taken again after each commit of the reading (a resume that queued a
        second reading while the first runs makes one of them stop)."""
        self.env.cr.execute('SELECT pg_try_advisory_xact_lock(%s, %s)', (STAGE_LOCK, self.id))
        return self.env.cr.fetchone()[0]

    def _bulk_begin(self):
        """Mark the import running on the bulk path and queue the job that
        reads the file: a million cases are read in minutes, longer than a
        web request may last."""
        replaying(self).write({'state': 'running', 'path': 'bulk', 'case_total': 0, 'case_done': 0,
                               'created_count': 0, 'rows_read': 0, 'rows_staged': 0, 'staged': False,
                               'skipped_count': 0, 'chunk_count': 0, 'chunk_done': 0,
                               'date_start': fields.Datetime.now(), 'date_done': False})
        self._bulk_queue_reading()

    def _bulk_queue_reading(self):
        self.with_delay(channel='root.thads_import', description=_('%s: reading the file') % self.name) \
            ._bulk_stage_job()

    @job(default_channel='root.thads_import')
    @api.multi
    def _bulk_stage_job(self):
        """Read and stage the file, queueing its parts as they are read."""
        self.ensure_one()
        self = self._in_import_lang()
        cr = self.env.cr
        if cr._cnx.get_transaction_status() == TRANSACTION_STATUS_IDLE:
            # a job of its own: READ COMMITTED, so that writing the import
            # does not conflict with the parts that run meanwhile
            cr.execute('SET TRANSACTION ISOLATION LEVEL READ COMMITTED')
        if not self._bulk_stage_lock():
            return False  # another reading of this import is running
        self.invalidate_cache()
        if self.state != 'running' or self.staged:
            return False  # staged by an earlier run of this job
        self._bulk_start()
        return True

    def _bulk_start(self):
        """Stage the file and queue one job per part (run at once in tests)."""
        params = self.env['ir.config_parameter'].sudo()
        chunk_size = int(params.get_param('thads_case.import_bulk_chunk', 10000))
        first = min(chunk_size, int(params.get_param('thads_case.import_first_chunk', 500)))
        groups = max(1, int(params.get_param('thads_case.import_bulk_groups', 8)))
        every = max(0, int(params.get_param('thads_case.import_stage_commit', 100000)))
        started = time.time()
        plan = self._bulk_plan(chunk_size, first, groups)
        planned = time.time()
        if not self.rows_staged:
            # from the first pass on, the progress knows how many cases and parts
            cr = self.env.cr
            cr.execute('DELETE FROM thads_case_import_row WHERE import_id = %s', (self.id,))
            cr.execute('UPDATE thads_case_import SET case_total = %s, chunk_count = %s WHERE id = %s',
                       (plan.cases, plan.count, self.id))
            self.invalidate_cache()
        else:
            # resumed: the parts the earlier run completed and queued are
            # queued again if their rows are still staged (their jobs may be lost)
            self.env.cr.execute('SELECT DISTINCT chunk FROM thads_case_import_row WHERE import_id = %s',
                                (self.id,))
            staged = {row[0] for row in self.env.cr.fetchall()}
            self._bulk_queue_chunks(sorted(staged & plan.complete(self.rows_staged)))
        last, todo = self._bulk_stage(enumerate(self._iter_clean_rows(), start=2), plan, every)
        if last is None:
            return
        _logger.info('import %s: %d case rows staged in %d parts in %.1f s (placed in %.1f s)', self.id,
                     plan.cases, plan.count, time.time() - started, planned - started)
        self.env.cr.execute("""UPDATE thads_case_import SET rows_staged = %s, rows_read = %s, staged = true,
                                      case_total = %s, chunk_count = %s WHERE id = %s""",
                            (last, last - 1, plan.cases, plan.count, self.id))
        self.invalidate_cache()
        self._bulk_queue_chunks(todo)
        # every part may be done already (their rows gone): then the import is
        self.env.cr.execute('SELECT 1 FROM thads_case_import_row WHERE import_id = %s LIMIT 1', (self.id,))
        if not self.env.cr.fetchone():
            self._bulk_finish()

    def _bulk_queue_chunks(self, chunks):
        for chunk in chunks:
            self.with_delay(channel='root.thads_import', description=_('%s: part %d of %d') % (
                self.name, chunk + 1, self.chunk_count))._bulk_chunk(chunk)

    def _bulk_queue(self):
        """Resume: queue the parts whose rows are still staged (killed or
        lost jobs), or the reading again if it did not finish."""
        if not self.staged:
            self._bulk_queue_reading()
            return None
        self.env.cr.execute('SELECT DISTINCT chunk FROM thads_case_import_row WHERE import_id = %s ORDER BY chunk',
                            (self.id,))
        todo = [row[0] for row in self.env.cr.fetchall()]
        self._bulk_queue_chunks(todo)
        if not todo:
            self._bulk_finish()
        return todo

    # ------------------------------------------------------------ context
    def _bulk_context(self):
        """lib.bulk.Context: the reference data of one chunk."""
        env = self.env
        # reference data read in SQL (the ORM would read every field of a
        # thousand offices for each chunk): every office, archived ones
        # included, and the active users, as the ORM path finds them
        env.cr.execute('SELECT code, id, is_system FROM thads_office WHERE code IS NOT NULL')
        offices = {code: (id_, bool(system)) for code, id_, system in env.cr.fetchall()}
        env.cr.execute('SELECT login, id FROM res_users WHERE active')
        users = dict(env.cr.fetchall())
        grounds = {}
        for ground in env['thads.case.ground'].sudo().search([]):
            spellings = [ground.code, ground.citation] + (ground.aliases or '').split(',')
            for spelling in spellings:
                if spelling:
                    grounds.setdefault(ground.event_type, {}).setdefault(
                        ' '.join(spelling.split()).lower(),
                        (ground.code, fields.Date.from_string(ground.date_from) if ground.date_from else None,
                         fields.Date.from_string(ground.date_to) if ground.date_to else None))
        Ground = env['thads.case.ground']

        def normalize_ground(event_type, value, date):
            # thads.case.ground._normalize on the loaded list; its refusals
            # (and their messages) come from the method itself
            if event_type not in grounds or not value:
                return value
            found = grounds[event_type].get(' '.join(value.split()).lower())
            if found and not (found[1] and date < found[1]) and not (found[2] and date > found[2]):
                return found[0]
            try:
                return Ground._normalize(event_type, value, fields.Date.to_string(date))
            except UserError as error:
                raise bulk.PlanError('message', text=error.name)

        # the periods closed by the statistics (thads_stats), per office: the
        # latest locked day on the office or above it; an event on or before
        # it is refused with the ORM's own message
        locked_until = {}
        if 'thads.stat.lock' in env:
            Lock = env['thads.stat.lock'].sudo()
            # every office below a locked one (the office tree's nested sets)
            env.cr.execute('''SELECT o.id, MAX(l.date_end) FROM thads_stat_lock l
                                JOIN thads_office a ON a.id = l.office_id
                                JOIN thads_office o ON o.parent_left >= a.parent_left
                                                   AND o.parent_left < a.parent_right
                               GROUP BY o.id''')
            locked_until = {id_: fields.Date.from_string(day) for id_, day in env.cr.fetchall()}
        Office = env['thads.office']

        def check_lock(office_id, date):
            if office_id in locked_until and date <= locked_until[office_id]:
                try:
                    Lock._check_locked(Office.browse(office_id), fields.Date.to_string(date))
                except UserError as error:
                    raise bulk.PlanError('message', text=error.name)

        Rule = env['thads.deadline.rule']
        Case = env['thads.case']
        today = fields.Date.from_string(fields.Date.context_today(Case))
        return bulk.Context(offices, users, normalize_ground, check_lock, Rule._get_rules(),
                            env['thads.calendar.day']._get_calendar(), Rule._rule_id_of, today,
                            fields.Date.from_string(Case._soon_limit()), _('Pay'))

    def _plan_text(self, error):
        """Translated reason of a lib.bulk.PlanError, word for word the
        ORM path's (thads.case.event.create)."""
        if error.code == 'transition':
            return self.env['thads.case.event']._error_message(error.params['error'])
        if error.code == 'missing':
            names = {'document': _('the document number'), 'ground': _('the legal ground'),
                     'result': _('the verification result'), 'office': _('the receiving office'),
                     'executor': _('the enforcement officer'), 'amount': _('the amount'),
                     'obligation': _('the obligation')}
            return _('To record this event, give %s.') % ', '.join(names[n] for n in error.params['needs'])
        return error.params['text']

    # -------------------------------------------------------------- chunk
    @job(default_channel='root.thads_import')
    @api.multi
    def _bulk_chunk(self, chunk):
        """Import one chunk in this transaction: its staged lines are
        deleted here, so a chunk is stored once (a second run finds none)."""
        self.ensure_one()
        self = self._in_import_lang()
        started = time.time()
        cr = self.env.cr
        if cr._cnx.get_transaction_status() == TRANSACTION_STATUS_IDLE:
            # a job of its own (queue_job commits before running it): READ
            # COMMITTED, so that two workers plan two chunks at once and each
            # sees what the other committed once it holds the insert lock
            cr.execute('SET TRANSACTION ISOLATION LEVEL READ COMMITTED')
        cr.execute('DELETE FROM thads_case_import_row WHERE import_id = %s AND chunk = %s RETURNING row, data',
                   (self.id, chunk))
        staged = sorted(cr.fetchall())
        if not staged:
            return 0  # done by an earlier run
        rows = [(number, json.loads(data)) for number, data in staged]
        del staged
        keys = list({str(row.get('key') or '') for _n, row in rows})
        cr.execute('SELECT external_key FROM thads_case WHERE external_key = ANY(%s)', (keys,))
        existing = {row[0] for row in cr.fetchall()}
        ctx = self._bulk_context()
        entries, errors, skipped = importer.parse(rows, set(ctx.offices), set(ctx.users), existing,
                                                  allowed_offices=self._allowed_office_codes(), start=None)
        # the case keys of the chunk (what case_total counted when staging)
        case_rows = len({str(row.get('key') or '') for _n, row in rows if row.get('decision_number')})
        del rows
        messages = [(number, error.key, self._text(error)) for number, error in errors]
        plans = []
        for entry in entries:
            plan, refused = bulk.plan_case(entry, ctx)
            messages.extend((number, entry['key'], self._plan_text(error)) for number, error in refused)
            if plan is None:
                messages.extend((number, entry['key'], self._text(importer.RowError(
                    'case_rejected', value=entry['key'], row=entry['row']))) for number, _e in entry['events'])
            else:
                plan['case'] = entry['case']
                plans.append(plan)
        # chunks insert side by side; what they share is serialised by locks
        # in _bulk_insert (the numbers of an office, the partners).  A key
        # imported meanwhile by another import is skipped, not doubled (and
        # if that import commits it while this chunk inserts, the unique key
        # refuses this transaction and queue_job runs the chunk again)
        planned = time.time()
        cr.execute('SHOW transaction_isolation')
        isolation = cr.fetchone()[0]
        cr.execute('SELECT external_key FROM thads_case WHERE external_key = ANY(%s)', ([p['key'] for p in plans],))
        late = {row[0] for row in cr.fetchall()}
        if late:
            plans = [p for p in plans if p['key'] not in late]
            skipped = list(skipped) + sorted(late)
        try:
            waited = self._bulk_insert(plans, ctx)
        except (psycopg2.IntegrityError, psycopg2.extensions.TransactionRollbackError) as error:
            if getattr(error, 'pgcode', None) not in (psycopg2.errorcodes.UNIQUE_VIOLATION,
                                                      psycopg2.errorcodes.DEADLOCK_DETECTED,
                                                      psycopg2.errorcodes.SERIALIZATION_FAILURE):
                raise
            raise RetryableJobError(_('This part met another import writing the same cases or persons at the same '
                                      'time: it is run again.'), seconds=5)
        locked = planned + waited
        self._record_errors(sorted(messages))
        cr.execute("""UPDATE thads_case_import SET case_done = case_done + %s, created_count = created_count + %s,
                             skipped_count = skipped_count + %s, chunk_done = chunk_done + 1,
                             write_date = (now() at time zone 'UTC')
                       WHERE id = %s""", (case_rows, len(plans), len(skipped), self.id))
        self.invalidate_cache()
        # the last part finishes the import once the reading is over (the
        # UPDATE above waits for a reading that is committing, so this sees it)
        cr.execute("""SELECT staged AND NOT EXISTS (SELECT 1 FROM thads_case_import_row WHERE import_id = %s)
                        FROM thads_case_import WHERE id = %s""", (self.id, self.id))
        if cr.fetchone()[0]:
            self._bulk_finish()
        _logger.info('import %s chunk %d: %d cases in %.2f s (planned in %.2f s, waited %.2f s for the locks, '
                     'isolation %s), peak memory %d MB', self.id, chunk, len(plans), time.time() - started,
                     planned - started, locked - planned, isolation,
                     resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        return len(plans)

    def _bulk_finish(self):
        """Once per import: by its last part, or by the reading when every
        part was done before the reading ended (or ran inside it, in tests)."""
        self.env.cr.execute("SELECT state FROM thads_case_import WHERE id = %s FOR UPDATE", (self.id,))
        if self.env.cr.fetchone()[0] == 'done':
            return
        replaying(self).write({'state': 'done', 'date_done': fields.Datetime.now()})
        self._audit_batch()

    # ------------------------------------------------------------- insert
    def _partners(self, plans):
        """The partner of each party, like _partner: an active partner with
        the ID number (the first by name), else a new one; a number seen
        twice in the chunk gives one partner.  Returns {(plan index, role): id}."""
        cr, uid = self.env.cr, self.env.uid
        wanted = []  # (index, role, name, id_number)
        for index, plan in enumerate(plans):
            data = plan['case']
            wanted.append((index, 'debtor', data['debtor_name'], data['debtor_id']))
            if data['creditor_name']:
                wanted.append((index, 'creditor', data['creditor_name'], data['creditor_id']))
        numbers = list({w[3] for w in wanted if w[3]})
        found = {}
        if numbers:
            # PostgreSQL may take the trigram index of the partial ID search
            # (pg_trgm answers "=" since PostgreSQL 14) for each number: a GIN
            # scan of the trigrams of 12 digits, minutes per part once a
            # million partners are stored (seen at 600 000 cases); or hash
            # every partner (a second per part at a million).  For this one
            # query: each number looked up in the btree index of the numbers
            # (the trigram index is only read by bitmap scans)
            for setting in PARTNER_LOOKUP:
                cr.execute('SET LOCAL %s = off' % setting)
            cr.execute("""SELECT DISTINCT ON (p.thads_id_number) p.thads_id_number, p.id
                            FROM unnest(%s::varchar[]) AS n(number)
                            JOIN res_partner p ON p.thads_id_number = n.number
                           WHERE p.active
                        ORDER BY p.thads_id_number, p.display_name, p.id""", (numbers,))
            found = dict(cr.fetchall())
            for setting in PARTNER_LOOKUP:
                cr.execute('SET LOCAL %s TO DEFAULT' % setting)
        new, slot_of, result = [], {}, {}
        for index, role, name, number in wanted:
            if number and number in found:
                result[(index, role)] = found[number]
                continue
            if number and number in slot_of:
                result[(index, role)] = slot_of[number]
                continue
            slot = ('new', len(new))
            new.append((name, number or None, bool(number) and len(number) not in (9, 12)))
            if number:
                slot_of[number] = slot
            result[(index, role)] = slot
        if new:
            ids = _ids(cr, 'res_partner', len(new))
            self._insert_model('res.partner', (
                'id', 'commercial_partner_id', 'name', 'display_name', 'thads_id_number', 'is_company', 'thads_party'),
                [(id_, id_, name, name, number, company, True) for id_, (name, number, company) in zip(ids, new)])
            result = {k: (ids[v[1]] if isinstance(v, tuple) else v) for k, v in result.items()}
        return result

    def _defaults(self, model, columns):
        """What create() would add to `columns` for a new record of `model`:
        the defaults of the other stored fields, and False for every other
        stored boolean (the ORM writes them).  ({column: value})"""
        Model = self.env[model].sudo()
        names = [name for name, field in Model._fields.items()
                 if field.store and field.column_type and not field.compute and name not in columns
                 and name not in models.MAGIC_COLUMNS and name != 'id']
        defaults = Model.default_get(names)
        result = {}
        for name in names:
            field = Model._fields[name]
            if name in defaults:
                # default_get gives values as create() takes them
                value = field.convert_to_column(defaults[name], Model)
                result[name] = None if value is False and field.type != 'boolean' else value
            elif field.type == 'boolean':
                result[name] = False
        return result

    def _insert_model(self, model, columns, rows):
        """_insert with the defaults of `model` appended to each row."""
        defaults = self._defaults(model, columns)
        extra = sorted(defaults)
        tail = tuple(defaults[name] for name in extra)
        _insert(self.env.cr, self.env[model]._table, tuple(columns) + tuple(extra),
                [tuple(row) + tail for row in rows], self.env.uid)

    def _bulk_insert(self, plans, ctx):
        """Insert the planned cases and all that belongs to them, side by
        side with the other chunks.  Two kinds of locks, taken in this order
        by every chunk, each kind in sorted order (no deadlock): the numbers
        of each office and year of the chunk (like _assign_number), then the
        ID numbers of its persons (thads_case_import_claim), which only
        chunks sharing a person wait for.  Returns the seconds spent
        waiting for them."""
        if not plans:
            return 0.0
        cr, uid = self.env.cr, self.env.uid
        codes = {value[0]: code for code, value in ctx.offices.items()}
        # numbers per office and year, in file order (serialised like _assign_number)
        groups = sorted({(p['office_id'], p['date_received'].year) for p in plans})
        started = time.time()
        for office_id, year in groups:
            cr.execute('SELECT pg_advisory_xact_lock(%s, %s)', (office_id, year))
        waited = time.time() - started
        cr.execute("""SELECT office_id, year, MAX(number_seq) FROM thads_case
                       WHERE (office_id, year) IN %s GROUP BY office_id, year""", (tuple(groups),))
        last = {(o, y): s or 0 for o, y, s in cr.fetchall()}
        rows = []
        for index, plan in enumerate(plans):
            data, year = plan['case'], plan['date_received'].year
            seq = last[(plan['office_id'], year)] = last.get((plan['office_id'], year), 0) + 1
            plan['number_seq'], plan['year'] = seq, year
            plan['name'] = '%s/%s/%s' % (seq, year, codes[plan['office_id']])
            plan.update(external_key=plan['key'], court=data['court'], judgment_number=data['judgment_number'],
                        judgment_date=data['judgment_date'], judgment_type=data['judgment_type'],
                        debtor_names=data['debtor_name'])
            rows.append(tuple(plan[c] if plan[c] is not False or c == 'overdue' else None for c in CASE_COLUMNS))
        ids = _ids(cr, 'thads_case', len(plans))
        for id_, plan in zip(ids, plans):
            plan['id'] = id_
        self._insert_model('thads.case', ('id',) + CASE_COLUMNS, [(id_,) + row for id_, row in zip(ids, rows)])
        # obligations (at most one per imported case); the creditor is set
        # with the partners, at the end
        rows, creditor_of = [], {}
        for index, plan in enumerate(plans):
            if plan['obligations']:
                data, money = plan['case'], plan['obligations'][0]
                rows.append((plan['id'], data['obligation'] or ctx.pay_label, 'money', data['budget'],
                             money['amount_due']) + tuple(money[c] for c in OBLIGATION_MONEY))
                creditor_of[plan['id']] = index
        ids = _ids(cr, 'thads_case_obligation', len(rows))
        obligation_of = {row[0]: id_ for id_, row in zip(ids, rows)}
        self._insert_model('thads.case.obligation', ('id', 'case_id', 'name', 'kind', 'budget', 'amount_due')
                           + OBLIGATION_MONEY, [(id_,) + row for id_, row in zip(ids, rows)])
        # events, one statement (the journal's triggers run once per chunk)
        stats = 'stat_cum_done' in self.env['thads.case.event']._fields
        rows, delegations = [], []
        for plan in plans:
            for event in plan['events']:
                rows.append((
                    plan['id'], event['date'], event['sequence'], event['event_type'], event['document'] or None,
                    event['ground'] or None, event['result'] or None, None if event['event_type'] in ('receive', 'decide') else event['amount'],
                    obligation_of.get(plan['id']) if event['obligation'] is not None else None,
                    event['target_office_id'] or None, event['executor_id'] or None,
                    event['previous_executor_id'] or None, plan['office_id'], event['state_after'], uid)
                    + (event['stat'] if stats else ()))
            for delegation in plan['_delegations']:
                delegations.append((plan['id'], delegation['origin_office_id'], delegation['office_id'],
                                    delegation['date'], delegation['document_number'] or None,
                                    delegation['amount'], delegation['state']))
        self._insert_model('thads.case.event', EVENT_COLUMNS + (STAT_COLUMNS if stats else ()), rows)
        if delegations:
            self._insert_model('thads.case.delegation', ('case_id', 'origin_office_id', 'office_id', 'date',
                                                         'document_number', 'amount', 'state'), delegations)
        # the partners: a person in two chunks running at once gets one
        # partner (see thads_case_import_claim)
        numbers = sorted({number for plan in plans for number in (plan['case']['debtor_id'],
                                                                    plan['case']['creditor_id']) if number})
        started = time.time()
        cr.execute('INSERT INTO thads_case_import_claim (id_number) SELECT unnest(%s::varchar[]) '
                   'ON CONFLICT DO NOTHING', (numbers,))
        waited += time.time() - started
        partners = self._partners(plans)
        cr.execute('DELETE FROM thads_case_import_claim WHERE id_number = ANY(%s)', (numbers,))
        rows = []
        for index, plan in enumerate(plans):
            rows.append((plan['id'], partners[(index, 'debtor')], 'debtor'))
            if (index, 'creditor') in partners:
                rows.append((plan['id'], partners[(index, 'creditor')], 'creditor'))
        self._insert_model('thads.case.party', ('case_id', 'partner_id', 'role'), rows)
        creditors = [(obligation_of[case_id], partners[(index, 'creditor')])
                     for case_id, index in creditor_of.items() if (index, 'creditor') in partners]
        if creditors:
            cr.execute("""UPDATE thads_case_obligation o SET creditor_id = c.partner_id
                            FROM unnest(%s, %s) AS c(id, partner_id) WHERE o.id = c.id""",
                       ([c[0] for c in creditors], [c[1] for c in creditors]))
        # what the partners' stored computation gives: a party, and the offices of its cases
        partner_ids = sorted(set(partners.values()))
        cr.execute("""UPDATE res_partner SET thads_party = true WHERE id = ANY(%s) AND thads_party IS NOT TRUE""",
                   (partner_ids,))
        cr.execute("""INSERT INTO res_partner_thads_office_rel (partner_id, office_id)
                      SELECT DISTINCT p.partner_id, c.office_id FROM thads_case_party p
                        JOIN thads_case c ON c.id = p.case_id WHERE c.id = ANY(%s)
                      ON CONFLICT DO NOTHING""", ([p['id'] for p in plans],))
        for model in ('thads.case', 'thads.case.event', 'thads.case.party', 'thads.case.obligation',
                      'res.partner', 'thads.case.delegation'):
            self.env[model].invalidate_cache()
        return waited
