"""Generate a realistic statistics dataset, in SQL (run inside `odoo shell`,
see bench/README.md): the national office, 34 provinces, 355 regional
offices, 60 historical Cục and 700 historical Chi cục merged into them, one
enforcement officer per regional office, and BENCH_CASES cases (default
1 000 000) with ~10 events each over three statistical years."""
import os
import time

N = int(os.environ.get('BENCH_CASES', '1000000'))
cr = env.cr  # noqa: F821 (odoo shell)
started = time.time()
national = env.ref('thads_accounts.office_national')  # noqa: F821

cr.execute("DELETE FROM thads_case_event WHERE case_id IN (SELECT id FROM thads_case WHERE external_key LIKE 'B-%%')", {"unused": 0})
cr.execute("DELETE FROM thads_case_obligation WHERE case_id IN (SELECT id FROM thads_case WHERE external_key LIKE 'B-%%')", {"unused": 0})
cr.execute("DELETE FROM thads_case WHERE external_key LIKE 'B-%%'", {"unused": 0})
cr.execute("DELETE FROM thads_office WHERE code LIKE 'B-%%'", {"unused": 0})
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start)
    SELECT 'Tỉnh ' || p::text, 'B-P' || p::text, 'province', %s, true, true, p, '2025-07-01'
      FROM generate_series(1, 34) p""", (national.id,))
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start)
    SELECT 'Khu vực ' || r::text, 'B-R' || r::text, 'region', (SELECT id FROM thads_office WHERE code = 'B-P' || (1 + r %% 34)::text),
           true, true, r, '2025-07-01'
      FROM generate_series(1, 355) r""", {"unused": 0})
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start, date_end, successor_id)
    SELECT 'Cục cũ ' || p::text, 'B-C' || p::text, 'province', %s, true, true, p, '2009-07-01', '2025-06-30',
           (SELECT id FROM thads_office WHERE code = 'B-P' || (1 + p %% 34)::text)
      FROM generate_series(1, 63) p""", (national.id,))
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start, date_end, successor_id)
    SELECT 'Chi cục cũ ' || d::text, 'B-D' || d::text, 'district', (SELECT id FROM thads_office WHERE code = 'B-C' || (1 + d %% 63)::text),
           true, true, d, '2009-07-01', '2025-06-30', (SELECT id FROM thads_office WHERE code = 'B-R' || (1 + d %% 355)::text)
      FROM generate_series(1, 700) d""", {"unused": 0})
env['thads.office']._parent_store_compute()  # noqa: F821
executor = env.ref('base.user_root').id  # noqa: F821
cr.execute("SELECT id FROM thads_office WHERE code LIKE 'B-R%%' OR code LIKE 'B-D%%' ORDER BY id", {"unused": 0})
offices = [row[0] for row in cr.fetchall()]
cr.execute("CREATE TEMP TABLE bench_office (n int, id int)", {"unused": 0})
cr.executemany("INSERT INTO bench_office VALUES (%s, %s)", list(enumerate(offices)))
# cases: received between 01/10/2023 and 30/09/2026; historical offices before 07/2025
cr.execute("""
    INSERT INTO thads_case (external_key, name, office_id, executor_id, kind, date_received, judgment_type, state,
                            deadline_status, publication_state, year, number_seq)
    SELECT 'B-' || g::text, g::text || '/B', o.id, %(executor)s,
           CASE WHEN g %% 3 = 0 THEN 'chu_dong' ELSE 'theo_yeu_cau' END,
           DATE '2023-10-01' + (g::bigint * 7919 %% 1095)::int, 'civil', 'received', 'none', 'none', 0, g
      FROM generate_series(1, %(n)s) g
      JOIN bench_office o ON o.n = g %% %(offices)s""", {'executor': executor, 'n': N, 'offices': len(offices)})
cr.execute("""
    INSERT INTO thads_case_obligation (case_id, name, kind, amount_due, budget)
    SELECT id, 'Trả tiền', 'money', 1000000 * (1 + number_seq %% 97), number_seq %% 3 = 0
      FROM thads_case WHERE external_key LIKE 'B-%%'""", {"unused": 0})
# event paths: (path, seq, type, day offset, state after, share of the debt)
paths = {
    0: [('receive', 0, 'received', 0)],
    1: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0)],
    2: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('notify', 5, 'voluntary', 0)],
    3: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('notify', 5, 'voluntary', 0),
        ('verify', 25, 'verification', 0), ('enforce', 30, 'enforcing', 0)]
       + [('collect', 40 + 15 * k, 'enforcing', 0.1) for k in range(6)],
    4: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('notify', 5, 'voluntary', 0),
        ('verify', 25, 'verification', 0), ('no_condition', 28, 'no_condition', 0),
        ('publish', 31, 'no_condition', 0), ('reverify', 200, 'no_condition', 0),
        ('reverify', 380, 'no_condition', 0), ('separate_register', 400, 'separate_register', 0)],
    5: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('notify', 5, 'voluntary', 0),
        ('verify', 25, 'verification', 0), ('postpone', 40, 'postponed', 0)],
    6: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('notify', 5, 'voluntary', 0)]
       + [('collect', 10 + 5 * k, 'voluntary', 0.2) for k in range(5)]
       + [('pay_out', 40, 'voluntary', 1.0), ('complete', 41, 'done', 0), ('close', 45, 'closed', 0)],
    7: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('notify', 5, 'voluntary', 0),
        ('verify', 25, 'verification', 0), ('collect', 30, 'verification', 0.25),
        ('terminate', 60, 'terminated', 0)],
    8: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('notify', 5, 'voluntary', 0),
        ('verify', 25, 'verification', 0), ('delegate', 50, 'delegated', 1.0)],
    9: [('receive', 0, 'received', 0), ('decide', 3, 'new', 0), ('revoke', 20, 'revoked', 0)],
}
cr.execute("CREATE TEMP TABLE bench_path (path int, seq int, event_type varchar, day int, state varchar, share float)", {"unused": 0})
cr.executemany("INSERT INTO bench_path VALUES (%s, %s, %s, %s, %s, %s)",
               [(p, s + 1, t, d, st, sh) for p, steps in paths.items() for s, (t, d, st, sh) in enumerate(steps)])
cr.execute("""
    INSERT INTO thads_case_event (case_id, date, sequence, event_type, state_after, amount, office_id, executor_id,
                                  obligation_id)
    SELECT c.id, c.date_received + p.day, p.seq, p.event_type, p.state,
           round((o.amount_due * p.share)::numeric), c.office_id, c.executor_id,
           CASE WHEN p.event_type IN ('collect', 'pay_out', 'reduce') THEN o.id END
      FROM thads_case c
      JOIN thads_case_obligation o ON o.case_id = c.id
      JOIN bench_path p ON p.path = (CASE WHEN c.number_seq %% 10 IN (0, 1) THEN 3 ELSE c.number_seq %% 10 END)
     WHERE c.external_key LIKE 'B-%%' AND c.date_received + p.day <= DATE '2026-11-01'""", {"unused": 0})
cr.execute("""
    UPDATE thads_case c SET amount_due = o.due, amount_remaining = o.due
      FROM (SELECT case_id, SUM(amount_due) AS due FROM thads_case_obligation GROUP BY case_id) o
     WHERE o.case_id = c.id AND c.external_key LIKE 'B-%%'""", {"unused": 0})
cr.execute(open(os.path.join(os.environ['BENCH_ROOT'], 'bench', 'case_columns.sql')).read())
cr.execute("ANALYZE thads_case; ANALYZE thads_case_event; ANALYZE thads_case_obligation; ANALYZE thads_office", {"unused": 0})
cr.execute("SELECT count(*) FROM thads_case_event e JOIN thads_case c ON c.id = e.case_id WHERE c.external_key LIKE 'B-%%'", {"unused": 0})
events = cr.fetchone()[0]
cr.commit()
print('BENCH generated %d cases, %d events, %d offices in %.0f s' % (N, events, len(offices) + 34, time.time() - started))
