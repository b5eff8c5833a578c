"""Time the support SLA cron (issue 15) on SLA_REQUESTS (default 100 000)
open support requests inserted in SQL, inside `odoo shell` on a database
where thads_support is installed.  Run by bench/sla.sh in three phases
(SLA_PHASE): `setup` inserts and commits the requests (then the script
runs VACUUM ANALYZE, as autovacuum would), `time` measures and rolls back,
`cleanup` deletes the requests.  See bench/README.md.

`time` prints: the set-based recomputation of every open request's deadlines
(what an edit of the working calendar costs at most), the cron's first run
(every state refreshed, reminders and escalations created), a second run the
same day (nothing to do), a run on the next working day, and the former
per-record Python path (_sla_recompute) on a sample, for comparison."""
import datetime
import os
import time

from odoo import fields

cr = env.cr  # noqa: F821
Request = env['thads.support.request']  # noqa: F821
phase = os.environ.get('SLA_PHASE', 'time')
count = int(os.environ.get('SLA_REQUESTS', 100000))
calendar = Request._calendar()
# the office's day: today, or the next working day on a weekend or a holiday
today = calendar.next_working_day(fields.Date.from_string(fields.Date.context_today(Request)))
next_day = calendar.add_working_days(today, 1)


def timed(label, func):
    start = time.time()
    result = func()
    print('BENCH %-56s %7.2f s' % (label, time.time() - start))
    return result


def cleanup():
    cr.execute("SELECT id FROM thads_support_request WHERE name LIKE 'BENCH-%'")
    ids = [row[0] for row in cr.fetchall()]
    if ids:
        cr.execute("DELETE FROM mail_activity WHERE res_model = %s AND res_id = ANY(%s)", (Request._name, ids))
        cr.execute("DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s)", (Request._name, ids))
        cr.execute("DELETE FROM thads_support_request WHERE id = ANY(%s)", (ids,))
    print('BENCH removed %d bench requests' % len(ids))


def setup():
    """20 offices, each with a head (escalations, set only where the office
    has none) and 3 support officers (reminders); the requests received over
    the last 8 days, at any step started 0 to 3 working days ago, 5 % waiting for
    the applicant, 10 % with 2 paused days."""
    cleanup()
    Users = env['res.users'].with_context(no_reset_password=True, mail_create_nosubscribe=True)  # noqa: F821

    def user(login, name, office):
        return (Users.search([('login', '=', login)]) or Users.create(
            {'name': name, 'login': login, 'thads_office_id': office})).id
    cr.execute("SELECT id FROM thads_office WHERE active ORDER BY id LIMIT 20")
    offices = [row[0] for row in cr.fetchall()]
    officers = []
    for number, office in enumerate(offices):
        head = user('bench.sla.head.%d' % number, 'SLA head %d' % number, office)
        cr.execute("UPDATE thads_office SET head_id = %s WHERE id = %s AND head_id IS NULL", (head, office))
        officers.append([user('bench.sla.%d.%d' % (number, k), 'SLA officer %d.%d' % (number, k), office)
                         for k in range(3)])
    Procedure = env['thads.support.procedure']  # noqa: F821
    procedures = [Procedure.version_for(code, fields.Date.to_string(today))
                  for code in ('enforcement', 'enforcement', 'enforcement', 'petition', 'confirmation')]
    procedures = [(p.code, p.id, p.step_ids.sorted('sequence').ids) for p in procedures]
    rows = []
    for i in range(count):
        code, procedure, steps = procedures[i % len(procedures)]
        step = steps[(i // 7) % len(steps)]
        office = i % len(offices)
        received = today - datetime.timedelta(days=(i * 7919) % 8)
        # the step started 0, 1, 2 or 3 working days ago (most steps take 1 working day)
        start = today
        for _back in range((0, 0, 0, 0, 1, 1, 2, 3)[(i * 31) % 8]):
            start = start - datetime.timedelta(days=1)
            while not calendar.is_working_day(start):
                start -= datetime.timedelta(days=1)
        start = max(start, received)
        waiting = i % 20 == 0
        rows.append((code, procedure, step, offices[office], officers[office][i % 3],
                     'waiting' if waiting else ('received' if step == steps[0] else 'in_progress'),
                     received, start, start if waiting else None, 2 if i % 10 == 1 else 0))
    columns = [list(column) for column in zip(*rows)]
    cr.execute("""
        INSERT INTO thads_support_request (
            name, procedure_code, procedure_id, step_id, office_id, user_id, state, date_received,
            step_start_date, pause_start_date, paused_days, applicant_name, applicant_id_number,
            applicant_email, content, sla_state, escalated, create_uid, create_date, write_uid, write_date)
        SELECT 'BENCH-' || lpad(n::text, 7, '0'), a.code, a.procedure_id, a.step_id, a.office_id, a.user_id,
               a.state, a.received, a.start, a.pause, a.paused, 'Người yêu cầu ' || n, lpad(n::text, 12, '0'),
               'bench' || n || '@example.com', 'Yêu cầu hỗ trợ (benchmark).', 'on_time', FALSE,
               1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
          FROM unnest(%s::varchar[], %s::int[], %s::int[], %s::int[], %s::int[], %s::varchar[], %s::date[],
                      %s::date[], %s::date[], %s::int[])
               WITH ORDINALITY AS a(code, procedure_id, step_id, office_id, user_id, state, received, start,
                                    pause, paused, n)""", columns)
    # the deadlines, as the actions store them; the states as before any cron run
    Request._sla_sql_refresh(today)
    cr.execute("UPDATE thads_support_request SET sla_state = 'on_time', sla_notified_on = NULL, escalated = FALSE "
               "WHERE name LIKE 'BENCH-%'")
    print('BENCH inserted %d open requests' % count)


def activity_count():
    cr.execute("SELECT count(*) FROM mail_activity")
    return cr.fetchone()[0]


def measure():
    cr.execute("SELECT count(*) FROM thads_support_request WHERE state NOT IN ('done', 'refused')")
    print('BENCH open requests in the database: %d (today %s)' % (cr.fetchone()[0], today))
    before = activity_count()
    timed('cron, first run (states, reminders, escalations)', lambda: Request._cron_sla(today))
    created = activity_count() - before
    cr.execute("SELECT sla_state, count(*) FROM thads_support_request WHERE name LIKE 'BENCH-%' "
               "GROUP BY 1 ORDER BY 1")
    print('BENCH   states: %s; activities created: %d' % (', '.join('%s %d' % r for r in cr.fetchall()), created))
    timed('cron, second run the same day (nothing to do)', lambda: Request._cron_sla(today))
    print('BENCH   activities created by the second run: %d' % (activity_count() - before - created))
    timed('cron on the next working day (%s)' % next_day, lambda: Request._cron_sla(next_day))
    timed('deadlines of every open request (a calendar edit)', lambda: Request._sla_sql_refresh(next_day))
    # the former cron: _sla_recompute, one request at a time (Python clock, ORM write of what changed)
    sample = Request.search([('name', 'like', 'BENCH-')], limit=5000)
    timed('former per-record path, 5 000 requests, nothing changes', lambda: sample._sla_recompute(next_day))
    cr.execute("UPDATE thads_support_request SET sla_state = NULL WHERE id IN %s", (tuple(sample.ids),))
    sample.invalidate_cache()
    timed('former per-record path, 5 000 requests, every state changes', lambda: sample._sla_recompute(next_day))
    cr.rollback()
    print('BENCH rolled back')


if phase == 'setup':
    timed('setup: %d requests inserted in SQL, deadlines computed' % count, setup)
    cr.commit()
elif phase == 'cleanup':
    cleanup()
    cr.commit()
else:
    measure()
