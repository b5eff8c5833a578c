from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

from ..lib import documents, lifecycle
from .thads_case import is_replay, replaying


class ThadsCaseHandover(models.Model):
    """Handover (bàn giao) of cases between enforcement officers of an
    office: the minutes list the cases and the money collected but not yet
    paid out; the receiver confirms, then each case records a "handover"
    event, so statistics per officer keep who had the case when."""
    _name = 'thads.case.handover'
    _description = 'Handover of cases'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'thads.office.mixin', 'thads.document.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(string='Minutes number', required=True, readonly=True,
                       states={'draft': [('readonly', False)]}, default='/')
    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True,
                       states={'draft': [('readonly', False)]})
    from_user_id = fields.Many2one('res.users', string='Handed over by', required=True, readonly=True,
                                   states={'draft': [('readonly', False)]})
    to_user_id = fields.Many2one('res.users', string='Received by', required=True, readonly=True,
                                 states={'draft': [('readonly', False)]}, track_visibility='onchange')
    reason = fields.Char(readonly=True, states={'draft': [('readonly', False)]})
    case_ids = fields.Many2many('thads.case', string='Cases', readonly=True,
                                states={'draft': [('readonly', False)]})
    case_count = fields.Integer(compute='_compute_totals')
    amount_held = fields.Float(digits=(18, 0), compute='_compute_totals',
                               string='Collected, not paid out')
    state = fields.Selection([('draft', 'Draft'), ('sent', 'Waiting for the receiver'),
                              ('confirmed', 'Confirmed'), ('cancel', 'Cancelled')],
                             default='draft', readonly=True, track_visibility='onchange')
    sent_by_id = fields.Many2one('res.users', string='Sent by', readonly=True, copy=False)

    @api.depends('case_ids.amount_held')
    def _compute_totals(self):
        for handover in self:
            handover.case_count = len(handover.case_ids)
            handover.amount_held = sum(handover.case_ids.mapped('amount_held'))

    # the minutes: fixed once sent (the receiver confirms what was sent)
    CONTENT_FIELDS = ('name', 'date', 'from_user_id', 'to_user_id', 'reason', 'case_ids', 'office_id')

    @api.model
    def create(self, vals):
        if not is_replay(self):
            defaults = {key[8:] for key in self.env.context if key.startswith('default_')}
            if (set(vals) | defaults) & {'state', 'sent_by_id'}:
                raise UserError(_('The state of a handover changes through its buttons only '
                                  '(send, confirm, cancel).'))
        return super(ThadsCaseHandover, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_replay(self):
            if {'state', 'sent_by_id'} & set(vals):
                raise UserError(_('The state of a handover changes through its buttons only '
                                  '(send, confirm, cancel).'))
            if set(vals) & set(self.CONTENT_FIELDS) and self.filtered(lambda h: h.state != 'draft'):
                raise UserError(_('A handover that was sent cannot be changed; cancel it and make a new one.'))
        return super(ThadsCaseHandover, self).write(vals)

    def _thads_is_leader(self, user):
        """A leader of the handover's office (or of an office above it)."""
        if user.id == SUPERUSER_ID:
            return True  # server code, not a client
        if not user.has_group('thads_accounts.group_thads_leader') or not user.thads_office_id:
            return False
        return bool(self.env['thads.office'].sudo().search_count(
            [('id', '=', self.office_id.id), ('id', 'child_of', user.thads_office_id.ids)]))

    def _check_not_to_oneself(self, leader, senders):
        """`senders`: who prepared or sent the handover; none of them may
        be its receiver unless a leader acts."""
        if self.to_user_id == self.from_user_id:
            raise UserError(_('The receiver must be another officer than the one handing the cases over.'))
        if not leader and self.to_user_id in senders:
            raise UserError(_('You cannot hand cases over to yourself: only a leader of the office can '
                              'assign them to you.'))

    @api.multi
    def action_send(self):
        user = self.env.user
        for handover in self:
            if handover.state != 'draft':
                raise UserError(_('Only a draft handover can be sent.'))
            leader = handover._thads_is_leader(user)
            if user != handover.from_user_id and not leader:
                raise UserError(_('Only %s, who hands the cases over, or a leader of the office can send '
                                  'this handover.') % handover.from_user_id.name)
            handover._check_not_to_oneself(leader, user | handover.create_uid)
            if not handover.case_ids:
                raise UserError(_('Select the cases to hand over.'))
            # sudo: the checks need the cases' executor, office and state, whoever sends
            cases = handover.case_ids.sudo()
            wrong = cases.filtered(lambda c: c.executor_id != handover.from_user_id)
            if wrong:
                raise UserError(_('These cases are not in the charge of %s: %s') % (
                    handover.from_user_id.name, ', '.join(wrong.mapped('name'))))
            offices = self.env['thads.office'].sudo().search([('id', 'child_of', handover.office_id.id)])
            outside = cases.filtered(lambda c: c.office_id not in offices)
            if outside:
                raise UserError(_('These cases do not belong to %s: %s') % (
                    handover.office_id.name, ', '.join(outside.mapped('name'))))
            finished = cases.filtered(lambda c: c.state not in lifecycle.PENDING)
            if finished:
                raise UserError(_('These cases are no longer being enforced and cannot be handed over: %s')
                                % ', '.join(finished.mapped('name')))
            vals = {'state': 'sent', 'sent_by_id': user.id}
            if handover.name == '/':
                vals['name'] = self.env['ir.sequence'].next_by_code('thads.case.handover') or '/'
            replaying(handover).write(vals)
            handover._activity_schedule_receiver()
            handover.message_post(body=_('Handover sent by %s to %s (%d cases).') % (
                user.name, handover.to_user_id.name, len(cases)), subtype='mail.mt_note')
        return True

    def _activity_schedule_receiver(self):
        self.env['mail.activity'].sudo().create({
            'res_model_id': self.env['ir.model']._get_id(self._name), 'res_id': self.id,
            'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id,
            'user_id': self.to_user_id.id, 'summary': _('Confirm the handover %s') % self.name,
        })

    @api.multi
    def action_confirm(self):
        """The receiver confirms: each case changes hands through an event."""
        user = self.env.user
        for handover in self:
            if handover.state != 'sent':
                raise UserError(_('Only a handover waiting for the receiver can be confirmed.'))
            leader = handover._thads_is_leader(user)
            if user != handover.to_user_id and not leader:
                raise UserError(_('Only %s or an office leader can confirm this handover.')
                                % handover.to_user_id.name)
            handover._check_not_to_oneself(leader, handover.create_uid | handover.sent_by_id)
            # sudo after the checks above: the receiver may not yet change
            # these cases; the events record who confirmed (user_id)
            Event = replaying(self.env['thads.case.event'].sudo())
            for case in handover.case_ids.sudo():
                Event.create({
                    'case_id': case.id, 'event_type': 'handover', 'date': handover.date,
                    'executor_id': handover.to_user_id.id, 'document_number': handover.name,
                    'note': handover.reason, 'user_id': user.id,
                })
            replaying(handover).write({'state': 'confirmed'})
            handover.activity_ids.action_feedback(_('Confirmed'))
            handover.message_post(body=_('Handover confirmed by %s: %s now in charge of %d cases.') % (
                user.name, handover.to_user_id.name, len(handover.case_ids)), subtype='mail.mt_note')
        return True

    @api.multi
    def action_cancel(self):
        if self.filtered(lambda h: h.state == 'confirmed'):
            raise UserError(_('A confirmed handover cannot be cancelled; make a new handover back.'))
        user = self.env.user
        for handover in self:
            if user not in (handover.from_user_id | handover.to_user_id | handover.create_uid) \
                    and not handover._thads_is_leader(user):
                raise UserError(_('Only the officers of this handover or a leader of the office can cancel it.'))
            replaying(handover).write({'state': 'cancel'})
            handover.message_post(body=_('Handover cancelled by %s.') % user.name, subtype='mail.mt_note')
        return True

    # ---------------------------------------------------- official documents
    def _thads_document_handover_minutes(self):
        """Biên bản bàn giao: the cases and the money collected, not paid out."""
        doc = self._thads_heading(self.office_id, self.date, self.name if self.name != '/' else False)
        rows = []
        for index, case in enumerate(self.case_ids, 1):
            rows.append([str(index), case.name or '', case.decision_number or '', case.debtor_names or '',
                         documents.number(case.amount_remaining),
                         documents.number(case.amount_held)])
        rows.append(['', 'Tổng cộng', '%d việc' % len(self.case_ids), '',
                     documents.number(sum(self.case_ids.mapped('amount_remaining'))),
                     documents.number(sum(self.case_ids.mapped('amount_held')))])
        date = fields.Date.from_string(self.date)
        doc.update(title='Biên bản', subtitle='Về việc bàn giao hồ sơ thi hành án', blocks=[
            ('p', 'Hôm nay, ngày %s, tại %s, chúng tôi gồm:' % (documents.short_date(date),
                                                               self.office_id.sudo().name or '')),
            ('p', 'Bên giao: Chấp hành viên %s.' % (self.from_user_id.name or '')),
            ('p', 'Bên nhận: Chấp hành viên %s.' % (self.to_user_id.name or '')),
            ('p', 'Lý do bàn giao: %s.' % (self.reason or '......')),
            ('p', 'Đã tiến hành bàn giao %d hồ sơ thi hành án và số tiền đã thu chưa chi trả như sau:'
             % len(self.case_ids)),
            ('table', ['STT', 'Số thụ lý', 'Quyết định THA', 'Người phải THA',
                       'Còn phải thi hành (đồng)', 'Đã thu chưa chi (đồng)'], rows,
             [1.2, 3.6, 3.4, 3.6, 3.1, 3.1], (4, 5)),
            ('p', 'Tổng số tiền còn phải thi hành: %s; đã thu chưa chi trả: %s.' % (
                documents.money(sum(self.case_ids.mapped('amount_remaining'))),
                documents.money(sum(self.case_ids.mapped('amount_held'))))),
            ('p', 'Biên bản được lập thành 03 bản, bên giao giữ 01 bản, bên nhận giữ 01 bản, lưu hồ sơ 01 bản.'),
        ], recipients=[], signatures=[('Bên giao', '(Ký, ghi rõ họ tên)', self.from_user_id.name or ''),
                                       ('Bên nhận', '(Ký, ghi rõ họ tên)', self.to_user_id.name or ''),
                                       ('Lãnh đạo đơn vị', '(Ký, ghi rõ họ tên)', self.office_id.sudo().head_id.name or '')])
        return doc
