from odoo import _, api, fields, models
from odoo.exceptions import UserError

def _default_month(wizard):
    """The previous month (the list an office usually prints)."""
    today = fields.Date.from_string(fields.Date.context_today(wizard))
    return today.month - 1 or 12


def _default_year(wizard):
    today = fields.Date.from_string(fields.Date.context_today(wizard))
    return today.year if today.month > 1 else today.year - 1


class ThadsCaseVksListPrint(models.TransientModel):
    """Print (prepare if needed) an office's list of closed cases for the
    procuracy for any month from the validity date of NĐ 152/2026 art. 32(2)."""
    _name = 'thads.case.vks.list.print'
    _description = 'Print a monthly list for the procuracy'

    office_id = fields.Many2one('thads.office', string='Office', required=True,
                                default=lambda self: self.env.user.thads_office_id,
                                domain=lambda self: [('id', 'child_of', self.env.user.thads_office_id.ids)])
    month = fields.Integer(required=True, default=_default_month)
    year = fields.Integer(required=True, default=_default_year)
    valid_from = fields.Date(string='Lists required from', compute='_compute_valid_from',
                             help='Data: system parameter thads_case.vks_list_date_from.')

    def _compute_valid_from(self):
        valid_from = self.env['thads.case.vks.list']._date_from_param()
        for wizard in self:
            wizard.valid_from = valid_from and fields.Date.to_string(valid_from)

    @api.multi
    def action_print(self):
        self.ensure_one()
        if self.office_id.id not in self.env['thads.office.mixin']._thads_user_office_ids():
            raise UserError(_('You can only print the lists of your office and the offices under it.'))
        if not 1 <= self.month <= 12:
            raise UserError(_('Enter a month between 1 and 12.'))
        if not 2000 <= self.year <= 2100:
            raise UserError(_('Enter a year between 2000 and 2100.'))
        month_start = fields.Date.from_string('%04d-%02d-01' % (self.year, self.month))
        Lists = self.env['thads.case.vks.list']
        Lists._check_period(month_start)
        # sudo: whether the list exists, after the office check above
        existing = Lists.sudo().search([('office_id', '=', self.office_id.id),
                                        ('date_from', '=', fields.Date.to_string(month_start))])
        if existing:
            return Lists.browse(existing.id).action_print()
        # prepared as the system (derived data), after the check above; printed with the user's rights
        vks_list, _created = Lists._prepare(self.office_id, month_start)
        return Lists.browse(vks_list.id)._download_action()
