"""Who may write the figures of the statistics.

Report rows, locks and reconciliation rows are written only by this addon's
compute, close, unlock and compare methods.  Those methods mark their
environment with `_WRITER`, an object that exists only in this process: a
context that comes over RPC or HTTP is decoded JSON and can never hold it
(compared with `is`, like OCA queue_job's job guard).  A context *flag*
would be client input; this object cannot be forged."""
from odoo.exceptions import AccessError

_WRITER = object()
_KEY = 'thads_stats_writer'


def internal(records):
    """`records` with the right to write the figures (for this addon's
    compute, close, unlock and compare methods only)."""
    return records.with_context(**{_KEY: _WRITER})


def is_internal(records):
    return records.env.context.get(_KEY) is _WRITER


def refuse_direct(records, message):
    """Raise AccessError(message) unless `records` come from a compute,
    close, unlock or compare method of this addon."""
    if not is_internal(records):
        raise AccessError(message)
