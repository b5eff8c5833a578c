import datetime
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .thads_support_procedure import PROCEDURES
from ..lib import sla

CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'  # no 0/O, 1/I
FINAL_STATES = ('done', 'refused')
SLA_STATES = [
    (sla.ON_TIME, 'On time'), (sla.DUE_TODAY, 'Due today'), (sla.OVERDUE, 'Overdue'),
    (sla.PAUSED, 'Waiting for the applicant'), (sla.MET, 'Met'), (sla.BREACHED, 'Breached'),
]


# The step machine's own writes carry this object (compared with `is`): a
# client's context is plain data and cannot skip the checks of a kanban move.
_INTERNAL = object()


class _Day(str):
    """An ISO date set by this module's own code as "today" (see _today)."""


def on_day(records, day):
    """`records` working as if today were `day` (demo data and tests only)."""
    return records.with_context(thads_today=_Day(day))


def new_receipt_code():
    """12 random characters (about 60 bits): a code nobody can guess; the
    status lookup also asks for the applicant's identity number."""
    chars = ''.join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return 'HT-%s-%s-%s' % (chars[:4], chars[4:8], chars[8:])


class ThadsSupportRequest(models.Model):
    """A request received through the public pages, worked step by step by
    the office; its SLA clock is stored (not replayed) and recomputed on
    every step change and by a scheduled action."""
    _name = 'thads.support.request'
    _description = 'Online support request'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'thads.office.mixin', 'thads.kanban.progress.mixin']
    _order = 'date_received desc, id desc'

    name = fields.Char(string='Receipt code', required=True, readonly=True, copy=False, index=True,
                       default=lambda self: new_receipt_code())
    procedure_code = fields.Selection(PROCEDURES, string='Procedure', required=True, index=True, readonly=True,
                                      states={'received': [('readonly', False)]})
    procedure_id = fields.Many2one('thads.support.procedure', string='Procedure version', readonly=True,
                                   ondelete='restrict')
    step_id = fields.Many2one('thads.support.step', string='Step', readonly=True, index=True,
                              track_visibility='onchange', group_expand='_expand_steps', ondelete='restrict')
    step_kind = fields.Selection(related='step_id.kind', readonly=True)
    user_id = fields.Many2one('res.users', string='Assigned to', index=True, track_visibility='onchange')
    state = fields.Selection([
        ('received', 'Received'), ('in_progress', 'In progress'), ('waiting', 'Waiting for the applicant'),
        ('done', 'Result returned'), ('refused', 'Refused'),
    ], default='received', required=True, readonly=True, index=True, track_visibility='onchange')
    # applicant
    applicant_name = fields.Char(required=True)
    applicant_id_number = fields.Char(string='Identity number', required=True, index=True)
    applicant_phone = fields.Char(string='Phone')
    applicant_email = fields.Char(string='Email', required=True)
    applicant_address = fields.Char(string='Address')
    content = fields.Text(required=True)
    client_ip = fields.Char(readonly=True, index=True, groups='base.group_system')
    # the judgment (request for enforcement) or the case (confirmation)
    court = fields.Char()
    judgment_number = fields.Char()
    debtor_name = fields.Char()
    case_reference = fields.Char(help='Case number given by the applicant.')
    case_id = fields.Many2one('thads.case', string='Case', index=True, track_visibility='onchange')
    # petitions (procedure 2)
    petition_type = fields.Selection([('de_nghi', 'Request'), ('kien_nghi', 'Recommendation'),
                                      ('phan_anh', 'Report')], string='Content type')
    handling_condition = fields.Selection([('eligible', 'Meets the conditions'),
                                           ('not_eligible', 'Does not meet the conditions')])
    jurisdiction = fields.Selection([('own', 'Within THADS jurisdiction'), ('other', 'Another authority')])
    petitioner_count = fields.Integer(string='Number of petitioners', default=1)
    transfer_authority = fields.Char(string='Transferred to')
    # what the applicant is told (never the internal note)
    appointment_date = fields.Datetime(string='Appointment')
    guidance_note = fields.Text(string='Guidance to the applicant')
    refusal_ground = fields.Char(string='Legal ground of the refusal')
    result_note = fields.Text(string='Result for the applicant')
    internal_note = fields.Text(string='Internal note', help='Never sent to the applicant.')
    # SLA clock
    date_received = fields.Date(string='Received on', required=True, readonly=True, index=True,
                                default=lambda self: self._today())
    step_start_date = fields.Date(readonly=True)
    step_deadline = fields.Date(readonly=True, index=True)
    total_deadline = fields.Date(readonly=True, index=True)
    pause_start_date = fields.Date(readonly=True)
    paused_days = fields.Integer(string='Paused (working days)', readonly=True)
    consumed_days = fields.Integer(string='Used (working days)', readonly=True)
    date_done = fields.Date(string='Closed on', readonly=True, index=True)
    sla_state = fields.Selection(SLA_STATES, string='SLA', readonly=True, index=True, default=sla.ON_TIME)
    sla_notified_on = fields.Date(readonly=True, copy=False)
    escalated = fields.Boolean(readonly=True, copy=False)
    color = fields.Integer(compute='_compute_color')

    _sql_constraints = [('name_uniq', 'unique(name)', 'The receipt code must be unique.')]

    @api.depends('sla_state')
    def _compute_color(self):
        colors = {sla.ON_TIME: 10, sla.DUE_TODAY: 3, sla.OVERDUE: 1, sla.PAUSED: 4, sla.MET: 10, sla.BREACHED: 1}
        for request in self:
            request.color = colors.get(request.sla_state, 0)

    @api.model
    def _expand_steps(self, steps, domain, order):
        """Every step of the procedure being looked at, even empty ones."""
        code = self.env.context.get('default_procedure_code')
        if not code:
            return steps
        today = self._today()
        versions = self.env['thads.support.procedure'].search(
            [('code', '=', code), '|', ('date_end', '=', False), ('date_end', '>=', today)])
        return steps | versions.mapped('step_ids')

    # ------------------------------------------------------------ create
    @api.model
    def create(self, vals):
        request = super(ThadsSupportRequest, self).create(vals)
        request.procedure_id = self.env['thads.support.procedure'].version_for(
            request.procedure_code, request.date_received)
        request._enter_step(request.procedure_id.first_step(), start=request.date_received)
        request._send('mail_template_receipt')
        return request

    def _today(self):
        """Today as a string.  Only this module's code (the demo, the tests)
        may set another day, with on_day(): the context value must be a
        _Day, which a JSON or XML-RPC context can never hold, so no client
        dates a receipt, a pause or a result in the past."""
        day = self.env.context.get('thads_today')
        return day if isinstance(day, _Day) else fields.Date.context_today(self)

    @api.multi
    def write(self, vals):
        """Moving a card to another step in the kanban restarts the step clock."""
        if 'step_id' in vals and self.env.context.get('thads_step_internal') is not _INTERNAL:
            self._check_open()
            vals = dict(vals, step_start_date=self._today(), escalated=False)
            res = super(ThadsSupportRequest, self).write(vals)
            self.with_context(thads_step_internal=_INTERNAL)._sla_recompute()
            return res
        return super(ThadsSupportRequest, self).write(vals)

    def _calendar(self):
        return self.env['thads.calendar.day']._get_calendar()

    @staticmethod
    def _d(value):
        return fields.Date.from_string(value) if value else None

    # ------------------------------------------------------------ SLA
    def _sla_values(self, today):
        """The clock as stored fields, from the step, pause and dates."""
        calendar = self._calendar()
        received, step_start = self._d(self.date_received), self._d(self.step_start_date) or today
        total = sla.deadline(calendar, received, self.procedure_id.total_days)
        total = sla.shift(calendar, total, self.paused_days)
        step_deadline = sla.deadline(calendar, step_start, self.step_id.days) if self.step_id else None
        done = self._d(self.date_done)
        state = sla.state(today, step_deadline, total, paused=self.state == 'waiting', done_on=done)
        return {
            'total_deadline': fields.Date.to_string(total) if total else False,
            'step_deadline': fields.Date.to_string(step_deadline) if step_deadline and not done else False,
            'consumed_days': sla.consumed(calendar, received, done or today, self.paused_days + (
                sla.paused_working_days(calendar, self._d(self.pause_start_date), today)
                if self.state == 'waiting' else 0)),
            'sla_state': state,
        }

    def _sla_recompute(self, today=None):
        """Write the clock where it changed (idempotent)."""
        today = today or fields.Date.from_string(self._today())
        changed = self.browse()
        for request in self:
            values = request._sla_values(today)
            diff = {k: v for k, v in values.items() if request[k] != v}
            if diff:
                request.write(diff)
                changed |= request
        return changed

    @api.model
    def _cron_sla(self, today=None):
        """Scheduled: refresh the clocks, remind assignees of steps due today,
        escalate overdue requests to the office leader (each once)."""
        today = fields.Date.from_string(today) if isinstance(today, str) else (
            today or fields.Date.from_string(self._today()))
        requests = self.search([('state', 'not in', FINAL_STATES)])
        requests._sla_recompute(today)
        activity = self.env.ref('mail.mail_activity_data_todo')
        day = fields.Date.to_string(today)
        for request in requests.filtered(lambda r: r.sla_state == sla.DUE_TODAY and r.user_id
                                         and r.sla_notified_on != day):
            request.activity_schedule_thads(activity, request.user_id, day,
                                            _('Step "%s" is due today') % request.step_id.name)
            request.sla_notified_on = day
        for request in requests.filtered(lambda r: r.sla_state == sla.OVERDUE and not r.escalated):
            head = request.office_id.head_id
            if head:
                request.activity_schedule_thads(activity, head, day, _('Overdue: step "%s" (due %s)') % (
                    request.step_id.name, request.step_deadline or request.total_deadline))
            request.escalated = True
        return True

    def activity_schedule_thads(self, activity_type, user, day, summary):
        self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get(self._name).id, 'res_id': self.id,
            'activity_type_id': activity_type.id, 'user_id': user.id, 'date_deadline': day, 'summary': summary,
        })

    # ------------------------------------------------------------ steps
    def _default_assignee(self, step):
        if step.role == 'leader':
            return self.office_id.head_id
        if step.role == 'executor':
            return self.case_id.executor_id or self.user_id
        if step.role == 'support':
            return self.user_id if self.user_id.has_group('thads_accounts.group_thads_support') else self.env[
                'res.users']
        return self.env['res.users']  # the leader assigns a specialist

    def _enter_step(self, step, start=None):
        start = start or self._today()
        self.with_context(thads_step_internal=_INTERNAL).write({'step_id': step.id, 'step_start_date': start, 'escalated': False,
                    'user_id': self._default_assignee(step).id,
                    'state': 'received' if step == self.procedure_id.first_step() else 'in_progress'})
        self._sla_recompute()

    def _next_step(self):
        steps = self.procedure_id.step_ids.sorted('sequence')
        later = steps.filtered(lambda s: s.sequence > self.step_id.sequence)
        return later[:1]

    def _check_open(self):
        for request in self:
            if request.state in FINAL_STATES:
                raise UserError(_('Request %s is closed.') % request.name)
            if request.state == 'waiting':
                raise UserError(_('Request %s is waiting for the applicant: resume it first.') % request.name)

    @api.multi
    def action_next_step(self):
        self._check_open()
        for request in self:
            step = request._next_step()
            if not step:
                raise UserError(_('This is the last step: return the result.'))
            request._enter_step(step)
        return True

    @api.multi
    def action_assign_me(self):
        self.write({'user_id': self.env.uid})
        return True

    @api.multi
    def action_valid(self):
        """Case 1 of the check: complete and valid; the applicant gets an
        appointment to bring the originals."""
        self._check_open()
        for request in self:
            if not request.appointment_date:
                raise UserError(_('Set the appointment before accepting the request.'))
            request._send('mail_template_appointment')
            request.action_next_step()
        return True

    @api.multi
    def action_incomplete(self):
        """Case 2: incomplete; guidance to the applicant, the clock pauses."""
        self._check_open()
        for request in self:
            if not request.guidance_note:
                raise UserError(_('Write the guidance for the applicant first.'))
            request.write({'state': 'waiting', 'pause_start_date': self._today()})
            request._sla_recompute()
            request._send('mail_template_guidance')
        return True

    @api.multi
    def action_resume(self):
        """The applicant completed the file: the clock runs again, the step
        restarts and the total deadline moves by the paused working days."""
        for request in self.filtered(lambda r: r.state == 'waiting'):
            today = self._today()
            lost = sla.paused_working_days(self._calendar(), self._d(request.pause_start_date), self._d(today))
            request.write({'state': 'in_progress', 'paused_days': request.paused_days + lost,
                           'pause_start_date': False, 'step_start_date': today, 'escalated': False})
            request._sla_recompute()
        return True

    @api.multi
    def action_refuse(self):
        """Case 3: refused with its legal ground (e.g. Art. 31(5) of the Law)."""
        self._check_open()
        for request in self:
            if not request.refusal_ground:
                raise UserError(_('Give the legal ground of the refusal.'))
            request.write({'state': 'refused', 'date_done': self._today()})
            request._sla_recompute()
            request._send('mail_template_refusal')
        return True

    @api.multi
    def action_transfer(self):
        """Petition outside THADS jurisdiction: sent on to the competent
        authority, the petitioner is told where (in the result)."""
        self._check_open()
        for request in self:
            if request.procedure_code != 'petition':
                raise UserError(_('Only petitions are transferred to another authority.'))
            if not request.transfer_authority:
                raise UserError(_('Name the authority the petition is transferred to.'))
            request.write({'jurisdiction': 'other', 'result_note': request.result_note or _(
                'Your petition is outside the jurisdiction of civil judgment enforcement and was transferred '
                'to: %s.') % request.transfer_authority})
            request.message_post(body=_('Transferred to %s.') % request.transfer_authority)
        return True

    @api.multi
    def action_done(self):
        """Last step: the result goes to the applicant. An accepted request for
        enforcement opens a case (on request); a confirmation needs its case."""
        self._check_open()
        for request in self:
            if request._next_step():
                raise UserError(_('Finish the remaining steps first.'))
            if not request.result_note:
                raise UserError(_('Write the result for the applicant.'))
            if request.procedure_code == 'enforcement' and not request.case_id:
                request.case_id = request._create_case()
            if request.procedure_code == 'confirmation' and not request.case_id:
                raise UserError(_('Link the case whose results are confirmed.'))
            request.write({'state': 'done', 'date_done': self._today()})
            request._sla_recompute()
            request._send('mail_template_result')
        return True

    def _create_case(self):
        Partner = self.env['res.partner'].sudo()
        creditor = Partner.create({'name': self.applicant_name, 'thads_id_number': self.applicant_id_number,
                                   'email': self.applicant_email, 'phone': self.applicant_phone,
                                   'street': self.applicant_address})
        parties = [(0, 0, {'partner_id': creditor.id, 'role': 'creditor'})]
        if self.debtor_name:
            debtor = Partner.create({'name': self.debtor_name})
            parties.append((0, 0, {'partner_id': debtor.id, 'role': 'debtor'}))
        # The step "return the result" belongs to the online support officer
        # (QĐ 250), who may not create cases: the request must be one the user
        # may change (record rules of the office), then the case alone is
        # created as superuser, with exactly the request's data.
        self.check_access_rights('write')
        self.check_access_rule('write')
        # sudo: checked above; creates one case of the request's own office
        case = self.env['thads.case'].sudo().create({
            'office_id': self.office_id.id, 'kind': 'theo_yeu_cau', 'court': self.court,
            'judgment_number': self.judgment_number, 'date_received': self._today(),
            'party_ids': parties,
        })
        self.message_post(body=_('Case %s opened from this request.') % case.name)
        return case.sudo(self.env.user)

    # ------------------------------------------------------------ email
    def _send(self, template_xmlid):
        """Queue the applicant's email (Odoo's mail queue sends it)."""
        if self.env.context.get('thads_no_email'):
            return
        template = self.env.ref('thads_support.' + template_xmlid)
        for request in self.filtered('applicant_email'):
            template.sudo().send_mail(request.id, force_send=False)
            request.message_post(body=_('Email queued for the applicant: %s') % template.name)

    # ------------------------------------------------------------ public
    @api.model
    def public_lookup(self, code, id_number):
        """What the status page shows, or None; the same None for a wrong
        code and a wrong identity number, so it reveals nothing."""
        from odoo.addons.thads_case.lib import identity
        code = (code or '').strip().upper()
        id_number = identity.normalize(id_number)
        if not code or not id_number:
            return None
        request = self.sudo().search([('name', '=', code), ('applicant_id_number', '=', id_number)], limit=1)
        if not request:
            return None
        labels = dict(self._fields['state']._description_selection(self.env))
        return {
            'code': request.name, 'procedure': request.procedure_id.name, 'received': request.date_received,
            'office': request.office_id.name, 'step': request.step_id.name, 'state': labels[request.state],
            'deadline': request.total_deadline, 'guidance': request.guidance_note if request.state == 'waiting'
            else False, 'appointment': request.appointment_date, 'refusal': request.refusal_ground,
            'result': request.result_note if request.state == 'done' else False,
        }

    # ------------------------------------------------------------ demo
    @api.model
    def _demo_generate(self):
        """Demo requests in every step and SLA state, dated back from today
        (so the queues look alive on any day the demo is installed)."""
        ref = self.env.ref
        office = ref('thads_accounts.office_hn_kv1_demo')
        support = ref('thads_accounts.user_hn_support_demo')
        executor = ref('thads_accounts.user_hn_chv1_demo')
        calendar = self._calendar()
        today = fields.Date.from_string(fields.Date.context_today(self))

        def back(days):  # `days` working days before today
            day = today
            while days:
                day -= datetime.timedelta(days=1)
                if calendar.is_working_day(day):
                    days -= 1
            return fields.Date.to_string(day)

        people = [('Nguyễn Văn An', '001085001234'), ('Trần Thị Bình', '079190004321'),
                  ('Lê Hoàng Cường', '048088007777'), ('Phạm Thu Dung', '001192003333'),
                  ('Hoàng Minh Đức', '036087002222'), ('Vũ Thị Hoa', '031195006666'),
                  ('Đặng Quốc Huy', '001080009999'), ('Bùi Thanh Lan', '038186005555')]
        base = {'office_id': office.id, 'applicant_phone': '0912345678', 'applicant_address': 'Hà Nội',
                'court': 'TAND khu vực 1 - Hà Nội', 'judgment_number': '125/2026/DS-ST',
                'debtor_name': 'Công ty TNHH Minh Phát'}
        plans = [('enforcement', 0, 0, None), ('enforcement', 1, 0, None), ('enforcement', 6, 1, None),
                 ('petition', 2, 0, 'wait'), ('confirmation', 4, 4, 'done'), ('enforcement', 1, 1, 'refuse'),
                 ('enforcement', 4, 4, 'done'), ('petition', 3, 2, None)]
        Request = self.with_context(thads_no_email=True, mail_create_nosubscribe=True)
        for (code, age, moves, outcome), (name, id_number) in zip(plans, people):
            start = back(age)
            request = on_day(Request, start).create(dict(
                base, procedure_code=code, applicant_name=name, applicant_id_number=id_number,
                applicant_email='%s@example.com' % id_number, user_id=support.id, date_received=start,
                content='Đề nghị hỗ trợ (dữ liệu mẫu).', case_reference=code == 'confirmation' and '15/2025/THA'))
            request = on_day(request, start)
            for _move in range(moves):
                if request._next_step():
                    request.action_next_step()
            if request.step_id.role == 'specialist':
                request.user_id = executor
            if outcome == 'wait':
                request.guidance_note = 'Bổ sung bản sao bản án có chứng thực.'
                request.action_incomplete()
            elif outcome == 'refuse':
                request.refusal_ground = 'Khoản 5 Điều 31 Luật THADS: hết thời hiệu yêu cầu thi hành án.'
                request.action_refuse()
            elif outcome == 'done':
                if code == 'confirmation':
                    request.case_id = self.env['thads.case'].search([('office_id', '=', office.id)], limit=1)
                request.result_note = 'Đã giải quyết xong, mời Ông/Bà nhận kết quả tại trụ sở.'
                request.action_done()
        self._cron_sla()
        return True
