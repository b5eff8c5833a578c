"""Legal deadlines of a case, computed from its events and rules-as-data.

A rule says: when an event of one of the `triggers` happens (optionally only
with one of `trigger_grounds` and none of `except_grounds`, or verification
result `trigger_result`, or only after an earlier `requires_event`), the
office must record one of the `satisfied_by` events within `count` `unit`
(+ `extra_working_days`).

Where the period starts (Civil Code art. 147-148):
- `start_from='event'`: the day of the triggering event;
- `start_from='rule_end'`: the end of the period of rule `after_rule`
  started by the same event, *after* that period's roll-over to the next
  working day (e.g. verification "within 10 days after the voluntary period
  ends", Law art. 44(1));
- `start_from='case_date'`: a date of the case (`start_field`, e.g. the day
  the judgment took effect), given to clocks() in `case_dates`.

Several versions of a rule share a `code`; the version valid on the trigger
date applies, so the 2014 law and Law 106/2025 coexist.

Grounds are codes of a controlled list (thads.case.ground).  An event that
carries no ground of its own (a re-verification) is matched on the ground of
the case's latest "without conditions" decision.

The calendar is any object with add(start, count, unit) and
add_working_days(start, count) (thads_accounts' WorkCalendar).
"""
from collections import namedtuple

from . import exemption

Rule = namedtuple('Rule', 'code name triggers satisfied_by count unit extra_working_days '
                          'date_from date_to case_kind trigger_grounds except_grounds trigger_result '
                          'requires_event start_from after_rule start_field')
Event = namedtuple('Event', 'date event_type ground result')
Clock = namedtuple('Clock', 'rule start due met')

START_EVENT, START_RULE_END, START_CASE_DATE = 'event', 'rule_end', 'case_date'


class RuleError(ValueError):
    """A rule set that cannot be computed (a cycle of composed rules)."""


def make_rule(code, trigger, satisfied_by, count, unit, name='', extra_working_days=0,
              date_from=None, date_to=None, case_kind=None, trigger_grounds=(), except_grounds=(),
              trigger_result=None, requires_event=None, start_from=START_EVENT, after_rule=None,
              start_field=None):
    triggers = frozenset([trigger] if isinstance(trigger, str) else trigger)
    return Rule(code, name or code, triggers, frozenset(satisfied_by), count, unit, extra_working_days,
                date_from, date_to, case_kind, frozenset(trigger_grounds), frozenset(except_grounds),
                trigger_result, requires_event, start_from, after_rule, start_field)


def rule_valid_on(rule, day):
    return (rule.date_from is None or rule.date_from <= day) and (rule.date_to is None or day <= rule.date_to)


def applicable_rule(rules, code, day):
    """The version of rule `code` valid on `day`, or None."""
    for rule in rules:
        if rule.code == code and rule_valid_on(rule, day):
            return rule
    return None


def _triggers(rule, event, case_kind, seen_types, ground):
    if event.event_type not in rule.triggers:
        return False
    if rule.case_kind and case_kind and rule.case_kind != case_kind:
        return False
    if rule.trigger_grounds and ground not in rule.trigger_grounds:
        return False
    if rule.except_grounds and ground in rule.except_grounds:
        return False
    if rule.trigger_result and event.result != rule.trigger_result:
        return False
    if rule.requires_event and rule.requires_event not in seen_types:
        return False
    return True


def period_end(rule, start, calendar):
    """Last day of the rule's own period counted from `start`."""
    if rule.unit == exemption.FIRST_WEEK:  # exemption files go to the procuracy in the month's first week
        return exemption.first_week_end(start, rule.count, calendar)
    due = calendar.add(start, rule.count, rule.unit)
    if rule.extra_working_days:
        due = calendar.add_working_days(due, rule.extra_working_days)
    return due


def due_date(rule, start, calendar, rules=(), case_dates=None, _seen=()):
    """Deadline of `rule` for a trigger on `start`, composing the periods it
    runs after.  None when its start date is unknown (a case date not set)."""
    if rule.start_from == START_RULE_END:
        if rule.code in _seen:
            raise RuleError('cycle of composed rules: %s' % ' -> '.join(_seen + (rule.code,)))
        before = applicable_rule(rules, rule.after_rule, start)
        if before is None:
            return None
        start = due_date(before, start, calendar, rules, case_dates, _seen + (rule.code,))
        if start is None:
            return None
    elif rule.start_from == START_CASE_DATE:
        start = (case_dates or {}).get(rule.start_field)
        if start is None:
            return None
    return period_end(rule, start, calendar)


def clocks(events, rules, calendar, case_kind=None, states=None, final_states=(), case_dates=None):
    """All deadline clocks of a case (open ones have met=None).

    events: Event tuples in chronological order; states: the case's state
    after each event (lifecycle.states_after).  A new trigger of a rule
    restarts its clock (e.g. each re-verification restarts the six months).
    When an event brings the case into one of `final_states`, the clocks
    opened before it are dropped; the ones it or later events open (taking a
    publication down after the case ends, a confirmation requested on a
    completed case) still run.
    """
    # the versions of each rule, and the rules each event type may trigger
    # (in code order): an event looks at those only
    versions = {}
    for rule in rules:
        versions.setdefault(rule.code, []).append(rule)
    by_type = {}
    for code in sorted(versions):
        for event_type in frozenset().union(*(rule.triggers for rule in versions[code])):
            by_type.setdefault(event_type, []).append(code)
    open_clocks, done, seen_types = {}, [], set()
    case_ground = None
    for index, event in enumerate(events):
        for code, clock in list(open_clocks.items()):
            if event.event_type in clock.rule.satisfied_by:
                done.append(Clock(clock.rule, clock.start, clock.due, event.date))
                del open_clocks[code]
        if states is not None and states[index] in final_states \
                and (index == 0 or states[index - 1] not in final_states):
            open_clocks = {}
        if event.event_type == 'no_condition':
            case_ground = event.ground
        ground = event.ground or case_ground
        for code in by_type.get(event.event_type, ()):
            rule = applicable_rule(versions[code], code, event.date)
            if rule and _triggers(rule, event, case_kind, seen_types, ground):
                due = due_date(rule, event.date, calendar, rules, case_dates)
                if due is not None:
                    open_clocks[code] = Clock(rule, event.date, due, None)
        seen_types.add(event.event_type)
    return done + sorted(open_clocks.values(), key=lambda c: (c.due, c.rule.code))


def next_deadline(events, rules, calendar, case_kind=None, states=None, final_states=(), case_dates=None):
    """The earliest open clock, or None."""
    pending = [c for c in clocks(events, rules, calendar, case_kind, states, final_states, case_dates)
               if c.met is None]
    return min(pending, key=lambda c: (c.due, c.rule.code)) if pending else None
