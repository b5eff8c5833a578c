from odoo import api, models


class ThadsCalendarDay(models.Model):
    """Open case deadlines move as soon as the working calendar changes."""
    _inherit = 'thads.calendar.day'

    @api.model
    def _calendar_changed(self, dates):
        res = super(ThadsCalendarDay, self)._calendar_changed(dates)
        # the caches were cleared by thads.cache.mixin before this hook runs
        self.env['thads.case']._deadlines_changed_dates([d for d in dates if d])
        return res
