import base64

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

from ..lib import lifecycle
from .thads_case import is_replay, replaying

# the date from which NĐ 152/2026 art. 32(2) asks for the list: data
# (data/thads_case_vks_list_data.xml), editable by a national administrator
DATE_FROM_PARAM = 'thads_case.vks_list_date_from'
# fields the preparation sets; a leader only enters how the list was sent
COMPUTED_FIELDS = frozenset(['name', 'office_id', 'date_from', 'date_to', 'line_ids', 'line_count', 'state',
                             'sent_by_id', 'prepared_date', 'attachment_id'])


def month_bounds(date):
    """First and last day of the month of `date` (date or ISO string)."""
    if isinstance(date, str):
        date = fields.Date.from_string(date)
    start = date.replace(day=1)
    return start, start + relativedelta(months=1, days=-1)


class ThadsCaseVksList(models.Model):
    """The monthly list of the cases an office ended, sent to the procuracy
    (Viện kiểm sát) of the same level: NĐ 152/2026 art. 32(2), from
    01/07/2026.  Its lines are derived from the case journal in SQL
    (_compute_lines) and never written by hand; the office leader records
    when and under which dispatch it was sent."""
    _name = 'thads.case.vks.list'
    _description = 'Monthly list of closed cases for the procuracy'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_from desc, office_id'

    name = fields.Char(readonly=True, required=True, index=True)
    office_id = fields.Many2one('thads.office', string='Office', required=True, readonly=True, index=True,
                                ondelete='restrict')
    date_from = fields.Date(string='Month', required=True, readonly=True, index=True)
    date_to = fields.Date(string='Last day', required=True, readonly=True)
    line_ids = fields.One2many('thads.case.vks.list.line', 'list_id', string='Closed cases', readonly=True)
    line_count = fields.Integer(string='Number of cases', readonly=True)
    state = fields.Selection([('draft', 'To send'), ('sent', 'Sent')], default='draft', required=True,
                             readonly=True, index=True, track_visibility='onchange')
    prepared_date = fields.Datetime(string='Prepared on', readonly=True)
    attachment_id = fields.Many2one('ir.attachment', string='Document', readonly=True, ondelete='set null')
    sent_date = fields.Date(string='Sent on', states={'sent': [('readonly', True)]})
    sent_reference = fields.Char(string='Dispatch reference', states={'sent': [('readonly', True)]},
                                 help='Number of the dispatch (công văn) that sent the list to the procuracy.')
    sent_by_id = fields.Many2one('res.users', string='Marked sent by', readonly=True)

    _sql_constraints = [
        ('office_month_unique', 'unique(office_id, date_from)', 'There is already a list for this office and month.'),
    ]

    # ------------------------------------------------------------ guards
    @api.model
    def create(self, vals):
        if not is_replay(self):
            raise UserError(_('The monthly lists for the procuracy are prepared by the system (each month, or '
                              'from the menu "Print a monthly list for the procuracy"); they cannot be created '
                              'by hand.'))
        return super(ThadsCaseVksList, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_replay(self):
            if COMPUTED_FIELDS & set(vals):
                raise UserError(_('The content of a monthly list for the procuracy is computed from the case '
                                  'events and cannot be changed by hand; only the date and reference of the '
                                  'dispatch are entered.'))
            if {'sent_date', 'sent_reference'} & set(vals) and self.filtered(lambda l: l.state == 'sent'):
                raise UserError(_('This list was already sent: its dispatch can no longer be changed.'))
        return super(ThadsCaseVksList, self).write(vals)

    @api.multi
    def unlink(self):
        if not is_replay(self):
            raise UserError(_('A monthly list for the procuracy cannot be deleted.'))
        return super(ThadsCaseVksList, self).unlink()

    # ---------------------------------------------------------- validity
    @api.model
    def _date_from_param(self):
        """First day for which a list is required (data), or None."""
        # sudo: a system parameter every user's list depends on, read only
        value = self.env['ir.config_parameter'].sudo().get_param(DATE_FROM_PARAM)
        return fields.Date.from_string(value) if value else None

    @api.model
    def _check_period(self, month_start):
        """Refuse a month before the validity date, in the user's words."""
        valid_from = self._date_from_param()
        if valid_from and month_bounds(month_start)[1] < valid_from:
            raise UserError(_('A monthly list of closed cases for the procuracy is required only from %s '
                              '(NĐ 152/2026/NĐ-CP art. 32(2)): no list is needed for %s.') % (
                valid_from.strftime('%d/%m/%Y'), month_bounds(month_start)[0].strftime('%m/%Y')))

    # ------------------------------------------------------- preparation
    @api.model
    def _prepare(self, office, month_start):
        """The list of `office` for the month of `month_start`: found, or
        created and computed.  A list still to send is computed again (an
        event dated back may have ended a case in that month).  Callers
        check the user's right on the office first."""
        self._check_period(month_start)
        start, end = month_bounds(month_start)
        # sudo + replay: derived data, after the caller's check
        lists = replaying(self.sudo().with_context(mail_create_nosubscribe=True, mail_create_nolog=True))
        vks_list = lists.search([('office_id', '=', office.id), ('date_from', '=', fields.Date.to_string(start))])
        created = not vks_list
        if created:
            vks_list = lists.create({
                'name': '%s - %s' % (office.code or office.name, start.strftime('%m/%Y')),
                'office_id': office.id, 'date_from': fields.Date.to_string(start),
                'date_to': fields.Date.to_string(end)})
        if vks_list.state == 'draft':
            vks_list._compute_lines()
            vks_list._render_document()
        # in the caller's environment: the privileged one does not leave this method
        return self.browse(vks_list.id), created

    def _compute_lines(self):
        """The cases whose journal first reaches a final state (lifecycle.FINAL)
        in the month, at this office (the office of the ending event), in one
        INSERT ... SELECT over the partial index of final events
        (thads_case_event_final_*_idx) and the per-case order index."""
        self.ensure_one()
        final = tuple(lifecycle.FINAL)
        cr = self.env.cr
        cr.execute('DELETE FROM thads_case_vks_list_line WHERE list_id = %s', (self.id,))
        cr.execute("""
            WITH ended AS (
                SELECT DISTINCT ON (e.case_id) e.case_id, e.id, e.date, e.sequence, e.event_type,
                       e.document_number, e.state_after
                  FROM thads_case_event e
                 WHERE e.date BETWEEN %(start)s AND %(end)s AND e.office_id = %(office)s
                   AND e.state_after IN %(final)s
                   AND NOT EXISTS (SELECT 1 FROM thads_case_event p
                                    WHERE p.case_id = e.case_id AND p.state_after IN %(final)s
                                      AND (p.date, p.sequence, p.id) < (e.date, e.sequence, e.id))
              ORDER BY e.case_id, e.date, e.sequence, e.id
            )
            INSERT INTO thads_case_vks_list_line
                   (list_id, sequence, case_id, case_number, decision_number, decision_date, debtor_names,
                    creditor_names, end_event_id, end_event_type, end_document, end_date, end_state,
                    create_uid, create_date, write_uid, write_date)
            SELECT %(list)s, row_number() OVER (ORDER BY ended.date, c.year, c.number_seq, c.id), c.id, c.name,
                   c.decision_number, c.decision_date,
                   (SELECT string_agg(rp.name, ', ' ORDER BY pa.id) FROM thads_case_party pa
                      JOIN res_partner rp ON rp.id = pa.partner_id
                     WHERE pa.case_id = c.id AND pa.role = 'debtor'),
                   (SELECT string_agg(rp.name, ', ' ORDER BY pa.id) FROM thads_case_party pa
                      JOIN res_partner rp ON rp.id = pa.partner_id
                     WHERE pa.case_id = c.id AND pa.role = 'creditor'),
                   ended.id, ended.event_type, ended.document_number, ended.date, ended.state_after,
                   %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
              FROM ended JOIN thads_case c ON c.id = ended.case_id
        """, {'start': self.date_from, 'end': self.date_to, 'office': self.office_id.id, 'final': final,
              'list': self.id, 'uid': self.env.uid})
        count = cr.rowcount
        self.env['thads.case.vks.list.line'].invalidate_cache()
        self.invalidate_cache(['line_ids'])
        replaying(self).write({'line_count': count, 'prepared_date': fields.Datetime.now()})
        return count

    @api.model
    def _offices_with_closed_cases(self, month_start):
        """Offices where a case first reached a final state in the month."""
        start, end = month_bounds(month_start)
        final = tuple(lifecycle.FINAL)
        self.env.cr.execute("""
            SELECT DISTINCT e.office_id FROM thads_case_event e
             WHERE e.date BETWEEN %(start)s AND %(end)s AND e.state_after IN %(final)s AND e.office_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM thads_case_event p
                                WHERE p.case_id = e.case_id AND p.state_after IN %(final)s
                                  AND (p.date, p.sequence, p.id) < (e.date, e.sequence, e.id))
        """, {'start': start, 'end': end, 'final': final})
        return self.env['thads.office'].browse(sorted(row[0] for row in self.env.cr.fetchall()))

    # ---------------------------------------------------------- document
    def _layout(self):
        """What the document shows, in Vietnamese (an official document)."""
        self.ensure_one()
        vi = self.with_context(lang='vi_VN')
        Line = vi.env['thads.case.vks.list.line']
        states = dict(Line._fields['end_state']._description_selection(vi.env))
        events = dict(Line._fields['end_event_type']._description_selection(vi.env))
        start = fields.Date.from_string(self.date_from)

        def day(value):
            return fields.Date.from_string(value).strftime('%d/%m/%Y') if value else ''

        rows = []
        for line in self.line_ids.sorted('sequence'):
            decision = ', '.join(filter(None, [line.decision_number, day(line.decision_date)]))
            rows.append([str(line.sequence), line.case_number or '', decision, line.debtor_names or '',
                         line.creditor_names or '', states.get(line.end_state, ''),
                         ' '.join(filter(None, [events.get(line.end_event_type, ''),
                                                line.end_document or ''])),
                         day(line.end_date)])
        return {
            'agency': vi._t_agency(),
            'office': self.office_id.name,
            'title': vi._t_title() % start.strftime('%m/%Y'),
            'recipient': vi._t_recipient(),
            'basis': vi._t_basis(),
            'columns': vi._t_columns(),
            'rows': rows,
            'total': vi._t_total() % len(rows),
            'empty': vi._t_empty(),
        }

    # translated pieces of the document (the terms go to i18n/vi.po)
    def _t_agency(self):
        return _('CIVIL JUDGMENT ENFORCEMENT')

    def _t_title(self):
        return _('LIST OF ENFORCEMENT CASES ENDED IN %s')

    def _t_recipient(self):
        return _('To: the People\'s Procuracy of the same level')

    def _t_basis(self):
        return _('(Decree 152/2026/NĐ-CP, art. 32(2))')

    def _t_columns(self):
        return [_('No.'), _('Case number'), _('Enforcement decision'), _('Debtors'), _('Creditors'),
                _('How it ended'), _('Ending document'), _('Ended on')]

    def _t_total(self):
        return _('Total: %d cases.')

    def _t_empty(self):
        return _('No case ended in this month.')

    def _render_document(self):
        """The PDF of the list, attached to it (replaced while it is to send)."""
        from ..lib import vks_pdf
        self.ensure_one()
        data = vks_pdf.render(self._layout())
        start = fields.Date.from_string(self.date_from)
        filename = 'DS-VKS-%s-%s.pdf' % ((self.office_id.code or str(self.office_id.id)).replace('/', '-'),
                                         start.strftime('%Y-%m'))
        # sudo: the attachment of a derived record, written by its preparation only
        Attachment = self.env['ir.attachment'].sudo()
        old = self.attachment_id.sudo()
        attachment = Attachment.create({
            'name': filename, 'datas_fname': filename, 'res_model': self._name, 'res_id': self.id,
            'datas': base64.b64encode(data), 'mimetype': 'application/pdf'})
        replaying(self).write({'attachment_id': attachment.id})
        if old:
            old.unlink()
        return attachment

    # ----------------------------------------------------------- actions
    def _check_office_user(self, leader=False):
        """The user works in the list's office subtree (and leads it when
        `leader`), or is a national role (reading only)."""
        user = self.env.user
        if user.id == SUPERUSER_ID:
            return
        offices = self.env['thads.office.mixin']._thads_user_office_ids()
        for vks_list in self:
            if leader:
                # sudo: the office tree only (names and parents), to place the list's office
                ok = user.has_group('thads_accounts.group_thads_leader') and user.thads_office_id and \
                    self.env['thads.office'].sudo().search_count(
                        [('id', '=', vks_list.office_id.id), ('id', 'child_of', user.thads_office_id.ids)])
                if not ok:
                    raise UserError(_('Only a leader of %s can mark its monthly list as sent.')
                                    % vks_list.office_id.name)
            elif vks_list.office_id.id not in offices:
                raise UserError(_('This list belongs to an office outside yours.'))

    @api.multi
    def action_refresh(self):
        """Compute a list still to send again (and its document)."""
        self.check_access_rights('read')
        self.check_access_rule('read')
        self._check_office_user()
        for vks_list in self:
            if vks_list.state != 'draft':
                raise UserError(_('This list was already sent: it is kept as sent.'))
            self._prepare(vks_list.office_id, vks_list.date_from)
        return True

    @api.multi
    def action_print(self):
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        self._check_office_user()
        if self.state == 'draft':
            self._prepare(self.office_id, self.date_from)
        return self._download_action()

    def _download_action(self):
        """Download the list's document (read with the user's rights: /web/content
        answers 404 to a user who may not read the list)."""
        # sudo: the attachment of this list, which the caller may read
        attachment = self.sudo().attachment_id or replaying(self.sudo())._render_document()
        return {'type': 'ir.actions.act_url', 'target': 'new',
                'url': '/web/content/%d?download=true' % attachment.id}

    @api.multi
    def action_mark_sent(self):
        """The leader records that the list went to the procuracy."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._check_office_user(leader=True)
        for vks_list in self:
            if vks_list.state != 'draft':
                raise UserError(_('This list was already sent.'))
            if not vks_list.sent_date or not vks_list.sent_reference:
                raise UserError(_('Enter the date and the reference of the dispatch that sent the list.'))
            replaying(vks_list).write({'state': 'sent', 'sent_by_id': self.env.user.id})
            # sudo: the to-dos of every leader of the office are done once the list is sent
            vks_list.sudo().activity_ids.action_feedback(_('Sent: %s') % vks_list.sent_reference)
            vks_list.message_post(body=_('List sent to the procuracy on %s (dispatch %s) by %s.') % (
                fields.Date.from_string(vks_list.sent_date).strftime('%d/%m/%Y'), vks_list.sent_reference,
                self.env.user.name), subtype='mail.mt_note')
        return True

    # -------------------------------------------------------------- cron
    @api.model
    def _cron_prepare(self, today=None):
        """Each day (and so on the first days of each month): the previous
        month's list of every office where a case ended, with a to-do for
        its leaders.  Idempotent: a list and its to-dos are made once."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        month_start = month_bounds(today)[0] - relativedelta(months=1)
        valid_from = self._date_from_param()
        if valid_from and month_bounds(month_start)[1] < valid_from:
            return True
        activity_type = self.env.ref('thads_case.mail_activity_type_vks_list')
        leader_group = self.env.ref('thads_accounts.group_thads_leader')
        model_id = self.env['ir.model']._get_id(self._name)
        offices = self._offices_with_closed_cases(month_start)
        # lists already prepared stay as they are (computed again when printed or refreshed);
        # sudo: the cron's own bookkeeping, whoever runs it
        done = self.sudo().search([('office_id', 'in', offices.ids),
                                   ('date_from', '=', fields.Date.to_string(month_start))]).mapped('office_id')
        for office in offices - done:
            vks_list, _created = self._prepare(office, month_start)
            leaders = office.head_id or office.user_ids.filtered(lambda u: leader_group in u.groups_id)
            for leader in leaders:
                # sudo: a to-do for the office's leaders on a list the system just prepared
                self.env['mail.activity'].sudo().create({
                    'res_model_id': model_id, 'res_id': vks_list.id, 'activity_type_id': activity_type.id,
                    'user_id': leader.id,
                    'date_deadline': fields.Date.to_string(today),
                    'summary': self.with_context(lang=leader.lang)._summary_send(month_start),
                })
        return True

    @api.model
    def _summary_send(self, month_start):
        return _('Send the list of cases ended in %s to the procuracy') % month_start.strftime('%m/%Y')
