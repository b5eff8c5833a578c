"""Fault check (issue 7): kill the Odoo process in the middle of a large
import (the case-by-case path, then a chunk of the bulk path, issue 17) and
in the middle of a period close, then show that nothing is half-written and
that doing it again completes exactly once.

Run by `./thads faults` (not a test: it kills processes and takes a few
minutes).  It needs: FAULT_DB (a database with the THADS addons and no
demo data), ODOO_CMD (the command that starts odoo-bin with the project's
configuration), and the PG* variables for psycopg2.

Each step starts `odoo shell` on a script, waits until PostgreSQL shows its
work in progress (pg_stat_activity), kills it with SIGKILL (no clean-up of
any kind: like a power cut of the application server), and checks the
database."""
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time

import psycopg2

DB = os.environ['FAULT_DB']
ODOO = shlex.split(os.environ['ODOO_CMD'])
CASES = int(os.environ.get('FAULT_CASES', '3000'))
OFFICE = 'FAULT-KV1'

SETUP = """
office = env['thads.office'].create({'name': 'Phòng THADS kiểm thử sự cố', 'code': '%(office)s', 'kind': 'region',
                                     'parent_id': env.ref('thads_accounts.office_national').id})
executor = env['res.users'].create({'name': 'CHV sự cố', 'login': 'fault.chv', 'password': 'Fault@2026x',
    'thads_office_id': office.id, 'groups_id': [(6, 0, [env.ref('thads_accounts.group_thads_executor').id])]})
env['ir.config_parameter'].sudo().set_param('thads_case.import_sync_limit', '1000000')
env.cr.commit()
"""

IMPORT = """
import base64
data = open(%(path)r, 'rb').read()
job = env['thads.case.import'].create({'file': base64.b64encode(data), 'filename': 'faults.csv'})
env.cr.commit()
print('FAULT import started', flush=True)
job.action_import()
env.cr.commit()
print('FAULT import done', job.created_count, flush=True)
"""

CLOSE = """
period = env['thads.stat.period'].search([('kind', '=', 'periodic'), ('stat_year', '=', 2025), ('months', '=', 12)])
report = env['thads.stat.report'].search([('office_id.code', '=', '%(office)s'), ('period_id', '=', period.id)])
if not report:
    report = env['thads.stat.report'].create({'form_id': env.ref('thads_stats.form_tk_viec').id,
                                              'period_id': period.id, 'office_id': env['thads.office'].search(
                                                  [('code', '=', '%(office)s')]).id})
    env.cr.commit()
print('FAULT close started', flush=True)
report._close()
%(pause)s
env.cr.commit()
print('FAULT close done', report.state, report.version, flush=True)
"""
# the bulk path: the import queued (a first job reads and stages the file and
# queues the chunks), then one job at a time like a queue_job worker (one
# transaction each)
BULK_START = """
import base64
params = env['ir.config_parameter'].sudo()
params.set_param('thads_case.import_bulk_limit', '100')
params.set_param('thads_case.import_bulk_chunk', '%(chunk)d')
params.set_param('thads_case.import_first_chunk', '%(chunk)d')
params.set_param('thads_case.import_stage_commit', '%(every)d')
data = open(%(path)r, 'rb').read()
record = env['thads.case.import'].create({'file': base64.b64encode(data), 'filename': %(filename)r})
record.action_import()
env.cr.commit()
print('FAULT bulk queued', record.id, record.path, flush=True)
"""
BULK_RUN = """
from odoo.addons.queue_job.job import Job
record = env['thads.case.import'].search([('filename', '=', %(filename)r)], order='id desc', limit=1)
%(resume)s
env.cr.commit()
number = 0
while True:
    # the killed job stays "started": a restarted job runner requeues it
    env.cr.execute(\"\"\"SELECT uuid FROM queue_job WHERE state IN ('pending', 'started') AND func_string LIKE %%s
                         ORDER BY id LIMIT 1\"\"\", ('thads.case.import(%%d,)%%%%' %% record.id,))
    row = env.cr.fetchone()
    if not row:
        break
    job = Job.load(env, row[0])
    job.set_started()
    job.store()
    env.cr.commit()
    number += 1
    print('FAULT bulk chunk %%d started' %% number, flush=True)
    job.perform()
    job.set_done()
    job.store()
    env.cr.commit()
    print('FAULT bulk chunk %%d done' %% number, flush=True)
record.invalidate_cache()
print('FAULT bulk done', record.state, record.created_count, record.progress, flush=True)
"""
# the worst moment to die: figures, state and lock written, not committed
CLOSE_SLOW = CLOSE.replace('%(pause)s', "print('FAULT close written', flush=True); import time; time.sleep(60)")
CLOSE = CLOSE.replace('%(pause)s', '')


def connect():
    conn = psycopg2.connect(dbname=DB)
    conn.autocommit = True
    return conn


def query(sql, params=None):
    with connect() as conn, conn.cursor() as cr:
        cr.execute(sql, params)
        return cr.fetchall()


def shell(script, kill_when=None, kill_on=None, timeout=900):
    """Run a script in `odoo shell`; SIGKILL it as soon as kill_when (SQL)
    returns a row or the script prints kill_on."""
    with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as handle:
        handle.write(script)
    # ODOO is "python odoo-bin -c CONF": the subcommand goes right after odoo-bin
    process = subprocess.Popen(ODOO[:2] + ['shell'] + ODOO[2:] + ['-d', DB, '--no-http'],
                               stdin=open(handle.name), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               universal_newlines=True)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    deadline = time.time() + timeout
    while process.poll() is None and time.time() < deadline:
        if (kill_on and any(kill_on in line for line in lines)) or (kill_when and query(kill_when)):
            process.send_signal(signal.SIGKILL)  # no clean-up of any kind
            process.wait()
            return 'killed'
        time.sleep(0.1)
    if process.poll() is None:
        process.kill()
        raise SystemExit('FAULT %s did not finish in %d s' % (script.split('\n')[1][:40], timeout))
    reader.join()
    if kill_when or kill_on:
        raise SystemExit('FAULT the work finished before it could be interrupted: raise FAULT_CASES')
    return ''.join(lines)


def check(label, condition, detail):
    print('FAULT %-4s %s: %s' % ('ok' if condition else 'FAIL', label, detail), flush=True)
    return condition


def csv_file(count, prefix='F'):
    header = ('key,office,kind,court,judgment_number,judgment_date,decision_number,decision_date,executor,'
              'creditor_name,creditor_id,debtor_name,debtor_id,obligation,amount_due,event,event_date,document,'
              'ground,amount')
    lines = [header]
    for number in range(1, count + 1):
        lines.append('F-%d,%s,theo_yeu_cau,TAND khu vực 1,%d/2025,10/01/2025,%d/QĐ,05/02/2025,fault.chv,'
                     'Trần Có,079185000456,Lê Nợ %d,001090%06d,Trả nợ,50.000.000,notify,10/02/2025,TB-%d,,'
                     % (number, OFFICE, number, number, number, number, number))
        lines.append('F-%d,,,,,,,,,,,,,,,collect,20/03/2025,PT-%d,,20000000' % (number, number))
    lines = [line.replace('F-', prefix + '-', 1) for line in lines]
    path = os.path.join(tempfile.mkdtemp(), 'faults.csv')
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write('\n'.join(lines))
    return path


def imported(prefix='F'):
    return query("""SELECT count(DISTINCT c.id), count(e.id) FILTER (WHERE e.event_type = 'collect'),
                           count(DISTINCT c.external_key)
                      FROM thads_case c LEFT JOIN thads_case_event e ON e.case_id = c.id
                     WHERE c.external_key LIKE %s""", (prefix + '-%',))[0]


def main():
    results = []
    print('FAULT preparing %s (an office, an officer)' % DB, flush=True)
    shell(SETUP % {'office': OFFICE})

    # 1. a large import, killed while it inserts
    path = csv_file(CASES)
    shell(IMPORT % {'path': path}, kill_when="""
        SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE '%%thads_case%%'
           AND xact_start < now() - interval '3 seconds'""")
    cases, collects, keys = imported()
    results.append(check('import killed', cases == 0 and collects == 0,
                         '%d cases, %d collections visible after the kill (the import is one transaction)'
                         % (cases, collects)))
    state = query("SELECT state FROM thads_case_import ORDER BY id DESC LIMIT 1")
    results.append(check('import record', state and state[0][0] == 'draft',
                         'the import stays "%s", to be run again' % (state[0][0] if state else None)))
    out = shell(IMPORT % {'path': path})
    cases, collects, keys = imported()
    results.append(check('import again', cases == CASES == collects == keys and 'FAULT import done' in out,
                         '%d cases, %d collections, %d distinct keys after running it again' % (
                             cases, collects, keys)))

    # 2. the bulk path, killed in the middle of its third chunk (fourth job), then resumed
    chunk = max(CASES // 6, 100)
    path = csv_file(CASES, 'FB')
    shell(BULK_START % {'path': path, 'chunk': chunk, 'every': 0, 'filename': 'faults_bulk.csv'})
    # job 1 reads the file
    shell(BULK_RUN % {'resume': '', 'filename': 'faults_bulk.csv'}, kill_on='FAULT bulk chunk 4 started')
    cases, collects, keys = imported('FB')
    progress = query("""SELECT case_done, created_count, chunk_done,
                               (SELECT count(*) FROM thads_case_import_row r WHERE r.import_id = i.id)
                          FROM thads_case_import i WHERE filename = 'faults_bulk.csv' ORDER BY id DESC LIMIT 1""")[0]
    results.append(check('bulk killed', cases == collects == keys == 2 * chunk and progress[:3] == (
        2 * chunk, 2 * chunk, 2), '%d cases, %d collections: whole chunks only (chunk of %d); progress '
                           '(cases done, created, chunks done, rows still staged) = %s' % (
                               cases, collects, chunk, progress)))
    out = shell(BULK_RUN % {'resume': 'record.action_import()', 'filename': 'faults_bulk.csv'})
    cases, collects, keys = imported('FB')
    results.append(check('bulk resumed', cases == CASES == collects == keys and 'FAULT bulk done done' in out,
                         '%d cases, %d collections, %d distinct keys; %s' % (
                             cases, collects, keys, out.strip().splitlines()[-1:])))

    # 2b. the bulk path killed while it reads the file, after some of its
    # commits (the parts it completed are queued, the file is half staged),
    # then resumed: the reading goes on from its last commit, every case once
    path = csv_file(CASES, 'FR')
    every = max(2 * CASES // 30, 20)  # about 30 commits while the file is read
    shell(BULK_START % {'path': path, 'chunk': chunk, 'every': every, 'filename': 'faults_read.csv'})
    shell(BULK_RUN % {'resume': '', 'filename': 'faults_read.csv'}, kill_when="""
        SELECT 1 FROM thads_case_import WHERE filename = 'faults_read.csv' AND rows_staged > 0 AND NOT staged""")
    cases, collects, keys = imported('FR')
    staged = query("""SELECT i.staged, i.rows_staged, i.case_total, i.chunk_count,
                             (SELECT count(*) FROM queue_job j WHERE j.func_string LIKE 'thads.case.import(' || i.id
                                                                   || ',)._bulk_chunk%')
                        FROM thads_case_import i WHERE filename = 'faults_read.csv' ORDER BY id DESC LIMIT 1""")[0]
    results.append(check('reading killed', cases == 0 and staged[0] is False and 0 < staged[1] < 2 * CASES + 1
                         and staged[2] == CASES,
                         '%d cases; (file read, rows staged, cases counted, parts, parts queued) = %s' % (
                             cases, staged)))
    out = shell(BULK_RUN % {'resume': 'record.action_import()', 'filename': 'faults_read.csv'})
    cases, collects, keys = imported('FR')
    final = query("""SELECT state, created_count, case_done, chunk_done, chunk_count FROM thads_case_import
                      WHERE filename = 'faults_read.csv' ORDER BY id DESC LIMIT 1""")[0]
    results.append(check('reading resumed', cases == CASES == collects == keys and final[:3] == ('done', CASES, CASES),
                         '%d cases, %d collections, %d distinct keys; (state, created, cases done, parts done, '
                         'parts) = %s' % (cases, collects, keys, final)))

    # 3. a period close, killed while it computes
    shell(CLOSE_SLOW % {'office': OFFICE}, kill_on='FAULT close written')
    rows = query("""SELECT r.state, r.version, (SELECT count(*) FROM thads_stat_report_line l WHERE l.report_id = r.id),
                           (SELECT count(*) FROM thads_stat_lock k WHERE k.report_id = r.id)
                      FROM thads_stat_report r JOIN thads_office o ON o.id = r.office_id WHERE o.code = %s""",
                 (OFFICE,))
    results.append(check('close killed', rows == [('draft', 0, 0, 0)],
                         'report (state, version, rows, locks) = %s: open, no figures, nothing locked' % rows))
    out = shell(CLOSE % {'office': OFFICE})
    results.append(check('close output', 'FAULT close done' in out, out.strip().splitlines()[-1:]))
    rows = query("""SELECT r.state, r.version, (SELECT count(*) FROM thads_stat_lock k WHERE k.report_id = r.id)
                      FROM thads_stat_report r JOIN thads_office o ON o.id = r.office_id WHERE o.code = %s""",
                 (OFFICE,))
    new = query("""SELECT l.values_json::json->>'c1' FROM thads_stat_report_line l
                     JOIN thads_stat_report r ON r.id = l.report_id JOIN thads_office o ON o.id = l.office_id
                    WHERE o.code = %s AND l.level = 'office'""", (OFFICE,))
    # the office holds the cases of the three imports (case by case, bulk twice)
    results.append(check('close again', rows == [('closed', 1, 1)] and new and float(new[0][0]) == 3 * CASES,
                         'report (state, version, locks) = %s, cases in the period (c1) = %s' % (
                             rows, new[0][0] if new else None)))
    print('FAULT %s' % ('all checks passed' if all(results) else 'SOME CHECKS FAILED'), flush=True)
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
