-- The case columns the screens show, derived from the generated journal in
-- SQL (the ORM's _recompute_from_events does this case by case; too slow for
-- a million); each event recorded later recomputes its case with the ORM.
-- Money per obligation, then per case.
UPDATE thads_case_obligation o
   SET amount_collected = m.collected, amount_paid_out = m.paid_out, amount_delegated = m.delegated,
       amount_reduced = 0, amount_remaining = o.amount_due - m.collected - m.delegated
  FROM (SELECT o.id,
               COALESCE(SUM(e.amount) FILTER (WHERE e.event_type = 'collect'), 0) AS collected,
               COALESCE(SUM(e.amount) FILTER (WHERE e.event_type = 'pay_out'), 0) AS paid_out,
               COALESCE(SUM(e.amount) FILTER (WHERE e.event_type = 'delegate'), 0) AS delegated
          FROM thads_case_obligation o
          JOIN thads_case c ON c.id = o.case_id AND c.external_key LIKE 'B-%'
          LEFT JOIN thads_case_event e ON e.case_id = o.case_id
         GROUP BY o.id) m
 WHERE m.id = o.id;
-- state after the last event; while the case is pending, a deadline 30 days
-- after it (the law's deadlines range from 5 working days to a year)
UPDATE thads_case c
   SET state = last.state_after,
       amount_collected = o.amount_collected, amount_paid_out = o.amount_paid_out,
       amount_delegated = o.amount_delegated, amount_reduced = 0, amount_remaining = o.amount_remaining,
       amount_held = o.amount_collected - o.amount_paid_out,
       next_deadline_date = last.due,
       deadline_status = CASE WHEN last.due IS NULL THEN 'none' WHEN last.due < CURRENT_DATE THEN 'overdue'
                              WHEN last.due <= CURRENT_DATE + 7 THEN 'soon' ELSE 'ok' END,
       overdue = COALESCE(last.due < CURRENT_DATE, false),
       debtor_names = 'Người phải thi hành án ' || c.number_seq::text
  FROM (SELECT DISTINCT ON (case_id) case_id, state_after,
               CASE WHEN state_after IN ('received', 'new', 'voluntary', 'verification', 'enforcing',
                                         'no_condition', 'separate_register', 'postponed', 'suspended')
                    THEN date + 30 END AS due
          FROM thads_case_event ORDER BY case_id, date DESC, sequence DESC) last,
       thads_case_obligation o
 WHERE last.case_id = c.id AND o.case_id = c.id AND c.external_key LIKE 'B-%';
