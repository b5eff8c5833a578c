"""SLA clock of an online support request, in working days.

Pure functions over a WorkCalendar (thads_accounts/lib/workdays.py) so
they are easy to test and to port: "within N working days" counts from the
working day after the step starts; a paused clock (waiting for the
applicant) does not consume time and moves the total deadline by the
working days it lasted."""
ON_TIME, DUE_TODAY, OVERDUE, PAUSED, MET, BREACHED = (
    'on_time', 'due_today', 'overdue', 'paused', 'met', 'breached')


def deadline(calendar, start, days):
    """The last day of "within `days` working days" from `start`; None when
    the step has no fixed time ("depending on the matter")."""
    if not days:
        return None
    return calendar.add_working_days(start, days)


def paused_working_days(calendar, pause_start, resume):
    """Working days lost while waiting: from the pause day (exclusive) to the
    resume day (inclusive)."""
    if not pause_start or not resume or resume <= pause_start:
        return 0
    return calendar.working_days_between(pause_start, resume)


def consumed(calendar, received, today, paused_days):
    """Working days used so far (not counting the paused ones)."""
    if today <= received:
        return 0
    return max(calendar.working_days_between(received, today) - paused_days, 0)


def state(today, step_deadline, total_deadline, paused=False, done_on=None):
    """The clock's colour: the earlier of the step and total deadlines
    decides while running; a finished request is met or breached against
    the total deadline."""
    if done_on:
        return BREACHED if total_deadline and done_on > total_deadline else MET
    if paused:
        return PAUSED
    limits = [d for d in (step_deadline, total_deadline) if d]
    if not limits:
        return ON_TIME
    limit = min(limits)
    if today > limit:
        return OVERDUE
    if today == limit:
        return DUE_TODAY
    return ON_TIME


def shift(calendar, day, working_days):
    """`day` moved forward by `working_days` working days (a paused total deadline)."""
    if not day or not working_days:
        return day
    return calendar.add_working_days(day, working_days)

