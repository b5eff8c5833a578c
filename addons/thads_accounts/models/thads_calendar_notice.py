from odoo import _, api, fields, models

from ..lib.workdays import statutory_days_off


class ThadsCalendarNotice(models.Model):
    """Each year's official notice on the days off of civil servants
    (Thông báo nghỉ lễ, Tết của Văn phòng Chính phủ / Bộ Nội vụ): its days
    are the overrides of the computed calendar.  National administrators are
    warned while next year's notice has not been entered."""
    _name = 'thads.calendar.notice'
    _inherit = ['thads.cache.mixin', 'mail.thread', 'mail.activity.mixin']
    _description = 'Official notice on days off'
    _order = 'year desc'

    year = fields.Integer(required=True, index=True)
    name = fields.Char(string='Reference', required=True, help='Number and date of the official notice.')
    day_ids = fields.One2many('thads.calendar.day', 'notice_id', string='Days')
    statutory_days = fields.Text(compute='_compute_statutory_days', string='Statutory days off (computed)',
                                 help='The Labour Code holidays of the year with their compensation days, '
                                      'as the software computes them before any override.')
    note = fields.Text()

    _sql_constraints = [('year_unique', 'unique(year)', 'Each year has one official notice.')]

    @api.depends('year')
    def _compute_statutory_days(self):
        for notice in self:
            if 1900 < notice.year < 2200:
                days = statutory_days_off(notice.year)
                notice.statutory_days = '\n'.join('%s  %s' % (day.strftime('%d/%m/%Y'), days[day])
                                                  for day in sorted(days))

    @api.model
    def _missing_notice_year(self, today=None):
        """Next year, when its notice is missing and it is already due (from
        1 October: the notices come out in the last quarter); else False."""
        today = self._to_today(today)
        year = today.year + 1 if today.month >= 10 else today.year
        # sudo: only counts notices, public reference data
        if not self.sudo().search_count([('year', '=', year)]):
            return year
        return False

    @api.model
    def _to_today(self, today):
        if today is None:
            return fields.Date.from_string(fields.Date.context_today(self))
        return fields.Date.from_string(today) if isinstance(today, str) else today

    @api.model
    def _cron_warn_missing_notice(self, today=None):
        """Daily: a to-do for every national administrator while next year's
        notice is missing (once per year and administrator)."""
        year = self._missing_notice_year(today)
        if not year:
            return True
        activity_type = self.env.ref('mail.mail_activity_data_todo')
        admins = self.env.ref('thads_accounts.group_thads_national_admin').users.filtered(
            lambda u: u.active and not u.share)
        anchor = self.sudo().search([], order='year desc', limit=1)
        if not anchor:
            return True
        Activity = self.env['mail.activity'].sudo()
        model_id = self.env['ir.model']._get_id(self._name)
        for admin in admins:
            text = self.with_context(lang=admin.lang)._translate_summary(year)
            if Activity.search_count([('res_model', '=', self._name), ('res_id', '=', anchor.id),
                                      ('user_id', '=', admin.id), ('summary', '=', text)]):
                continue
            # sudo: a system to-do for the administrators, no user data
            Activity.create({'res_model_id': model_id, 'res_id': anchor.id, 'user_id': admin.id,
                             'activity_type_id': activity_type.id, 'summary': text,
                             'date_deadline': '%s-12-31' % (year - 1)})
        return True

    @api.model
    def _translate_summary(self, year):
        return _('Enter the official notice on the days off of %s') % year
