"""Time the statistics engine on the generated dataset (run inside `odoo
shell` after generate.py, see bench/README.md).  Reports the median of 3 runs
of: the national 12-month form (all offices, roll-up included), one regional
office's monthly form, and a bare SQL aggregate over the same tables (the
floor)."""
import statistics
import time

cr = env.cr  # noqa: F821
engine = env['thads.stat.engine']  # noqa: F821
national = env.ref('thads_accounts.office_national')  # noqa: F821
cr.execute("SELECT id FROM thads_office WHERE code = 'B-R1'")
region = cr.fetchone()[0]


def timed(func, runs=3):
    times = []
    for _ in range(runs):
        start = time.time()
        func()
        times.append(time.time() - start)
    return statistics.median(times)


env['thads.stat.period'].generate_year(2025)  # noqa: F821
period = env['thads.stat.period'].search([('stat_year', '=', 2025), ('months', '=', 12)])  # noqa: F821
report = env['thads.stat.report'].create({  # noqa: F821
    'form_id': env.ref('thads_stats.form_tk_viec').id, 'period_id': period.id, 'office_id': national.id})


def national_form():
    report._compute_lines()  # what the queue job runs: engine SQL, roll-up, formulas, rows stored


def office_month():
    engine._measures('2025-10-01', '2025-10-31', [region])


def floor():
    cr.execute("""SELECT c.office_id, count(*), sum(e.amount) FROM thads_case_event e
                    JOIN thads_case c ON c.id = e.case_id WHERE e.date <= '2026-09-30' GROUP BY c.office_id""")
    cr.fetchall()


results = {'national 12-month form': timed(national_form), 'one office, monthly': timed(office_month),
           'floor: bare SQL aggregate': timed(floor)}
for name, seconds in results.items():
    print('BENCH %-28s %8.3f s' % (name, seconds))
print('BENCH national / floor: %.1fx' % (results['national 12-month form'] / results['floor: bare SQL aggregate']))

# every form of the registry valid for the period (issue 19: within 3x the
# floor at the national level), each computed like the queue job does
forms = env['thads.stat.form'].search([])  # noqa: F821
for form in forms:
    if form.period_months and '12' not in form.period_months.split(','):
        continue
    if (form.date_from and form.date_from > period.date_end) or (form.date_to and form.date_to < period.date_end):
        continue
    form_report = env['thads.stat.report'].create({  # noqa: F821
        'form_id': form.id, 'period_id': period.id, 'office_id': national.id})
    seconds = timed(form_report._compute_lines)
    print('BENCH form %-16s %-14s %-12s %8.3f s  %.1fx the floor' % (
        form.code, form.official_number or '', form.source, seconds, seconds / results['floor: bare SQL aggregate']))
cr.execute('SELECT count(*) FROM thads_case')
print('BENCH cases: %d, report rows: %d' % (cr.fetchone()[0], len(report.line_ids)))
cr.rollback()
