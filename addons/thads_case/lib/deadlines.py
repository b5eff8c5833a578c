"""Legal deadlines of a case, computed from its events and rules-as-data.

A rule says: when an event of type `trigger` happens (optionally only with
one of `trigger_grounds`, or verification result `trigger_result`, or only
after an earlier `requires_event`), the office must record one of the
`satisfied_by` events within `count` `unit` (+ `extra_working_days`).
Several versions of a rule share a `code`; the version valid on the
trigger date applies, so the 2014 law and Law 106/2025 coexist.

The calendar is any object with add(start, count, unit) and
add_working_days(start, count) (thads_accounts' WorkCalendar).
"""
from collections import namedtuple

Rule = namedtuple('Rule', 'code name trigger satisfied_by count unit extra_working_days '
                          'date_from date_to case_kind trigger_grounds trigger_result requires_event')
Event = namedtuple('Event', 'date event_type ground result')
Clock = namedtuple('Clock', 'rule start due met')


def make_rule(code, trigger, satisfied_by, count, unit, name='', extra_working_days=0,
              date_from=None, date_to=None, case_kind=None, trigger_grounds=(),
              trigger_result=None, requires_event=None):
    return Rule(code, name or code, trigger, frozenset(satisfied_by), count, unit, extra_working_days,
                date_from, date_to, case_kind, frozenset(trigger_grounds), trigger_result, requires_event)


def rule_valid_on(rule, day):
    return (rule.date_from is None or rule.date_from <= day) and (rule.date_to is None or day <= rule.date_to)


def applicable_rule(rules, code, day):
    """The version of rule `code` valid on `day`, or None."""
    for rule in rules:
        if rule.code == code and rule_valid_on(rule, day):
            return rule
    return None


def _triggers(rule, event, case_kind, seen_types):
    if rule.trigger != event.event_type:
        return False
    if rule.case_kind and case_kind and rule.case_kind != case_kind:
        return False
    if rule.trigger_grounds and event.ground not in rule.trigger_grounds:
        return False
    if rule.trigger_result and event.result != rule.trigger_result:
        return False
    if rule.requires_event and rule.requires_event not in seen_types:
        return False
    return True


def due_date(rule, start, calendar):
    due = calendar.add(start, rule.count, rule.unit)
    if rule.extra_working_days:
        due = calendar.add_working_days(due, rule.extra_working_days)
    return due


def clocks(events, rules, calendar, case_kind=None, final_states_reached=False):
    """All deadline clocks of a case: (open ones have met=None).

    events: Event tuples in chronological order.  A new trigger of a rule
    restarts its clock (e.g. each re-verification restarts the six months).
    When the case has reached a final state, open clocks are dropped.
    """
    codes = sorted({rule.code for rule in rules})
    open_clocks, done, seen_types = {}, [], set()
    for event in events:
        for code, clock in list(open_clocks.items()):
            if event.event_type in clock.rule.satisfied_by:
                done.append(clock._replace(met=event.date))
                del open_clocks[code]
        for code in codes:
            rule = applicable_rule(rules, code, event.date)
            if rule and _triggers(rule, event, case_kind, seen_types):
                open_clocks[code] = Clock(rule, event.date, due_date(rule, event.date, calendar), None)
        seen_types.add(event.event_type)
    if final_states_reached:
        open_clocks = {}
    return done + sorted(open_clocks.values(), key=lambda c: (c.due, c.rule.code))


def next_deadline(events, rules, calendar, case_kind=None, final_states_reached=False):
    """The earliest open clock, or None."""
    pending = [c for c in clocks(events, rules, calendar, case_kind, final_states_reached) if c.met is None]
    return min(pending, key=lambda c: (c.due, c.rule.code)) if pending else None
