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
