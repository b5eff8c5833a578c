"""Generate a realistic statistics dataset, in SQL (run inside `odoo shell`,
see bench/README.md): the national office, 34 provinces, 355 regional
offices, 63 historical Cục and 700 historical Chi cục merged into them, one
enforcement officer per regional office, and BENCH_CASES cases (default
1 000 000) with ~10 events each over three statistical years, a debtor per
case (Vietnamese name, CCCD, address), judgment and QĐ numbers, and the
processes the other forms count: coercions, exemption proposals,
complaints and denunciations, citizen reception, procuracy recommendations
and state compensation claims.

Every row is written once, complete: the columns the application derives
from a case's journal (state, money, next deadline) are computed from the
generated paths before the cases are inserted, and the trigram indexes of
the case search are dropped first and built once at the end (maintaining
a GIN index row by row, or updating a million cases afterwards, took more
than 27 minutes).  The states after each event come from the life cycle
(thads_case lib/lifecycle.py), so a path the life cycle refuses stops the
generator."""
import os
import time

from odoo.addons.thads_case.lib import lifecycle

N = int(os.environ.get('BENCH_CASES', '1000000'))
CUTOFF = '2026-11-01'  # the journal stops here (the statistical year 2026-2027 has begun)
cr = env.cr  # noqa: F821 (odoo shell)
started = time.time()
national = env.ref('thads_accounts.office_national')  # noqa: F821
executor = env.ref('base.user_root').id  # noqa: F821
NONE = {"unused": 0}  # execute() with params, so that '%%' means '%'


def step(label):
    print('BENCH   %-40s %6.0f s' % (label, time.time() - started))


# -- event paths: (event type, day offset, share of the debt); each case
# follows path number_seq % 10 (0 and 1 follow 3), every 20th case path 10
PATHS = {
    0: [('receive', 0, 0)],
    1: [('receive', 0, 0), ('decide', 3, 0)],
    2: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0)],
    3: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0), ('verify', 25, 0), ('enforce', 30, 0)]
       + [('collect', 40 + 15 * k, 0.1) for k in range(6)],
    4: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0), ('verify', 25, 0), ('no_condition', 28, 0),
        ('publish', 31, 0), ('reverify', 200, 0), ('reverify', 380, 0), ('separate_register', 400, 0)],
    5: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0), ('verify', 25, 0), ('postpone', 40, 0)],
    6: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0)]
       + [('collect', 10 + 5 * k, 0.2) for k in range(5)]
       + [('pay_out', 40, 1.0), ('complete', 41, 0), ('close', 45, 0)],
    7: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0), ('verify', 25, 0), ('collect', 30, 0.25),
        ('terminate', 60, 0)],
    8: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0), ('verify', 25, 0), ('delegate', 50, 1.0)],
    9: [('receive', 0, 0), ('decide', 3, 0), ('revoke', 20, 0)],
    # a coercion (QĐ cưỡng chế, plan, carried out, costs) before the collections
    10: [('receive', 0, 0), ('decide', 3, 0), ('notify', 5, 0), ('verify', 25, 0),
         ('coercion_decide', 31, 0), ('coercion_plan', 33, 0), ('coercion_carry', 38, 0), ('coercion_cost', 39, 0)]
        + [('collect', 45 + 15 * k, 0.1) for k in range(6)],
}
PATH_OF_CASE = "(CASE WHEN g %% 20 = 0 THEN 10 WHEN g %% 10 IN (0, 1) THEN 3 ELSE g %% 10 END)"
PENDING = (lifecycle.RECEIVED,) + lifecycle.PENDING  # cases with a next deadline

# -- a fresh database only (`./thads bench` makes one): deleting a million
# partners and cases checks every foreign key of Odoo's tables row by row
cr.execute("SELECT count(*) FROM thads_office WHERE code LIKE 'B-%%'", NONE)
if cr.fetchone()[0]:
    raise SystemExit('BENCH the dataset exists already: `./thads bench` generates it in a fresh database')

# -- the secondary indexes of the tables filled here are dropped and built
# again at the end, from their own definitions: building an index once is
# much faster than maintaining it row by row (a million cases updated with
# the search's trigram indexes took more than 27 minutes)
# (the journal's statistics trigger finds the events of the inserted cases
# through the case index: without it each event would be compared with
# every inserted case)
KEEP = ('thads_case_event_case_order_idx',)
BULK_TABLES = ('thads_case', 'thads_case_event', 'thads_case_obligation', 'thads_case_party', 'res_partner',
               'res_partner_thads_office_rel')
cr.execute("""SELECT i.indexname, i.indexdef FROM pg_indexes i
               WHERE i.schemaname = current_schema() AND i.tablename IN %s
                 AND i.indexname NOT IN %s
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""", (BULK_TABLES, KEEP))
indexes = cr.fetchall()
for name, _definition in indexes:
    cr.execute('DROP INDEX %s' % name)

# -- offices
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start)
    SELECT 'Tỉnh ' || p::text, 'B-P' || p::text, 'province', %s, true, true, p, '2025-07-01'
      FROM generate_series(1, 34) p""", (national.id,))
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start)
    SELECT 'Khu vực ' || r::text, 'B-R' || r::text, 'region', (SELECT id FROM thads_office WHERE code = 'B-P' || (1 + r %% 34)::text),
           true, true, r, '2025-07-01'
      FROM generate_series(1, 355) r""", NONE)
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start, date_end, successor_id)
    SELECT 'Cục cũ ' || p::text, 'B-C' || p::text, 'province', %s, true, true, p, '2009-07-01', '2025-06-30',
           (SELECT id FROM thads_office WHERE code = 'B-P' || (1 + p %% 34)::text)
      FROM generate_series(1, 63) p""", (national.id,))
cr.execute("""
    INSERT INTO thads_office (name, code, kind, parent_id, is_system, active, sequence, date_start, date_end, successor_id)
    SELECT 'Chi cục cũ ' || d::text, 'B-D' || d::text, 'district', (SELECT id FROM thads_office WHERE code = 'B-C' || (1 + d %% 63)::text),
           true, true, d, '2009-07-01', '2025-06-30', (SELECT id FROM thads_office WHERE code = 'B-R' || (1 + d %% 355)::text)
      FROM generate_series(1, 700) d""", NONE)
step('offices inserted')
env['thads.office']._parent_store_compute()  # noqa: F821
cr.execute("SELECT id FROM thads_office WHERE code LIKE 'B-R%%' OR code LIKE 'B-D%%' ORDER BY id", NONE)
offices = [row[0] for row in cr.fetchall()]
cr.execute("CREATE TEMP TABLE bench_office (n int, id int)", NONE)
cr.executemany("INSERT INTO bench_office VALUES (%s, %s)", list(enumerate(offices)))
step('offices')

# -- the paths, with the state after each event from the life cycle
cr.execute("CREATE TEMP TABLE bench_path (path int, seq int, event_type varchar, day int, state varchar, share float)",
           NONE)
rows = []
for path, steps in PATHS.items():
    states = lifecycle.states_after([event_type for event_type, _day, _share in steps])
    rows += [(path, seq + 1, event_type, day, state, share)
             for seq, ((event_type, day, share), state) in enumerate(zip(steps, states))]
cr.executemany("INSERT INTO bench_path VALUES (%s, %s, %s, %s, %s, %s)", rows)

# -- one row per case with its ids drawn in advance; received between
# 01/10/2023 and 30/09/2026, in a historical office before 07/2025
cr.execute("""
    CREATE TEMP TABLE bench_case AS
    SELECT g, nextval('thads_case_id_seq')::int AS id, nextval('thads_case_obligation_id_seq')::int AS obligation_id,
           nextval('res_partner_id_seq')::int AS partner_id, o.id AS office_id,
           DATE '2023-10-01' + (g::bigint * 7919 %% 1095)::int AS date_received,
           {path} AS path, (1000000 * (1 + g %% 97))::numeric AS due, g %% 3 = 0 AS budget,
           CASE WHEN {path} = 10 THEN nextval('thads_case_coercion_id_seq')::int END AS coercion_id
      FROM generate_series(1, %(n)s) g
      JOIN bench_office o ON o.n = g %% %(offices)s""".format(path=PATH_OF_CASE),
           {'n': N, 'offices': len(offices)})
cr.execute("ALTER TABLE bench_case ADD PRIMARY KEY (g)", NONE)
# what the journal gives each case by the cut-off: its events, their money,
# the state after the last one
cr.execute("""
    CREATE TEMP TABLE bench_journal AS
    SELECT b.g, b.id AS case_id, b.obligation_id, b.office_id, b.coercion_id, b.date_received + p.day AS date,
           p.seq, p.event_type, p.state, round((b.due * p.share::numeric))::numeric AS amount
      FROM bench_case b JOIN bench_path p ON p.path = b.path
     WHERE b.date_received + p.day <= DATE %(cutoff)s""", {'cutoff': CUTOFF})
cr.execute("""
    CREATE TEMP TABLE bench_money AS
    SELECT g, (array_agg(state ORDER BY seq DESC))[1] AS state, max(date) AS last_date,
           COALESCE(SUM(amount) FILTER (WHERE event_type = 'collect'), 0) AS collected,
           COALESCE(SUM(amount) FILTER (WHERE event_type = 'pay_out'), 0) AS paid_out,
           COALESCE(SUM(amount) FILTER (WHERE event_type = 'delegate'), 0) AS delegated,
           max(date) FILTER (WHERE event_type = 'coercion_decide') AS coercion_decided,
           max(date) FILTER (WHERE event_type = 'coercion_plan') AS coercion_planned,
           max(date) FILTER (WHERE event_type = 'coercion_carry') AS coercion_carried,
           max(date) FILTER (WHERE event_type = 'decide') AS decided
      FROM bench_journal GROUP BY g""", NONE)
cr.execute("ALTER TABLE bench_money ADD PRIMARY KEY (g)", NONE)
step('paths and money of %d cases' % N)

# -- debtors: Vietnamese names (namesakes on purpose), CCCD, address
cr.execute("""
    INSERT INTO res_partner (id, commercial_partner_id, name, display_name, ref, active, is_company, type, lang, street, city,
                             thads_id_number, thads_party, customer, supplier, employee, create_date, write_date)
    SELECT b.partner_id, b.partner_id, n.name, n.name, 'B-' || b.g::text, true, false, 'contact', 'vi_VN',
           'Số ' || (1 + b.g %% 300)::text || ' đường ' || (ARRAY['Trần Hưng Đạo', 'Lê Lợi', 'Nguyễn Trãi', 'Hai Bà Trưng',
               'Quang Trung', 'Lý Thường Kiệt', 'Hùng Vương', 'Điện Biên Phủ'])[1 + b.g %% 8],
           'Tỉnh ' || (1 + b.g %% 34)::text,
           lpad((1 + b.g * 7 %% 96)::text, 3, '0') || (b.g %% 2)::text || lpad((b.g * 31 %% 100)::text, 2, '0')
               || lpad((b.g::bigint * 104729 %% 1000000)::text, 6, '0'),
           true, false, false, false, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM bench_case b
      CROSS JOIN LATERAL (SELECT
           (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ',
                  'Ngô', 'Dương', 'Lý'])[1 + b.g %% 16] || ' ' ||
           (ARRAY['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Xuân', 'Hoài'])[1 + (b.g / 16) %% 10]
           || ' ' ||
           (ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương',
                  'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Ngân', 'Phong', 'Phúc', 'Phương', 'Quân',
                  'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thu', 'Trang', 'Trung', 'Tuấn', 'Tùng', 'Vân', 'Việt',
                  'Vinh', 'Yến', 'Đạt', 'Đông'])[1 + (b.g / 160) %% 40] AS name) n""", NONE)
step('debtors')

# -- the cases, complete
cr.execute("""
    INSERT INTO thads_case (id, external_key, name, office_id, executor_id, kind, date_received, court,
                            judgment_number, judgment_date, judgment_type, decision_number, decision_date,
                            debtor_names, state, amount_due, amount_collected, amount_paid_out, amount_reduced,
                            amount_delegated, amount_remaining, amount_held, next_deadline_date, deadline_status,
                            overdue, publication_state, year, number_seq, create_date, write_date)
    SELECT b.id, 'B-' || b.g::text, b.g::text || '/B', b.office_id, %(executor)s,
           CASE WHEN b.g %% 3 = 0 THEN 'chu_dong' ELSE 'theo_yeu_cau' END, b.date_received,
           'Tòa án nhân dân khu vực ' || (1 + b.g %% 355)::text,
           (1 + b.g %% 400)::text || '/' || extract(year FROM b.date_received - 45)::text || '/'
               || (ARRAY['DS-ST', 'HS-ST', 'KDTM-ST', 'HNGĐ-ST', 'DS-PT', 'HS-PT', 'HC-ST'])[1 + b.g %% 7],
           b.date_received - 45, 'civil',
           CASE WHEN m.decided IS NOT NULL THEN (1 + b.g %% 900)::text || '/QĐ-THADS' END, m.decided,
           p.name, m.state, b.due, m.collected, m.paid_out, 0, m.delegated,
           b.due - m.collected - m.delegated, m.collected - m.paid_out,
           d.due, CASE WHEN d.due IS NULL THEN 'none' WHEN d.due < CURRENT_DATE THEN 'overdue'
                       WHEN d.due <= CURRENT_DATE + 7 THEN 'soon' ELSE 'ok' END,
           COALESCE(d.due < CURRENT_DATE, false), 'none', 0, b.g,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM bench_case b
      JOIN bench_money m ON m.g = b.g
      JOIN res_partner p ON p.id = b.partner_id
      -- while the case is pending, a deadline 30 days after its last event
      -- (the law's deadlines range from 5 working days to a year)
      CROSS JOIN LATERAL (SELECT CASE WHEN m.state IN %(pending)s THEN m.last_date + 30 END AS due) d""",
           {'executor': executor, 'pending': PENDING})
cr.execute("""
    INSERT INTO thads_case_obligation (id, case_id, name, kind, amount_due, budget, amount_collected,
                                       amount_paid_out, amount_delegated, amount_reduced, amount_remaining)
    SELECT b.obligation_id, b.id, 'Trả tiền', 'money', b.due, b.budget, m.collected, m.paid_out, m.delegated, 0,
           b.due - m.collected - m.delegated
      FROM bench_case b JOIN bench_money m ON m.g = b.g""", NONE)
cr.execute("""
    INSERT INTO thads_case_party (case_id, partner_id, role)
    SELECT id, partner_id, 'debtor' FROM bench_case""", NONE)
cr.execute("""
    INSERT INTO res_partner_thads_office_rel (partner_id, office_id)
    SELECT partner_id, office_id FROM bench_case""", NONE)
step('cases, obligations, parties')
cr.execute("""
    INSERT INTO thads_case_coercion (id, case_id, office_id, executor_id, kind, decision_number, decision_date,
                                     immediate, state, plan_number, plan_date, carried_date, result, cost,
                                     postponed_count)
    SELECT b.coercion_id, b.id, b.office_id, %(executor)s,
           (ARRAY['account', 'income', 'seizure', 'auction', 'eviction', 'handover', 'act'])[1 + (b.g / 20) %% 7],
           (1 + b.g %% 500)::text || '/QĐ-CCTHADS', m.coercion_decided, false,
           CASE WHEN m.coercion_carried IS NOT NULL THEN 'carried' WHEN m.coercion_planned IS NOT NULL THEN 'planned'
                ELSE 'decided' END,
           CASE WHEN m.coercion_planned IS NOT NULL THEN (1 + b.g %% 500)::text || '/KH-THADS' END,
           m.coercion_planned, m.coercion_carried,
           CASE WHEN m.coercion_carried IS NOT NULL
                THEN (ARRAY['success', 'success', 'partial', 'failed'])[1 + (b.g / 20) %% 4] END,
           0, 0
      FROM bench_case b JOIN bench_money m ON m.g = b.g
     WHERE m.coercion_decided IS NOT NULL""", {'executor': executor})

# -- the journal, in one statement (the statistics trigger fills the running
# totals of every event once)
cr.execute("""
    INSERT INTO thads_case_event (case_id, date, sequence, event_type, state_after, amount, office_id, executor_id,
                                  obligation_id, coercion_id, coercion_result, coercion_cost)
    SELECT j.case_id, j.date, j.seq, j.event_type, j.state, j.amount, j.office_id, %(executor)s,
           CASE WHEN j.event_type IN %(money)s THEN j.obligation_id END,
           CASE WHEN j.event_type LIKE 'coercion_%%' THEN j.coercion_id END,
           CASE WHEN j.event_type = 'coercion_carry' THEN c.result END,
           CASE WHEN j.event_type = 'coercion_cost' THEN 500000 * (1 + j.g %% 9) END
      FROM bench_journal j LEFT JOIN thads_case_coercion c ON c.id = j.coercion_id""",
           {'executor': executor, 'money': lifecycle.MONEY_EVENTS})
cr.execute("UPDATE thads_case_coercion c SET cost = e.coercion_cost FROM thads_case_event e "
           "WHERE e.coercion_id = c.id AND e.event_type = 'coercion_cost'", NONE)
step('journal')

# -- exemption proposals: every 30th case owed to the budget without
# conditions (path 4), opened 60 days after the case was received
cr.execute("""
    INSERT INTO thads_case_exemption (name, case_id, obligation_id, action, amount_proposed, state, office_id,
                                      executor_id, date_open, date_sent_vks, date_accepted, date_decision,
                                      amount_applied, date_withdrawn, step_date)
    SELECT 'B-MG-' || b.g::text, b.id, b.obligation_id, 'exempt', b.due, s.state, b.office_id, %(executor)s,
           b.date_received + 60,
           CASE WHEN s.state NOT IN ('open', 'withdrawn') THEN b.date_received + 75 END,
           CASE WHEN s.state IN ('accepted', 'exempted', 'reduced', 'rejected') THEN b.date_received + 100 END,
           CASE WHEN s.state IN ('exempted', 'reduced', 'rejected') THEN b.date_received + 120 END,
           CASE WHEN s.state = 'exempted' THEN b.due WHEN s.state = 'reduced' THEN round(b.due / 2) ELSE 0 END,
           CASE WHEN s.state = 'withdrawn' THEN b.date_received + 70 END, b.date_received + 60
      FROM bench_case b
      CROSS JOIN LATERAL (SELECT (ARRAY['open', 'sent_vks', 'accepted', 'exempted', 'reduced', 'rejected',
                                        'withdrawn'])[1 + (b.g / 30) %% 7] AS state) s
     WHERE b.path = 4 AND b.budget AND b.g %% 30 = 24 AND b.date_received + 120 <= DATE %(cutoff)s""",
           {'executor': executor, 'cutoff': CUTOFF})

# -- complaints and denunciations (one per 200 cases), reception (one per
# 50), procuracy recommendations (one per 500), compensation (one per 10 000)
cr.execute("SELECT id, code FROM thads_support_procedure WHERE code IN ('complaint', 'denunciation') ORDER BY id",
           NONE)
procedures = dict((code, pid) for pid, code in cr.fetchall())
cr.execute("""
    WITH src AS (
        SELECT b.*, CASE WHEN b.g %% 1000 = 7 THEN 'denunciation' ELSE 'complaint' END AS kind,
               (ARRAY['accepted', 'refused', 'decided', 'decided', 'received'])[1 + (b.g / 200) %% 5] AS cstate
          FROM bench_case b WHERE b.g %% 200 = 7 AND b.date_received + 90 <= DATE %(cutoff)s
    ), req AS (
        INSERT INTO thads_support_request (name, office_id, procedure_id, procedure_code, state, applicant_name,
                                           applicant_id_number, applicant_email, content, date_received, case_id,
                                           date_done, sla_state, paused_days, create_date, write_date)
        SELECT 'B-KN-' || s.g::text, s.office_id, CASE WHEN s.kind = 'complaint' THEN %(complaint)s ELSE %(denunciation)s END,
               s.kind, CASE s.cstate WHEN 'refused' THEN 'refused' WHEN 'decided' THEN 'done' WHEN 'accepted'
                                    THEN 'in_progress' ELSE 'received' END,
               'Người khiếu nại ' || s.g::text, '001090' || lpad(s.g::text, 6, '0'), 'kn' || s.g::text || '@example.vn',
               'Khiếu nại quyết định thi hành án', s.date_received + 40, s.id,
               CASE WHEN s.cstate IN ('refused', 'decided') THEN s.date_received + 70 END, 'on_time', 0,
               now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM src s
        RETURNING id, name
    )
    INSERT INTO thads_complaint (request_id, kind, complaint_state, channel, measure, round, date_filed,
                                 date_accepted, date_decided, on_time, outcome)
    SELECT r.id, s.kind, s.cstate, (ARRAY['desk', 'post', 'online'])[1 + s.g %% 3], 'general',
           CASE WHEN s.g %% 400 = 207 THEN '2' ELSE '1' END, s.date_received + 40,
           CASE WHEN s.cstate IN ('accepted', 'decided') THEN s.date_received + 44 END,
           CASE WHEN s.cstate = 'decided' THEN s.date_received + 70 END,
           CASE WHEN s.cstate = 'decided' THEN s.g %% 7 <> 0 END,
           CASE WHEN s.cstate = 'decided' THEN (ARRAY['upheld', 'partly', 'rejected'])[1 + s.g %% 3] END
      FROM req r JOIN src s ON 'B-KN-' || s.g::text = r.name""",
           {'cutoff': CUTOFF, 'complaint': procedures.get('complaint'),
            'denunciation': procedures.get('denunciation')})
cr.execute("""
    INSERT INTO thads_citizen_reception (name, office_id, visitor_count, date, receiver_id, case_id, content_kind,
                                         content, outcome, create_date, write_date)
    SELECT 'B-TCD-' || b.g::text, b.office_id, 1 + b.g %% 3, (b.date_received + 20)::timestamp + interval '2 hours',
           %(executor)s, b.id, (ARRAY['complaint', 'denunciation', 'petition', 'other'])[1 + (b.g / 50) %% 4],
           'Hỏi về việc thi hành án', (ARRAY['answered', 'guided', 'transferred', 'filed', NULL])[1 + (b.g / 50) %% 5],
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM bench_case b WHERE b.g %% 50 = 11 AND b.date_received + 20 <= DATE %(cutoff)s""",
           {'executor': executor, 'cutoff': CUTOFF})
cr.execute("""
    INSERT INTO thads_case_vks_recommendation (name, office_id, kind, procuracy, document_date, date_received, case_id,
                                               content, state, date_due, reply_date, reply_result, answered_late,
                                               create_date, write_date)
    SELECT 'B-VKS-' || b.g::text, b.office_id, CASE WHEN b.g %% 1000 = 13 THEN 'protest' ELSE 'recommendation' END,
           'Viện kiểm sát nhân dân khu vực ' || (1 + b.g %% 355)::text, b.date_received + 30, b.date_received + 32,
           b.id, 'Kiến nghị về việc chậm ra quyết định', CASE WHEN (b.g / 500) %% 4 = 0 THEN 'received' ELSE 'answered' END,
           b.date_received + 62,
           CASE WHEN (b.g / 500) %% 4 <> 0 THEN b.date_received + 50 + (b.g / 500) %% 20 END,
           CASE WHEN (b.g / 500) %% 4 <> 0 THEN (ARRAY['accepted', 'partial', 'rejected'])[1 + (b.g / 500) %% 3] END,
           false, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM bench_case b WHERE b.g %% 500 = 13 AND b.date_received + 32 <= DATE %(cutoff)s""",
           {'cutoff': CUTOFF})
cr.execute("""
    INSERT INTO thads_case_compensation (name, office_id, claimant_name, date_received, case_id, date_accepted,
                                         date_settled, outcome, amount_claimed, amount_decided, state,
                                         create_date, write_date)
    SELECT 'B-BT-' || b.g::text, b.office_id, 'Người yêu cầu bồi thường ' || b.g::text, b.date_received + 100, b.id,
           b.date_received + 105, CASE WHEN b.g %% 20000 = 17 THEN b.date_received + 160 END,
           CASE WHEN b.g %% 20000 = 17 THEN 'compensate' END, 50000000, CASE WHEN b.g %% 20000 = 17 THEN 20000000 END,
           CASE WHEN b.g %% 20000 = 17 THEN 'settled' ELSE 'accepted' END,
           now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM bench_case b WHERE b.g %% 10000 = 17 AND b.date_received + 160 <= DATE %(cutoff)s""",
           {'cutoff': CUTOFF})
step('processes')

# -- the indexes, built once
for _name, definition in indexes:
    cr.execute(definition)
step('%d indexes built' % len(indexes))
cr.execute("ANALYZE thads_case; ANALYZE thads_case_event; ANALYZE thads_case_obligation; ANALYZE thads_office; "
           "ANALYZE res_partner; ANALYZE thads_case_party; ANALYZE thads_case_coercion; "
           "ANALYZE thads_case_exemption", NONE)
counts = {}
for label, sql in (('events', "SELECT count(*) FROM thads_case_event e JOIN thads_case c ON c.id = e.case_id "
                              "WHERE c.external_key LIKE 'B-%%'"),
                   ('coercions', "SELECT count(*) FROM thads_case_coercion"),
                   ('exemptions', "SELECT count(*) FROM thads_case_exemption WHERE name LIKE 'B-%%'"),
                   ('complaints', "SELECT count(*) FROM thads_support_request WHERE name LIKE 'B-KN-%%'"),
                   ('receptions', "SELECT count(*) FROM thads_citizen_reception WHERE name LIKE 'B-%%'"),
                   ('recommendations', "SELECT count(*) FROM thads_case_vks_recommendation WHERE name LIKE 'B-%%'"),
                   ('compensations', "SELECT count(*) FROM thads_case_compensation WHERE name LIKE 'B-%%'")):
    cr.execute(sql, NONE)
    counts[label] = cr.fetchone()[0]
cr.commit()
print('BENCH generated %d cases, %d offices in %.0f s; %s' % (
    N, len(offices) + 34, time.time() - started, ', '.join('%d %s' % (n, k) for k, n in counts.items())))
