import base64
import csv
import io
import zlib

from odoo.exceptions import UserError

from odoo.addons.queue_job.job import Job

from ..lib import legacy_template
from .common import ThadsCaseCase
from .test_import import HEADER

# what both paths must store alike, read back in SQL (no ids, no create dates):
# every id is replaced by what it stands for (key, code, login, ID number).
# The ORM path leaves a derived number or flag that its replay never had to
# change NULL (read as 0 / False by the ORM); the bulk path writes 0 / false:
# those columns are compared through COALESCE.
DUMPS = {
    'cases': """
        SELECT c.external_key, c.name, c.number_seq, c.year, o.code, c.kind, c.court, c.judgment_number,
               c.judgment_date, c.judgment_type, c.date_received, u.login, c.decision_number, c.decision_date,
               c.state, COALESCE(c.amount_due, 0), COALESCE(c.amount_collected, 0), COALESCE(c.amount_paid_out, 0),
               COALESCE(c.amount_reduced, 0), COALESCE(c.amount_delegated, 0), COALESCE(c.amount_remaining, 0),
               COALESCE(c.amount_held, 0), c.next_deadline_date, r.code, r.date_from, COALESCE(c.overdue, false),
               c.deadline_status, c.no_condition_date, c.no_condition_ground, COALESCE(c.verification_count, 0),
               c.last_verification_date, c.next_verification_date, c.separate_register_date, c.publication_state,
               c.publication_date, c.withdrawal_date, c.exemption_actions, c.debtor_names, c.origin_case_id
          FROM thads_case c JOIN thads_office o ON o.id = c.office_id
          LEFT JOIN res_users u ON u.id = c.executor_id
          LEFT JOIN thads_deadline_rule r ON r.id = c.next_deadline_rule_id
         WHERE c.external_key LIKE %(prefix)s ORDER BY c.external_key""",
    'parties': """
        SELECT c.external_key, y.role, p.name, p.display_name, p.thads_id_number, p.is_company, p.active,
               p.thads_party, p.commercial_partner_id = p.id, p.type, p.customer, p.supplier, p.lang,
               (SELECT string_agg(o.code, ',' ORDER BY o.code) FROM res_partner_thads_office_rel rel
                  JOIN thads_office o ON o.id = rel.office_id WHERE rel.partner_id = p.id)
          FROM thads_case_party y JOIN thads_case c ON c.id = y.case_id JOIN res_partner p ON p.id = y.partner_id
         WHERE c.external_key LIKE %(prefix)s ORDER BY c.external_key, y.role""",
    'partners shared': """
        SELECT p.thads_id_number, count(DISTINCT p.id), count(*)
          FROM thads_case_party y JOIN thads_case c ON c.id = y.case_id JOIN res_partner p ON p.id = y.partner_id
         WHERE c.external_key LIKE %(prefix)s GROUP BY p.thads_id_number ORDER BY 1""",
    'obligations': """
        SELECT c.external_key, b.name, b.kind, COALESCE(b.budget, false), b.amount_due,
               COALESCE(b.amount_collected, 0), COALESCE(b.amount_paid_out, 0), COALESCE(b.amount_reduced, 0),
               COALESCE(b.amount_delegated, 0), COALESCE(b.amount_remaining, 0), cp.thads_id_number, cp.name,
               b.debtor_id
          FROM thads_case_obligation b JOIN thads_case c ON c.id = b.case_id
          LEFT JOIN res_partner cp ON cp.id = b.creditor_id
         WHERE c.external_key LIKE %(prefix)s ORDER BY c.external_key""",
    'events': """
        SELECT c.external_key, e.sequence, e.date, e.event_type, e.document_number, e.ground, e.result, e.amount,
               b.name, t.code, u.login, pu.login, o.code, e.state_after, e.user_id = %(uid)s, e.note
          FROM thads_case_event e JOIN thads_case c ON c.id = e.case_id
          LEFT JOIN thads_case_obligation b ON b.id = e.obligation_id
          LEFT JOIN thads_office t ON t.id = e.target_office_id
          LEFT JOIN res_users u ON u.id = e.executor_id LEFT JOIN res_users pu ON pu.id = e.previous_executor_id
          LEFT JOIN thads_office o ON o.id = e.office_id
         WHERE c.external_key LIKE %(prefix)s ORDER BY c.external_key, e.sequence""",
    'delegations': """
        SELECT c.external_key, f.code, t.code, d.date, d.document_number, d.amount, d.state, d.new_case_id
          FROM thads_case_delegation d JOIN thads_case c ON c.id = d.case_id
          JOIN thads_office f ON f.id = d.origin_office_id JOIN thads_office t ON t.id = d.office_id
         WHERE c.external_key LIKE %(prefix)s ORDER BY c.external_key, d.date""",
    'rejected rows': """
        SELECT e.row, e.key, e.message FROM thads_case_import_error e WHERE e.import_id = %(import)s
         ORDER BY e.row, e.message""",
}
# the journal's running totals (thads_stats), when installed
STATS = """
        SELECT c.external_key, e.sequence, e.stat_next_date, e.stat_cum_done, e.stat_cum_delegated,
               e.stat_decided_date, e.stat_terminated
          FROM thads_case_event e JOIN thads_case c ON c.id = e.case_id
         WHERE c.external_key LIKE %(prefix)s ORDER BY c.external_key, e.sequence"""


class TestImportBulk(ThadsCaseCase):
    """The bulk path stores what the ORM path stores, once."""

    def setUp(self):
        super(TestImportBulk, self).setUp()
        self.params = self.env['ir.config_parameter']
        self.params.set_param('thads_case.import_first_chunk', '50')
        self.params.set_param('thads_case.import_bulk_chunk', '200')

    def sample(self, count, prefix='EQ', bad_share=0.03):
        """A legacy file covering every event type (legacy_template.PATHS),
        both regimes (events before and after 01/07/2026) and bad rows."""
        buffer = io.StringIO()
        legacy_template.write_csv(buffer, legacy_template.sample_rows(
            count, ['T-A-1', 'T-A-2'], [self.users['executor'].login], bad_share=bad_share, seed=17,
            start='2025-01-01', days=600, delegate_office='T-B-1', prefix=prefix, events=(3, 10), every_type=True))
        return base64.b64encode(buffer.getvalue().encode('utf-8'))

    def run_import(self, data, bulk, filename='legacy.csv', office=None, delay=False):
        self.params.set_param('thads_case.import_bulk_limit', '0' if bulk else '1000000')
        self.params.set_param('thads_case.import_sync_limit', '1000000')
        vals = {'file': data, 'filename': filename}
        if office:
            vals['office_id'] = office.id
        record = self.env['thads.case.import'].create(vals)
        record.with_context(test_queue_job_no_delay=not delay).action_import()
        record.invalidate_cache()
        return record

    def pending(self, record):
        return self.env['queue.job'].search([('func_string', '=like', 'thads.case.import(%d,)%%' % record.id),
                                             ('state', '=', 'pending')], order='id')

    def dump(self, record, prefix):
        cr = self.env.cr
        queries = dict(DUMPS)
        if 'stat_cum_done' in self.env['thads.case.event']._fields:
            queries['running totals'] = STATS
        result = {}
        for name, query in queries.items():
            cr.execute(query, {'prefix': prefix + '-%', 'import': record.id, 'uid': self.env.uid})
            result[name] = cr.fetchall()
        return result

    def test_same_end_state_on_both_paths(self):
        data = self.sample(520)
        cr = self.env.cr
        cr.execute('SAVEPOINT before_import')
        orm = self.run_import(data, bulk=False)
        self.assertEqual(orm.path, 'orm')
        expected = self.dump(orm, 'EQ')
        counts = (orm.created_count, orm.error_count, orm.state, orm.progress)
        cr.execute('ROLLBACK TO SAVEPOINT before_import')
        self.env.clear()
        bulk = self.run_import(data, bulk=True)
        self.assertEqual(bulk.path, 'bulk')
        self.assertGreater(bulk.chunk_count, 2)
        self.assertEqual((bulk.created_count, bulk.error_count, bulk.state, bulk.progress), counts)
        got = self.dump(bulk, 'EQ')
        for name in expected:
            self.assertEqual(len(got[name]), len(expected[name]), name)
            for line, (want, have) in enumerate(zip(expected[name], got[name])):
                self.assertEqual(have, want, '%s, line %d' % (name, line))
        # the file really covers what the test claims
        event_types = {row[3] for row in got['events']}
        # refused by both paths, always: a refusal needs a case without QĐ THA, and
        # the file has no column for the office a verification is delegated to
        importable = {e for path in legacy_template.PATHS for e, _d, _g, _s in path} - {'refuse', 'verify_delegate'}
        self.assertFalse(importable - event_types, 'event types never imported')
        self.assertTrue(any(str(row[2]) < '2026-07-01' for row in got['events']))
        self.assertTrue(any(str(row[2]) >= '2026-07-01' for row in got['events']))
        self.assertGreater(len(got['cases']), 480)
        self.assertTrue(got['delegations'])

    def test_reimport_creates_nothing(self):
        data = self.sample(120, prefix='ID', bad_share=0)
        first = self.run_import(data, bulk=True)
        self.assertEqual((first.path, first.state, first.created_count), ('bulk', 'done', 120))
        before = self.dump(first, 'ID')
        again = self.run_import(data, bulk=True)
        self.assertEqual((again.state, again.created_count, again.skipped_count, again.progress),
                         ('done', 0, 120, 100.0))
        after = self.dump(first, 'ID')
        self.assertEqual(after, before)
        self.assertEqual(self.env['auditlog.log'].search_count([('model_id.model', '=', 'thads.case.import'),
                                                                ('res_id', 'in', (first.id, again.id))]), 2)

    def test_killed_chunk_then_resume_exactly_once(self):
        data = self.sample(300, prefix='KL', bad_share=0)
        record = self.run_import(data, bulk=True, delay=True)
        # a first job reads the file (too long for a web request with a million cases)
        self.assertEqual((record.state, record.path, record.chunk_count), ('running', 'bulk', 0))
        reading = self.pending(record)
        self.assertEqual(len(reading), 1)
        Job.load(self.env, reading.uuid).perform()
        record.invalidate_cache()
        # every row of the file was read (300 case rows and their event rows)
        self.assertEqual(record.rows_read, len(base64.b64decode(data).decode('utf-8').splitlines()) - 1)
        jobs = self.pending(record) - reading
        self.assertEqual(len(jobs), record.chunk_count)
        Job.load(self.env, jobs[0].uuid).perform()
        record.invalidate_cache()
        done = record.created_count
        self.assertTrue(0 < record.progress < 100)
        # the second part dies after writing its cases: its transaction is lost whole
        cr = self.env.cr
        cr.execute('SAVEPOINT killed')
        Job.load(self.env, jobs[1].uuid).perform()
        cr.execute('ROLLBACK TO SAVEPOINT killed')
        self.env.clear()
        record.invalidate_cache()
        self.assertEqual(record.created_count, done)
        self.assertEqual(self.env['thads.case'].search_count([('external_key', '=like', 'KL-%')]), done)
        # resumed: the remaining parts are queued again; the old jobs also run, and find nothing to do
        record.action_import()
        for job in self.pending(record) - reading:
            Job.load(self.env, job.uuid).perform()
        record.invalidate_cache()
        self.env.cr.execute("SELECT count(*), count(DISTINCT external_key) FROM thads_case "
                            "WHERE external_key LIKE 'KL-%%'")
        self.assertEqual(self.env.cr.fetchone(), (300, 300))
        self.assertEqual((record.state, record.created_count, record.case_done, record.progress),
                         ('done', 300, 300, 100.0))

    def test_chunks_hold_the_cases_of_one_group_of_offices(self):
        """After the small first part, a part holds the cases of one group
        of offices (so that two parts running at once number cases of
        different offices), and each key's rows stay in its case's part."""
        self.params.set_param('thads_case.import_bulk_groups', '8')
        self.params.set_param('thads_case.import_bulk_chunk', '40')
        self.params.set_param('thads_case.import_first_chunk', '10')
        record = self.run_import(self.sample(200, prefix='GR', bad_share=0), bulk=True, delay=True)
        Job.load(self.env, self.pending(record).uuid).perform()
        cr = self.env.cr
        cr.execute("""SELECT chunk, data::json->>'key', data::json->>'office', (data::json->>'decision_number') IS NOT NULL
                        FROM thads_case_import_row WHERE import_id = %s ORDER BY row""", (record.id,))
        rows = cr.fetchall()
        case_chunk = {key: chunk for chunk, key, _office, is_case in rows if is_case}
        self.assertEqual(len(case_chunk), 200)
        self.assertEqual(sorted(case_chunk.values()).count(0), 10)
        offices_of = {}
        for chunk, key, office, is_case in rows:
            self.assertEqual(chunk, case_chunk[key], 'row of %s outside its case part' % key)
            if is_case and chunk:
                offices_of.setdefault(chunk, set()).add(zlib.crc32(office.encode()) % 8)
        self.assertTrue(all(len(groups) == 1 for groups in offices_of.values()), offices_of)
        # the two offices of the file (groups 7 and 5) went to different parts
        self.assertEqual(set().union(*offices_of.values()), {5, 7})
        self.assertTrue(all(list(case_chunk.values()).count(chunk) <= 40 for chunk in offices_of))
        self.assertEqual(record.chunk_count, 1 + len(offices_of))

    def test_each_bad_row_refused_with_row_key_and_reason(self):
        login = self.users['executor'].login
        good = ',theo_yeu_cau,TAND,1/2025,10/01/2025,%%s/QĐ,05/02/2025,%s,,,Nợ,%%s,,1000000,,,,,' % login
        lines = [
            'R-1,T-A-1' + good % (1, '12345'),                                       # 2 bad ID
            'R-2,XX-9' + good % (2, '001090000111'),                                 # 3 unknown office
            'R-3,T-B-1' + good % (3, '001090000112'),                                # 4 office of another subtree
            'R-4,T-A-1,theo_yeu_cau,,,,4/QĐ,31/02/2025,%s,,,Nợ,,,100,,,,,' % login,   # 5 bad date
            'R-5,T-A-1,theo_yeu_cau,,,,5/QĐ,05/02/2025,%s,,,Nợ,,,-100,,,,,' % login,  # 6 negative money
            'R-6,T-A-1,theo_yeu_cau,,,,6/QĐ,05/02/2025,nobody,,,Nợ,,,100,,,,,',       # 7 unknown officer
            'R-7,T-A-1,theo_yeu_cau,,,,7/QĐ,05/02/2025,%s,,,,,,100,,,,,' % login,     # 8 no debtor
            'R-8,T-A-1' + good % (8, '001090000118'),                                # 9 good
            'R-8,T-A-1' + good % (9, '001090000119'),                                # 10 duplicate key
            'R-8,,,,,,,,,,,,,,,teleport,06/02/2025,,,',                               # 11 unknown event
            'R-8,,,,,,,,,,,,,,,complete,06/02/2025,,,',                               # 12 not possible
            'R-8,,,,,,,,,,,,,,,collect,07/02/2025,PT,,5000000',                      # 13 over the remaining
            'R-9,,,,,,,,,,,,,,,notify,06/02/2025,TB,,',                               # 14 no case row
            'R-1,,,,,,,,,,,,,,,notify,06/02/2025,TB,,',                               # 15 its case row rejected
            'R-8,,,,,,,,,,,,,,,notify,06/02/2025,TB,,',                               # 16 good
        ]
        data = base64.b64encode('\n'.join((HEADER,) + tuple(lines)).encode('utf-8'))
        for bulk in (False, True):
            cr = self.env.cr
            cr.execute('SAVEPOINT bad_rows')
            record = self.run_import(data, bulk=bulk, office=self.region_a1)
            errors = {e.row: (e.key, e.message) for e in record.error_ids}
            expected = {
                2: '"debtor_id": "12345" is not a CCCD', 3: 'Unknown office code "XX-9"',
                4: 'not in the office subtree', 5: 'is not a date', 6: 'is negative',
                7: 'Unknown enforcement officer login "nobody"', 8: 'Column "debtor_name" is empty',
                10: 'appears twice', 11: '"teleport" is not one of the allowed values',
                12: 'is not possible for a case in state', 13: 'exceeds the 1.000.000 đồng still to enforce',
                14: 'No case row for the key "R-9"', 15: 'The case row 2 of the key "R-1" was rejected',
            }
            self.assertEqual(sorted(errors), sorted(expected), 'bulk' if bulk else 'orm')
            for row, text in expected.items():
                self.assertIn(text, errors[row][1], 'row %d' % row)
                self.assertTrue(errors[row][0], 'row %d has no key' % row)
            cases = self.env['thads.case'].search([('external_key', '=like', 'R-%')])
            self.assertEqual(cases.mapped('external_key'), ['R-8'])
            self.assertEqual(cases.event_ids.mapped('event_type'), ['notify', 'decide', 'receive'])
            self.assertEqual((cases.amount_collected, cases.state), (0, 'voluntary'))
            self.assertEqual(record.path, 'bulk' if bulk else 'orm')
            cr.execute('ROLLBACK TO SAVEPOINT bad_rows')
            self.env.clear()

    def test_template_and_rejects_download(self):
        rows = legacy_template.template_rows('T-A-1', self.users['executor'].login)
        data = base64.b64encode(legacy_template.to_csv(rows))
        record = self.run_import(data, bulk=False)
        # the explanation row is skipped, the examples import
        self.assertEqual((record.created_count, record.error_count), (1, 0))
        case = self.env['thads.case'].search([('external_key', '=', 'HS-0001')])
        self.assertEqual((case.state, case.amount_collected), ('verification', 20000000))
        self.assertTrue(legacy_template.to_xlsx(rows).startswith(b'PK'))
        bad = self.run_import(base64.b64encode(('%s\nZ-1,XX-9,,,,,1/QĐ,05/02/2025,,,,Nợ,,,,,,,,\n' % HEADER)
                                               .encode('utf-8')), bulk=True)
        action = bad.action_rejects_csv()
        attachment = self.env['ir.attachment'].browse(int(action['url'].split('/')[3].split('?')[0]))
        rows = list(csv.reader(io.StringIO(base64.b64decode(attachment.datas).decode('utf-8-sig'))))
        self.assertEqual(rows[0][:3], ['reason', 'row', 'key'])
        self.assertEqual(rows[1][:4], ['Unknown office code "XX-9".', '2', 'Z-1', 'XX-9'])
        self.assertEqual(len(rows), 2)

    def test_reading_bom_semicolons_blank_lines_workbook_and_encoding(self):
        """Both readings of a file (the rows for the ORM path, the cleaned
        rows and their placing for the bulk path) agree: a BOM, ";" as the
        delimiter, spaces around values and headers, a blank line (not
        numbered, as csv.DictReader never numbered it) and a workbook give
        the same cases and the same rejected rows on both paths (values
        beyond the headers are ignored); a file
        that is not UTF-8 is refused with its reason, nothing stored."""
        login = self.users['executor'].login
        header = HEADER.replace('key,', ' Key ,').replace(',', ';')
        lines = [
            'S-1;T-A-1;theo_yeu_cau;TAND;1/2025;10/01/2025;1/QĐ;05/02/2025;%s;;;Nợ;001090000201;; 1.000.000 ;;;;;'
            % login,
            '',
            'S-1;;;;;;;;;;;;;;;notify;06/02/2025;TB;;',
            '  ;  ;  ;;;;;;;;;;;;;;;;;',
            'S-2;T-A-1;theo_yeu_cau;TAND;2/2025;10/01/2025;2/QĐ;31/02/2025;%s;;;Nợ;001090000202;;100;;;;;' % login,
            # two values more than the headers: ignored (as csv.DictReader's extra values
            # were), and the delimiter is still found (csv.Sniffer took "," for this file)
            'S-3;T-A-1;theo_yeu_cau;TAND;3/2025;10/01/2025;3/QĐ;05/02/2025;%s;;;Nợ;001090000203;;100;;;;;;x;y' % login,
        ]
        text = '\n'.join([header] + lines)
        results = []
        for bulk in (False, True):
            cr = self.env.cr
            cr.execute('SAVEPOINT reading')
            record = self.run_import(base64.b64encode(b'\xef\xbb\xbf' + text.encode('utf-8')), bulk=bulk)
            self.assertEqual(record.path, 'bulk' if bulk else 'orm')
            cases = self.env['thads.case'].search([('external_key', '=like', 'S-%')], order='external_key')
            results.append((record.created_count, sorted((e.row, e.key) for e in record.error_ids),
                            [(c.external_key, c.amount_due, len(c.event_ids)) for c in cases]))
            cr.execute('ROLLBACK TO SAVEPOINT reading')
            self.env.clear()
        # row 5 (S-2, the 31st of February) is numbered without the blank line
        self.assertEqual(results[0], (2, [(5, 'S-2')], [('S-1', 1000000, 3), ('S-3', 100, 2)]))
        self.assertEqual(results[1], results[0])
        # the same rows in a workbook, on the bulk path
        rows = [next(csv.reader([header], delimiter=';'))] + [
            next(csv.reader([line], delimiter=';')) for line in lines if line]
        record = self.run_import(base64.b64encode(legacy_template.to_xlsx(rows)), bulk=True, filename='cu.xlsx')
        self.assertEqual((record.path, record.created_count), ('bulk', 2))
        self.assertEqual(self.env['thads.case'].search_count([('external_key', 'in', ('S-1', 'S-3'))]), 2)
        for bulk in (False, True):
            with self.assertRaisesRegex(UserError, 'UTF-8'):
                # "Nợ" written in a legacy 8-bit code page
                self.run_import(base64.b64encode(text.encode('utf-8').replace('Nợ'.encode('utf-8'), b'N\xf4')),
                                bulk=bulk)

    def test_rejections_in_the_language_of_the_importer(self):
        """The job runner runs a queue job in a request of its own (English
        here, as this test's environment), not in the importer's: the
        reasons of the rejected rows are still written in the language the
        import was started in, on both paths that run as jobs."""
        leader = self.users['leader']
        leader.lang = 'vi_VN'
        login = self.users['executor'].login
        line = 'L-%d,XX-9,theo_yeu_cau,TAND,1/2025,10/01/2025,%d/QĐ,05/02/2025,' + login + ',,,Nợ,0010900001%02d,,100,,,,,'
        data = base64.b64encode('\n'.join([HEADER] + [line % (n, n, n) for n in (1, 2)]).encode('utf-8'))
        for bulk in (True, False):
            self.params.set_param('thads_case.import_bulk_limit', '0' if bulk else '1000000')
            self.params.set_param('thads_case.import_sync_limit', '1')  # the ORM path in jobs too
            # started from the web client of a Vietnamese user (no language in the context: the user's)
            record = self.env['thads.case.import'].sudo(leader).with_context(lang=None).create(
                {'file': data, 'filename': 'cu.csv'})
            record.action_import()
            self.assertEqual(record.lang, 'vi_VN')
            # then the jobs, run like the job runner does, in an English environment
            for _round in range(5):
                for stored in self.pending(record):
                    job = Job.load(self.env, stored.uuid)
                    job.perform()
                    job.set_done()
                    job.store()
            self.assertFalse(self.pending(record))
            record.invalidate_cache()
            self.assertEqual(record.path, 'bulk' if bulk else 'orm')
            self.assertEqual(record.error_ids.mapped('message'), ['Không có cơ quan với mã "XX-9".'] * 2)

    def test_progress_written_by_the_import_alone(self):
        """A leader may import into the office subtree, but the state, the
        counts and the reading's progress are the import's own: neither a
        write nor a create nor a context key lets a client set them (a
        client that set rows_staged or staged could make a resumed import
        skip rows; the checksum goes into the audit entry)."""
        leader = self.users['leader']
        data = self.sample(5, prefix='PG', bad_share=0)
        Import = self.env['thads.case.import'].sudo(leader)
        record = Import.create({'file': data, 'filename': 'cu.csv'})
        forged = [{'state': 'done'}, {'rows_staged': 1000}, {'staged': True}, {'case_done': 5},
                  {'checksum': '0' * 64}, {'lang': 'en_US'}, {'path': 'bulk'}, {'chunk_count': 3}]
        for vals in forged:
            for context in ({}, {'thads_replay': True}, {'thads_replay': 'thads_replay'}):
                with self.assertRaisesRegex(UserError, 'written by the import itself'):
                    record.with_context(**context).write(vals)
                with self.assertRaisesRegex(UserError, 'written by the import itself'):
                    Import.with_context(**context).create(dict(vals, file=data, filename='cu.csv'))
        # what the importer may set, and the import's own run
        record.write({'name': 'Sổ thụ lý 2019'})
        self.params.set_param('thads_case.import_bulk_limit', '1000000')
        record.with_context(test_queue_job_no_delay=True).action_import()
        record.invalidate_cache()
        # the leader's subtree holds the cases of office T-A-1; those of T-A-2 are refused
        rows = list(csv.DictReader(io.StringIO(base64.b64decode(data).decode('utf-8'))))
        own = len([row for row in rows if row['decision_number'] and row['office'] == 'T-A-1'])
        self.assertTrue(0 < own < 5)
        self.assertEqual((record.state, record.created_count, len(record.checksum)), ('done', own, 64))
