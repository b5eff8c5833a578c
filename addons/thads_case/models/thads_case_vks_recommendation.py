from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .thads_case import is_replay, replaying
from .thads_case_vks_rule import VKS_KINDS

STATES = [('received', 'Received'), ('in_progress', 'Being answered'), ('answered', 'Answered'),
          ('done', 'Dealt with')]
RESULTS = [('accepted', 'Accepted in full'), ('partial', 'Partly accepted'), ('rejected', 'Not accepted')]
DEADLINE_STATUS = [('none', 'No deadline'), ('ok', 'On time'), ('soon', 'Due soon'), ('overdue', 'Overdue')]
# written by the record's own methods (receipt, answer, cron), never by hand
WORKFLOW_FIELDS = frozenset(['state', 'rule_id', 'date_due', 'execute_rule_id', 'execute_due', 'answered_late',
                             'deadline_status', 'date_executed', 'case_event_id'])


class ThadsCaseVksRecommendation(models.Model):
    """A recommendation (kiến nghị) or a protest (kháng nghị) of the
    procuracy on the decisions or acts of an office, about a case or the
    office's work in general.

    Law 106/2025 art. 113(1): the head of the office answers within 15
    days of receipt and, when accepting, carries it out within 05 working
    days of the answer; art. 113(2): a protest the office disagrees with
    goes back to the procuracy, which answers within 10 days; art. 113(4):
    a recommendation not accepted is answered with the reasons.  The
    periods are data (thads.case.vks.rule), versioned by validity dates."""
    _name = 'thads.case.vks.recommendation'
    _description = 'Recommendation or protest of the procuracy'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'thads.office.mixin']
    _order = 'date_received desc, id desc'

    name = fields.Char(string='Procuracy document number', required=True, index=True,
                       track_visibility='onchange')
    kind = fields.Selection(VKS_KINDS, required=True, default='recommendation', track_visibility='onchange')
    procuracy = fields.Char(string='Procuracy', required=True,
                            help='The procuracy (Viện kiểm sát) that issued it, e.g. "VKSND khu vực 1 - Hà Nội".')
    document_date = fields.Date(string='Procuracy document date', required=True)
    date_received = fields.Date(string='Received on', required=True, default=fields.Date.context_today,
                                index=True, track_visibility='onchange')
    case_id = fields.Many2one('thads.case', string='Case', index=True, ondelete='restrict',
                              help='Empty when it concerns the work of the office in general.')
    user_id = fields.Many2one('res.users', string='Officer in charge', index=True, track_visibility='onchange',
                              default=lambda self: self.env.user)
    subject = fields.Char(string='Decision or act concerned')
    content = fields.Text(string='Content', required=True)
    state = fields.Selection(STATES, default='received', required=True, readonly=True, index=True,
                             track_visibility='onchange', group_expand='_group_expand_states')
    rule_id = fields.Many2one('thads.case.vks.rule', string='Time limit to answer', readonly=True)
    date_due = fields.Date(string='Answer due', readonly=True, index=True)
    reply_number = fields.Char(string='Answer number', track_visibility='onchange')
    reply_date = fields.Date(string='Answered on', track_visibility='onchange')
    reply_result = fields.Selection(RESULTS, string='Answer', track_visibility='onchange')
    reply_note = fields.Text(string='Reasons or measures taken')
    answered_late = fields.Boolean(string='Answered late', readonly=True, index=True)
    execute_rule_id = fields.Many2one('thads.case.vks.rule', string='Time limit to carry out', readonly=True)
    execute_due = fields.Date(string='To carry out by', readonly=True)
    date_executed = fields.Date(string='Carried out on', readonly=True, track_visibility='onchange')
    case_event_id = fields.Many2one('thads.case.event', string='Event of the case', readonly=True, copy=False,
                                    help="The answer as recorded in the case's history.")
    deadline_status = fields.Selection(DEADLINE_STATUS, default='none', readonly=True, index=True,
                                       help='Refreshed by the hourly cron of the deadlines.')
    color = fields.Integer()

    @api.model
    def _group_expand_states(self, states, domain, order):
        return [key for key, _label in STATES]

    # ------------------------------------------------------------ checks
    @api.constrains('document_date', 'date_received', 'reply_date', 'case_id', 'office_id')
    def _check_dates(self):
        for rec in self:
            if rec.document_date and rec.date_received and rec.document_date > rec.date_received:
                raise ValidationError(_('The procuracy document cannot be dated after the day it was received.'))
            if rec.reply_date and rec.date_received and rec.reply_date < rec.date_received:
                raise ValidationError(_('The answer cannot be dated before the day the recommendation or protest '
                                        'was received (%s).') % rec.date_received)
            if rec.case_id and rec.case_id.sudo().office_id != rec.office_id:  # sudo: compare ids only
                raise ValidationError(_('The case belongs to another office.'))

    # ------------------------------------------------------------ deadlines
    def _deadline_vals(self):
        """The answer's period from the receipt date (the version valid on
        that day)."""
        self.ensure_one()
        rule = self.env['thads.case.vks.rule']._rule_for('reply', self.kind, self.date_received)
        received = self.date_received
        return {'rule_id': rule.id or False, 'date_due': rule._due(received) if rule else False}

    @api.model
    def create(self, vals):
        if WORKFLOW_FIELDS & set(vals):
            raise UserError(_('The state and the deadlines of a recommendation or protest are set by its '
                              'workflow, not by hand.'))
        rec = super(ThadsCaseVksRecommendation, self).create(vals)
        rec._workflow_write(rec._deadline_vals())
        return rec

    @api.multi
    def write(self, vals):
        if WORKFLOW_FIELDS & set(vals) and not is_replay(self):
            raise UserError(_('The state and the deadlines of a recommendation or protest are set by its '
                              'workflow, not by hand.'))
        if {'reply_date', 'reply_result', 'reply_number'} & set(vals) and \
                self.filtered(lambda r: r.state in ('answered', 'done')):
            raise UserError(_('This recommendation or protest was already answered: the answer can no longer '
                              'be changed.'))
        receipt = {'kind', 'date_received'} & set(vals)
        if receipt and self.filtered(lambda r: r.state not in ('received', 'in_progress')):
            raise UserError(_('This recommendation or protest was already answered: its receipt can no '
                              'longer be changed.'))
        res = super(ThadsCaseVksRecommendation, self).write(vals)
        if receipt and not is_replay(self):
            for rec in self:
                rec._workflow_write(rec._deadline_vals())
        return res

    def _workflow_write(self, vals):
        """Write the workflow's fields.  Private: called by the record's own
        methods after their checks (the replay marker is an object no
        client can send)."""
        res = replaying(self).write(vals)
        self._refresh_status()
        return res

    @api.multi
    def _open_due(self):
        """The open deadline: the answer, then carrying out an accepted one."""
        self.ensure_one()
        if self.state in ('received', 'in_progress'):
            return self.date_due
        if self.state == 'answered' and self.execute_due and not self.date_executed:
            return self.execute_due
        return False

    @api.multi
    def _refresh_status(self):
        today = fields.Date.context_today(self)
        soon = self.env['thads.case']._soon_limit()
        for rec in self:
            due = rec._open_due()
            status = self.env['thads.case']._deadline_status_of(due, today, soon)
            if rec.deadline_status != status:
                # the stored status only (no tracking, no workflow check)
                self.env.cr.execute('UPDATE thads_case_vks_recommendation SET deadline_status = %s WHERE id = %s',
                                    (status, rec.id))
                rec.invalidate_cache(['deadline_status'], rec.ids)

    # ------------------------------------------------------------ actions
    @api.multi
    def action_start(self):
        for rec in self:
            if rec.state != 'received':
                raise UserError(_('Only a recommendation or protest just received can be taken in hand.'))
            rec._workflow_write({'state': 'in_progress'})
        return True

    @api.multi
    def action_answer(self):
        """Record the answer entered on the form (number, date, result)."""
        for rec in self:
            if rec.state not in ('received', 'in_progress'):
                raise UserError(_('This recommendation or protest was already answered.'))
            if not (rec.reply_number and rec.reply_date and rec.reply_result):
                raise UserError(_('Enter the number, the date and the result of the answer first.'))
            if rec.reply_date > fields.Date.context_today(rec):
                raise UserError(_('The answer cannot be dated in the future.'))
            if rec.reply_result == 'rejected' and not rec.reply_note:
                raise UserError(_('A recommendation or protest that is not accepted is answered with the reasons '
                                  '(Law 106/2025 art. 113(2) and (4)): enter them.'))
            vals = {'state': 'answered', 'answered_late': bool(rec.date_due and rec.reply_date > rec.date_due)}
            if rec.reply_result in ('accepted', 'partial'):
                rule = self.env['thads.case.vks.rule']._rule_for('execute', rec.kind, rec.reply_date)
                vals.update(execute_rule_id=rule.id or False,
                            execute_due=rule._due(rec.reply_date) if rule else False)
            else:
                vals['state'] = 'done'
            event = rec._record_answer_event()
            if event:
                vals['case_event_id'] = event.id
            rec._workflow_write(vals)
        return True

    def _record_answer_event(self):
        """The answer about a case is a fact of the case's history: an event
        of its journal ('vks_answer', which changes no state), recorded
        through the case's workflow (its checks and replay) as the answering
        user.  None for a recommendation about the office's work only."""
        self.ensure_one()
        if not self.case_id:
            return self.env['thads.case.event']
        kinds = dict(self._fields['kind']._description_selection(self.env))
        results = dict(self._fields['reply_result']._description_selection(self.env))
        return self.env['thads.case.event'].create({
            'case_id': self.case_id.id, 'event_type': 'vks_answer', 'date': self.reply_date,
            'document_number': self.reply_number,
            'note': _('Answer to %s %s of %s: %s') % (kinds[self.kind].lower(), self.name, self.procuracy,
                                                      results[self.reply_result])})

    @api.multi
    def action_executed(self):
        """The accepted recommendation or protest was carried out (today)."""
        for rec in self:
            if rec.state != 'answered' or rec.reply_result not in ('accepted', 'partial'):
                raise UserError(_('Only an accepted recommendation or protest is carried out.'))
            rec._workflow_write({'state': 'done', 'date_executed': fields.Date.context_today(rec)})
        return True

    # ------------------------------------------------------------ cron
    @api.model
    def cron_deadlines(self):
        """Refresh the deadline flags, remind the officer in charge before the
        deadline and the office leaders once it is passed.  Idempotent: one
        activity per record, deadline and kind."""
        records = self.search([('state', 'in', ('received', 'in_progress', 'answered'))])
        records._refresh_status()
        reminder = self.env.ref('thads_case.mail_activity_type_vks_deadline')
        escalation = self.env.ref('thads_case.mail_activity_type_vks_overdue')
        Activity = self.env['mail.activity'].sudo()  # sudo: the cron writes to-dos for other users
        model_id = self.env['ir.model']._get_id(self._name)
        existing = set()
        flagged = records.filtered(lambda r: r.deadline_status in ('soon', 'overdue'))
        if flagged:
            self.env.cr.execute("""
                SELECT res_id, activity_type_id, date_deadline FROM mail_activity
                 WHERE res_model = %s AND res_id IN %s AND activity_type_id IN %s
            """, (self._name, tuple(flagged.ids), (reminder.id, escalation.id)))
            existing = set((r, t, str(d)) for r, t, d in self.env.cr.fetchall())
        for rec in flagged:
            due = rec._open_due()
            if rec.deadline_status == 'soon' and rec.user_id and (rec.id, reminder.id, due) not in existing:
                Activity.create({
                    'res_model_id': model_id, 'res_id': rec.id, 'activity_type_id': reminder.id,
                    'user_id': rec.user_id.id, 'date_deadline': due,
                    'summary': rec.with_context(lang=rec.user_id.lang)._summary(),
                })
            if rec.deadline_status == 'overdue' and (rec.id, escalation.id, due) not in existing:
                leaders = rec.office_id.head_id or self.env['res.users'].sudo().search([
                    ('thads_office_id', '=', rec.office_id.id),
                    ('groups_id', 'in', self.env.ref('thads_accounts.group_thads_leader').id)])
                for leader in leaders:
                    Activity.create({
                        'res_model_id': model_id, 'res_id': rec.id, 'activity_type_id': escalation.id,
                        'user_id': leader.id, 'date_deadline': due,
                        'summary': rec.with_context(lang=leader.lang)._summary(overdue=True),
                    })
        return True

    def _summary(self, overdue=False):
        if self.state == 'answered':
            text = _('Carry out the accepted recommendation or protest %s') % self.name
        else:
            text = _('Answer the procuracy: %s') % self.name
        return (_('Overdue: %s') % text) if overdue else text
