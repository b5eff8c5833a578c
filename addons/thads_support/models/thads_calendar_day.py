from odoo import api, models

from .thads_support_request import FINAL_STATES


class ThadsCalendarDay(models.Model):
    """Open support requests' SLA deadlines move as soon as the working
    calendar changes, not at the next SLA cron."""
    _inherit = 'thads.calendar.day'

    @api.model
    def _calendar_changed(self, dates):
        res = super(ThadsCalendarDay, self)._calendar_changed(dates)
        dates = [d for d in dates if d]
        if dates:
            first = min(dates)
            # sudo: a system recomputation of the stored clocks after an authorised calendar change
            requests = self.env['thads.support.request'].sudo().search([
                ('state', 'not in', FINAL_STATES),
                '|', ('step_deadline', '>=', first), ('total_deadline', '>=', first)])
            # one set-based pass (the same SQL as the cron), however many requests
            requests._sla_sql_refresh(ids=requests.ids)
        return res
