"""Benchmark of the legacy import (issue 17), run by `./thads bench-import
[CASES...]` inside `odoo shell` (see bench/README.md).  Not a test.

Creates (once) 34 provinces, 355 regional offices and 40 enforcement
officers, then for each size in BENCH_CASES (default 100000): writes a
realistic legacy CSV (lib/legacy_template.sample_rows: 3-6 events a case,
both date formats, money with and without separators, 1 % bad rows),
imports it on the bulk path: BENCH_WORKERS (2) `odoo shell` processes,
started and ready first, run its queue jobs like a queue_job channel of
that capacity (one transaction per job): the job that reads and stages the
file, then the parts.  It prints the total time and cases/s, the time of
the reading (the parts run meanwhile) and after it, the time of each part,
and the peak memory (VmHWM) of each worker.
Then it times the ORM path on BENCH_ORM_CASES (300) cases of the same kind.
"""
import base64
import os
import shutil
import subprocess
import sys
import tempfile
import time

from odoo.tools import config

from odoo.addons.thads_case.lib import legacy_template

SIZES = [int(size) for size in os.environ.get('BENCH_CASES', '100000').split()]
ORM_CASES = int(os.environ.get('BENCH_ORM_CASES', '300'))
WORKERS = int(os.environ.get('BENCH_WORKERS', '2'))
cr = env.cr  # noqa: F821 (odoo shell)
national = env.ref('thads_accounts.office_national')  # noqa: F821


def prepare():
    cr.execute("SELECT count(*) FROM thads_office WHERE code LIKE 'BI-P%%'", {'unused': 0})
    if cr.fetchone()[0] == 34:
        return
    cr.execute("""
        INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start)
        SELECT 'Tỉnh ' || p::text, 'BI-P' || p::text, 'province', %s, true, true, p, '2025-07-01'
          FROM generate_series(1, 34) p""", (national.id,))
    cr.execute("""
        INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start)
        SELECT 'Khu vực ' || r::text, 'BI-R' || r::text, 'region',
               (SELECT id FROM thads_office WHERE code = 'BI-P' || (1 + r %% 34)::text), true, true, r, '2025-07-01'
          FROM generate_series(1, 355) r""", {'unused': 0})
    env['thads.office']._parent_store_compute()  # noqa: F821
    group = env.ref('thads_accounts.group_thads_executor')  # noqa: F821
    for number in range(1, 41):
        office = env['thads.office'].search([('code', '=', 'BI-R%d' % number)])  # noqa: F821
        env['res.users'].with_context(no_reset_password=True).create({  # noqa: F821
            'name': 'CHV nhập %d' % number, 'login': 'bi.chv.%d' % number, 'password': 'Bench@2026pass',
            'thads_office_id': office.id, 'groups_id': [(6, 0, [group.id])]})
    cr.commit()


def legacy_file(count, prefix):
    offices = ['BI-R%d' % n for n in range(1, 41)]
    executors = ['bi.chv.%d' % n for n in range(1, 41)]
    path = os.path.join(tempfile.mkdtemp(), 'legacy_%d.csv' % count)
    with open(path, 'w', encoding='utf-8') as handle:
        legacy_template.write_csv(handle, legacy_template.sample_rows(
            count, offices, executors, bad_share=0.01, seed=count, prefix=prefix))
    return path


def new_import(path):
    """An import whose file is `path`: created with a placeholder, then the
    file copied into the filestore (the generator's memory stays out of the
    measurement, and a 1M-case file never goes through base64 here)."""
    record = env['thads.case.import'].create({  # noqa: F821
        'file': base64.b64encode(b'key\n'), 'filename': os.path.basename(path), 'office_id': national.id})
    attachment = env['ir.attachment'].sudo().search([  # noqa: F821
        ('res_model', '=', 'thads.case.import'), ('res_id', '=', record.id), ('res_field', '=', 'file')])
    target = attachment._full_path('bench/%s' % os.path.basename(path))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(path, target)
    cr.execute('UPDATE ir_attachment SET store_fname = %s, file_size = %s WHERE id = %s',
               ('bench/%s' % os.path.basename(path), os.path.getsize(path), attachment.id))
    cr.commit()
    return record


WORKER = """
import time
from odoo.addons.queue_job.job import Job
cr = env.cr
times = []
print('WORKER ready', flush=True)
while True:
    cr.execute(\"\"\"SELECT uuid FROM queue_job WHERE state = 'pending' AND func_string LIKE %s
                    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED\"\"\", ('thads.case.import(IMPORT_ID,)%',))
    row = cr.fetchone()
    if not row:
        cr.execute(\"\"\"SELECT (SELECT state FROM thads_case_import WHERE id = IMPORT_ID),
                          (SELECT count(*) FROM queue_job WHERE state IN ('pending', 'started')
                              AND func_string LIKE %s)\"\"\", ('thads.case.import(IMPORT_ID,)%',))
        state, busy = cr.fetchone()
        if state == 'done' and not busy:
            break
        cr.commit()
        time.sleep(0.1)
        continue
    job = Job.load(env, row[0])
    job.set_started()
    job.store()
    cr.commit()
    started = time.time()
    job.perform()
    job.set_done()
    job.store()
    cr.commit()
    times.append(time.time() - started)
    print('WORKER %s %.2f %.3f' % ('stage' if job.method_name == '_bulk_stage_job' else 'chunk', times[-1],
                                    time.time()), flush=True)
with open('/proc/self/status') as status:
    peak = [int(line.split()[1]) // 1024 for line in status if line.startswith('VmHWM:')][0]
print('WORKER peak %d' % peak, flush=True)
"""


def start_workers(record, workers):
    """`workers` processes (`odoo shell`) running the import's jobs like a
    queue_job channel of that capacity, started and ready before the
    import starts (a running Odoo's job runner does not start up per job)."""
    command = [sys.executable, os.path.abspath(sys.argv[0]), 'shell', '-c', os.environ.get('BENCH_CONF') or config.rcfile, '-d', cr.dbname,
               '--no-http', '--logfile', config['logfile'] or '/dev/null']
    script = tempfile.NamedTemporaryFile('w', suffix='.py', delete=False)
    script.write(WORKER.replace('IMPORT_ID', str(record.id)))
    script.close()
    processes = [subprocess.Popen(command, stdin=open(script.name), stdout=subprocess.PIPE,
                                  universal_newlines=True) for _n in range(workers)]
    for process in processes:
        for line in iter(process.stdout.readline, ''):  # '' at the end: a worker that died says so below
            if line.strip() == 'WORKER ready':
                break
    return processes


def wait_workers(processes):
    """(stage seconds, its end time, chunk times, end of the last chunk, peak MB per worker)"""
    stage, stage_end, times, last, peaks = 0.0, 0.0, [], 0.0, []
    for process in processes:
        out, _err = process.communicate()
        for line in out.splitlines():
            parts = line.split()
            if line.startswith('WORKER stage'):
                stage, stage_end = float(parts[2]), float(parts[3])
            elif line.startswith('WORKER chunk'):
                times.append(float(parts[2]))
                last = max(last, float(parts[3]))
            elif line.startswith('WORKER peak'):
                peaks.append(int(parts[2]))
    return stage, stage_end, times, last, peaks


params = env['ir.config_parameter'].sudo()  # noqa: F821
prepare()
for size in SIZES:
    prefix = 'BI%d-%d' % (size, int(time.time()))
    path = legacy_file(size, prefix)
    record = new_import(path)
    env.clear()  # noqa: F821
    params.set_param('thads_case.import_bulk_limit', '2000')
    cr.commit()
    processes = start_workers(record, WORKERS)
    started = time.time()
    record.action_import()  # queues the job that reads the file; the workers run it, then the parts
    cr.commit()
    staged, stage_end, times, last, peaks = wait_workers(processes)
    total = time.time() - started
    chunks = last - stage_end
    record.invalidate_cache()
    print('BENCH bulk %d cases, %d workers: %.1f s (reading %.1f s, during which parts ran; then %.1f s of parts), '
          '%.0f cases/s, %d created, %d rejected rows, peak memory of the workers %s MB; %d parts: '
          '%.2f s median, %.2f s max; progress %.0f %%' % (
              size, WORKERS, total, staged, chunks, size / total,
              record.created_count, record.error_count, '/'.join(map(str, peaks)), len(times),
              sorted(times)[len(times) // 2] if times else 0, max(times or [0]), record.progress), flush=True)
    cr.execute('SELECT count(*) FROM thads_case_event e JOIN thads_case c ON c.id = e.case_id '
               'WHERE c.external_key LIKE %s', (prefix + '-%',))
    print('BENCH bulk %d cases: %d events stored' % (size, cr.fetchone()[0]), flush=True)

# the ORM path on the same machine
path = legacy_file(ORM_CASES, 'BO%d' % int(time.time()))
record = new_import(path)
params.set_param('thads_case.import_bulk_limit', '1000000')
params.set_param('thads_case.import_sync_limit', '1000000')
started = time.time()
record.action_import()
cr.commit()
total = time.time() - started
print('BENCH orm %d cases: %.1f s, %.1f cases/s, %d created' % (ORM_CASES, total, ORM_CASES / total,
                                                                 record.created_count), flush=True)
params.set_param('thads_case.import_bulk_limit', '2000')
params.set_param('thads_case.import_sync_limit', '500')
cr.commit()
