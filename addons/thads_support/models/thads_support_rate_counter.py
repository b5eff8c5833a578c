import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class ThadsSupportRateCounter(models.Model):
    """Public submissions per client address and clock hour: an atomic
    counter in PostgreSQL, so the rate limit of the public forms holds when
    submissions arrive at the same time (a count of the stored requests does
    not: concurrent transactions do not see each other's rows)."""
    _name = 'thads.support.rate.counter'
    _description = 'Public submissions per address and hour'
    _log_access = False

    client_ip = fields.Char(required=True)
    hour = fields.Datetime(required=True)
    count = fields.Integer(required=True, default=0)

    _sql_constraints = [('client_ip_hour_uniq', 'unique(client_ip, hour)', 'One counter per address and hour.')]

    @api.model
    def _thads_take(self, client_ip, limit):
        """Count one submission of ``client_ip`` in the current hour; False
        when it is over ``limit``.  The counter is incremented in one
        statement (INSERT ... ON CONFLICT DO UPDATE ... RETURNING) on a cursor
        of its own in autocommit: concurrent submissions queue on the row
        lock and each sees the count left by the previous one.  An attempt
        counts even if its request fails later (conservative)."""
        with self.pool.cursor() as cr:
            cr.autocommit(True)  # each statement is its own READ COMMITTED transaction
            cr.execute("""
                INSERT INTO thads_support_rate_counter (client_ip, hour, count)
                     VALUES (%s, date_trunc('hour', now() AT TIME ZONE 'UTC'), 1)
                ON CONFLICT (client_ip, hour)
                  DO UPDATE SET count = thads_support_rate_counter.count + 1
                  RETURNING count""", (client_ip or '', ))
            count = cr.fetchone()[0]
            cr.execute("DELETE FROM thads_support_rate_counter WHERE hour < now() AT TIME ZONE 'UTC' - interval '1 day'")
        return count <= limit
