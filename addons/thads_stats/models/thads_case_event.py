from odoo import api, models


class ThadsCaseEvent(models.Model):
    """Case events dated inside a closed statistical period are frozen."""
    _inherit = 'thads.case.event'

    @api.model
    def create(self, vals):
        case = self.env['thads.case'].browse(vals.get('case_id'))
        if case and vals.get('date'):
            self.env['thads.stat.lock'].check(case.office_id, vals['date'])
        return super(ThadsCaseEvent, self).create(vals)

    @api.multi
    def write(self, vals):
        for event in self:
            self.env['thads.stat.lock'].check(event.office_id or event.case_id.office_id, event.date)
        return super(ThadsCaseEvent, self).write(vals)

    @api.multi
    def unlink(self):
        for event in self:
            self.env['thads.stat.lock'].check(event.office_id or event.case_id.office_id, event.date)
        return super(ThadsCaseEvent, self).unlink()
