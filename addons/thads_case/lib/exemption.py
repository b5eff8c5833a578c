"""Exemption and reduction of debts to the state budget (art. 61-63, TTLT
12/2015), from thresholds kept as data.

A threshold: (action, min_amount, max_amount, years, partially_paid).
action is 'exempt', 'exempt_remainder' or 'reduce'; the debtor must have no
seizable assets or income; years count from the first QĐ THA.
"""
from collections import namedtuple

Threshold = namedtuple('Threshold', 'action min_amount max_amount years partially_paid')

# At least 1/50 paid for "exempt the remainder"
MIN_PAID_SHARE = 50


def eligible(thresholds, remaining, paid, years_since_decision):
    """Actions the obligation is eligible for now, sorted by name."""
    actions = set()
    partially_paid = paid > 0 and paid * MIN_PAID_SHARE >= remaining + paid
    for th in thresholds:
        if th.partially_paid and not partially_paid:
            continue
        if th.min_amount is not None and remaining < th.min_amount:
            continue
        if th.max_amount is not None and remaining >= th.max_amount:
            continue
        if years_since_decision >= th.years:
            actions.add(th.action)
    return sorted(actions)


# ------------------------------------------------ the proposal (issue 19 e)
# The process of a proposal, in order: each step's event of the case
# journal (lifecycle.TRANSITIONS) and the deadline rule (thads.deadline.rule,
# data/thads_exemption_rule_data.xml) it triggers.  A step may only follow
# the step before it.
STEPS = (
    # (state reached, event recorded on the case)
    ('open', 'exemption_open'),                  # the office starts the review
    ('verified', 'exemption_verify'),            # conditions verified (10 days)
    ('filed', 'exemption_file'),                 # file drawn up (05 NLV)
    ('sent_vks', 'exemption_send'),              # sent to the procuracy (first week of the month)
    ('vks_answered', 'exemption_vks'),           # written opinion of the procuracy (15 days)
    ('sent_court', 'exemption_court'),           # file received by the court
    ('accepted', 'exemption_accept'),            # court accepted the file (02 NLV)
    ('decided', 'exemption_decision'),           # decision at the hearing (20 days)
)
DECISION_RECEIVED = 'exemption_received'         # the court's decision reaches the office (05 NLV)
EVENTS = tuple(event for _state, event in STEPS) + (DECISION_RECEIVED,)

# unit of the rule "sent to the procuracy in the first week of the month"
FIRST_WEEK = 'month_first_week'
FIRST_WEEK_LAST_DAY = 7


def first_week_end(start, count, calendar):
    """Last day of the first week (days 1-7) of the month `count` months
    after the month of `start`, rolled over to the next working day (Civil
    Code art. 148): a file drawn up in a month goes to the procuracy in the
    first week of the next one."""
    month = start.month - 1 + count
    year = start.year + month // 12
    day = start.replace(year=year, month=month % 12 + 1, day=FIRST_WEEK_LAST_DAY)
    return calendar.add(day, 0, 'days')


def full_years(start, day):
    """Whole years from `start` to `day` (an anniversary completes a year;
    29/02 counts on 28/02 of a common year)."""
    years = day.year - start.year
    try:
        anniversary = start.replace(year=day.year)
    except ValueError:  # 29 February
        anniversary = start.replace(year=day.year, day=28)
    return years - 1 if day < anniversary else years


def add_years(start, years):
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def eligible_from(thresholds, action, remaining, paid, decision_date):
    """The first day the obligation meets a threshold of `action` at its
    present amount (years counted from the first QĐ THA, Law 106 art.
    42(5)); None when no threshold of `action` covers the amount."""
    partially_paid = paid > 0 and paid * MIN_PAID_SHARE >= remaining + paid
    days = []
    for th in thresholds:
        if th.action != action or (th.partially_paid and not partially_paid):
            continue
        if th.min_amount is not None and remaining < th.min_amount:
            continue
        if th.max_amount is not None and remaining >= th.max_amount:
            continue
        days.append(add_years(decision_date, th.years))
    return min(days) if days else None


def max_reduction(remaining, years, thresholds):
    """The most a reduction may take off (art. 61(3) of the 2014 law,
    art. 42(2) of Law 106): a quarter of the remainder up to 100 million,
    a fifth of it above, at most 50 million; None when the reduction
    thresholds of the day do not cover the amount."""
    for th in thresholds:
        if th.action != 'reduce' or years < th.years:
            continue
        if th.min_amount is not None and remaining < th.min_amount:
            continue
        if th.max_amount is not None and remaining >= th.max_amount:
            continue
        if th.max_amount is None:  # the open band: ≤ 1/5, at most 50 million
            return min(remaining // 5, 50000000)
        return remaining // 4
    return None


# "chỉ được xét miễn hoặc giảm một lần trong 01 năm đối với mỗi bản án,
# quyết định" (Law 106 art. 42(4); 2014 law art. 61(4))
def next_review_allowed(reviews, day):
    """None when a review of the judgment may start on `day`; else the
    first day it may (one year after the latest court review).  `reviews`:
    dates of the court's earlier reviews of the same judgment."""
    earlier = [d for d in reviews if d <= day]
    if not earlier:
        return None
    allowed = add_years(max(earlier), 1)
    return allowed if day < allowed else None
