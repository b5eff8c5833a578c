from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .thads_complaint_limit import MEASURES
from .thads_denunciation_identity import identity_writer
from .thads_support_request import internal, is_internal

STATES = [
    ('received', 'Received'),
    ('accepted', 'Accepted'),
    ('refused', 'Refused'),
    ('decided', 'Decided'),
]
OUTCOMES = [
    ('upheld', 'Upheld (right)'),
    ('partly', 'Partly upheld'),
    ('rejected', 'Rejected (wrong)'),
]
# the fields of the complaint that classify it: fixed once it is accepted
DENOUNCER_FIELDS = ('denouncer_name', 'denouncer_id_number', 'denouncer_address', 'denouncer_phone',
                    'denouncer_email')
# written by the workflow alone
PROTECTED = frozenset(['complaint_state', 'limitation_deadline', 'late', 'acceptance_deadline', 'date_accepted',
                       'decision_deadline', 'date_decided', 'on_time', 'outcome', 'case_event_id', 'first_round_id',
                       'legal_basis'])
CLASSIFICATION = ('measure', 'round', 'date_known', 'date_filed', 'subject', 'subject_author')


class ThadsComplaint(models.Model):
    """A complaint (khiếu nại) or a denunciation (tố cáo) about civil
    judgment enforcement.

    It is a support request of the procedure "complaint" or "denunciation"
    (``_inherits``): the request carries the receipt code, the office, the
    step, the assignee and the SLA clock with its pause, activities,
    escalation cron and queues; this record adds what the law asks of a
    complaint (its classification, the limitation check, acceptance,
    verification, decision, second round, effect on the case).  A separate
    model rather than more fields on the request: the request's form,
    public pages and access stay those of the three online procedures, and
    the complaint's own rules (who classifies, who decides) sit here."""
    _name = 'thads.complaint'
    _description = 'Complaint or denunciation'
    _inherits = {'thads.support.request': 'request_id'}
    _inherit = ['mail.thread']
    _order = 'id desc'

    request_id = fields.Many2one('thads.support.request', string='Request', required=True, ondelete='cascade',
                                 auto_join=True, index=True)
    kind = fields.Selection([('complaint', 'Complaint'), ('denunciation', 'Denunciation')], required=True,
                            default='complaint')
    complaint_state = fields.Selection(STATES, string='Status', default='received', required=True, readonly=True,
                                       index=True, track_visibility='onchange')
    channel = fields.Selection([('desk', 'At the desk'), ('post', 'By post'), ('online', 'Online')],
                               required=True, default='desk')
    date_filed = fields.Date(string='Filed on', help='Postmark date of a letter; the receipt day otherwise.')
    # classification
    subject = fields.Selection([('decision', 'A decision'), ('act', 'An act')], string='Complained about',
                               default='decision')
    subject_author = fields.Selection([('executor', 'Enforcement officer'), ('head', 'Head of the office')],
                                      string='Of whom', default='executor')
    subject_user_id = fields.Many2one('res.users', string='Person concerned')
    subject_document = fields.Char(string='Decision or act complained about')
    measure = fields.Selection(MEASURES, string='Matter', default='general', required=True)
    round = fields.Selection([('1', 'First round'), ('2', 'Second round')], required=True, default='1')
    first_round_id = fields.Many2one('thads.complaint', string='First-round complaint', readonly=True,
                                     ondelete='restrict')
    date_known = fields.Date(string='Notified or known on',
                             help='Day the complainant was validly notified of the decision or learned of the act '
                                  '(second round: notified of the first-round decision).')
    complexity = fields.Selection([('complex', 'Complex'), ('very_complex', 'Very complex')],
                                  help='A complex complaint gets at most 30 more days; a denunciation 60 or 90 days '
                                       'in all.')
    # the clock of the law (stored when set; the request's clock follows)
    limitation_deadline = fields.Date(string='Time limit to complain', readonly=True)
    late = fields.Boolean(string='Filed after the time limit', readonly=True)
    acceptance_deadline = fields.Date(readonly=True)
    date_accepted = fields.Date(string='Accepted on', readonly=True, index=True)
    decision_deadline = fields.Date(string='Decision due', readonly=True)
    date_decided = fields.Date(string='Decided on', readonly=True, index=True)
    on_time = fields.Boolean(string='Decided on time', readonly=True)
    final_decision = fields.Boolean(string='Final first-round decision', compute='_compute_final_decision',
                                    help='The first-round decision on this matter takes effect at once: no second '
                                         'round (its time limit row says why).')
    legal_basis = fields.Char(string='Legal basis of the time limits', readonly=True)
    # handling
    verification_note = fields.Text(string='Verification')
    dialogue_date = fields.Date(string='Dialogue held on')
    dialogue_note = fields.Text(string='Dialogue')
    outcome = fields.Selection(OUTCOMES, readonly=True, index=True, track_visibility='onchange')
    proposed_outcome = fields.Selection(OUTCOMES, string='Outcome')
    decision_number = fields.Char(string='Decision or conclusion number')
    effect = fields.Selection([('none', 'No change to the case'), ('revoke', 'Revoke the enforcement decision')],
                              string='Effect on the case', default='none')
    case_event_id = fields.Many2one('thads.case.event', string='Event of the case', readonly=True)
    second_round_ids = fields.One2many('thads.complaint', 'first_round_id', string='Second round')
    identity_count = fields.Integer(compute='_compute_identity_count')
    # typed at the receipt of a denunciation, stored in the protected identity
    # record only (never on the denunciation)
    denouncer_name = fields.Char(compute='_compute_denouncer', inverse='_inverse_denouncer')
    denouncer_id_number = fields.Char(compute='_compute_denouncer', inverse='_inverse_denouncer')
    denouncer_address = fields.Char(compute='_compute_denouncer', inverse='_inverse_denouncer')
    denouncer_phone = fields.Char(compute='_compute_denouncer', inverse='_inverse_denouncer')
    denouncer_email = fields.Char(compute='_compute_denouncer', inverse='_inverse_denouncer')

    def _compute_denouncer(self):
        for complaint in self:
            for name in DENOUNCER_FIELDS:
                complaint[name] = False

    def _inverse_denouncer(self):
        """Taken by create (see _set_identity); never stored here."""

    def _compute_identity_count(self):
        # sudo: counts only (no identity field is read), so a reader sees that an identity is kept
        Identity = self.env['thads.denunciation.identity'].sudo()
        for complaint in self:
            complaint.identity_count = Identity.search_count([('complaint_id', '=', complaint.id)])

    # ------------------------------------------------------------ helpers
    def _compute_final_decision(self):
        for complaint in self:
            final = False
            if complaint.kind == 'complaint' and complaint.round == '1' and complaint.request_id:
                try:
                    final = complaint._first_decision_limit().final
                except UserError:
                    final = False  # a version without a decision limit: action_accept says so
            complaint.final_decision = final

    def _first_decision_limit(self):
        """The decision limit of this complaint's first round (its `final`
        flag says whether a second round exists)."""
        return self._rule('decision', measure=self.measure, round_='1', complexity=self.complexity)

    def _today(self):
        return self.request_id._today() if self.request_id else self.env['thads.support.request']._today()

    @staticmethod
    def _d(value):
        return fields.Date.from_string(value) if value else None

    def _version(self):
        return self.request_id.procedure_id

    def _rule(self, kind, **keys):
        """The time limit of `kind` of this complaint: in its procedure
        version, the row valid on its receipt day."""
        return self._version()._limit(kind, day=self.date_received, **keys)

    def _end(self, kind, start, **keys):
        """(last day, limit) of `kind` counted from `start` (a string)."""
        limit = self._rule(kind, **keys)
        end = self.env['thads.support.procedure']._limit_end(limit, self._d(start))
        return fields.Date.to_string(end), limit

    # ------------------------------------------------------------ receipt
    @api.model
    def create(self, vals):
        kind = vals.get('kind', 'complaint')
        identity = {name[10:]: vals.pop(name) for name in DENOUNCER_FIELDS if vals.get(name)}
        for name in DENOUNCER_FIELDS:
            vals.pop(name, None)
        vals = dict(vals, procedure_code=kind)
        if kind == 'denunciation':
            if not identity.get('name'):
                raise UserError(_('Give the name of the denouncer (kept protected).'))
            # the request's applicant fields are read by the whole office: never the denouncer's
            vals.update(applicant_name=_('Protected denouncer'), applicant_id_number=False,
                        applicant_email=False, applicant_phone=False, applicant_address=False)
        # the client's values: no clock field of the request, no field of the workflow (also as a default)
        self.env['thads.support.request']._check_clock_fields(vals)
        defaults = {key[8:] for key in self.env.context if key.startswith('default_')}
        if (PROTECTED & (set(vals) | defaults)) and not is_internal(self):
            raise UserError(_('The status, dates and time limits of a complaint follow its buttons and cannot be '
                              'changed by hand.'))
        # the request underneath is created on the module's own path: Odoo
        # passes it the defaults of its clock (receipt day, state), checked above
        complaint = super(ThadsComplaint, internal(self).with_context(mail_create_nosubscribe=True)).create(vals)
        complaint = complaint.with_env(self.env)
        if kind == 'denunciation':
            complaint._set_identity(identity)
        complaint._on_receipt()
        return complaint

    def _set_identity(self, values):
        """Private: the identity record of a new denunciation, created by
        the receipt (the receiving user may not read it afterwards)."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        # sudo: checked above; the one identity of this new denunciation, written once, never read here
        identity_writer(self.env['thads.denunciation.identity'].sudo()).create(dict(values, complaint_id=self.id))

    def _on_receipt(self):
        """The limitation check (complaints) and the acceptance limit."""
        received = self.date_received
        if not self.date_filed:
            self._write_system({'date_filed': received})
        values = {}
        if self.kind == 'complaint' and self.date_known:
            end, limit = self._end('limitation', self.date_known, measure=self.measure, round_=self.round)
            values.update(limitation_deadline=end, late=self.date_filed > end)
        limit = self._rule('acceptance', round_=self.round)
        end = self.request_id._set_legal_limit(received, limit)
        values.update(acceptance_deadline=end, legal_basis=limit.legal_basis)
        self._write_system(values)
        self._mail('mail_template_complaint_receipt')

    @api.model
    def _sync_deadlines(self, request_ids):
        """Private: the complaints' copies of the legal deadline (the
        acceptance limit while received, the decision limit once accepted)
        follow their request's, in one UPDATE (after a calendar change or a
        pause)."""
        if not request_ids:
            return
        self.env.cr.execute("""
            UPDATE thads_complaint c
               SET acceptance_deadline = CASE WHEN c.complaint_state = 'received' THEN r.legal_deadline
                                              ELSE c.acceptance_deadline END,
                   decision_deadline = CASE WHEN c.complaint_state = 'accepted' THEN r.legal_deadline
                                            ELSE c.decision_deadline END
              FROM thads_support_request r
             WHERE r.id = c.request_id AND r.id = ANY(%s) AND r.legal_deadline IS NOT NULL
               AND ((c.complaint_state = 'received' AND c.acceptance_deadline IS DISTINCT FROM r.legal_deadline)
                 OR (c.complaint_state = 'accepted' AND c.decision_deadline IS DISTINCT FROM r.legal_deadline))
        """, (list(request_ids),))
        self.invalidate_cache(['acceptance_deadline', 'decision_deadline'])

    @api.model
    def _sync_limitations(self, request_ids):
        """Private: the time limit to complain, and the late flag that the
        acceptance reads, of the complaints still waiting for acceptance
        follow a later change of the working calendar (a day off declared
        inside an 03-working-day limit moves it).  Once accepted or refused,
        the check is done and stays as it was.  Each from its own limit row
        (a few complaints per office: acceptance is due within days)."""
        if not request_ids:
            return
        # sudo: called by the calendar hook for every office; writes only
        # what _on_receipt wrote, from the same rows and the new calendar
        complaints = self.sudo().search([
            ('request_id', 'in', list(request_ids)), ('complaint_state', '=', 'received'),
            ('kind', '=', 'complaint'), ('date_known', '!=', False)])
        for complaint in complaints:
            end, _limit = complaint._end('limitation', complaint.date_known, measure=complaint.measure,
                                         round_=complaint.round)
            late = complaint.date_filed > end
            if (end, late) != (complaint.limitation_deadline, complaint.late):
                internal(complaint).write({'limitation_deadline': end, 'late': late})

    def _write_system(self, values):
        """Private: the workflow's own fields (dates, deadlines, outcome) on a
        complaint the user may change (checked here, then written)."""
        self.check_access_rights('write')
        self.check_access_rule('write')
        # sudo: checked above; the fields are readonly for users, set by the workflow alone
        internal(self.sudo()).write(values)

    @api.multi
    def write(self, vals):
        protected = (PROTECTED | {'kind'}) & set(vals)
        if protected and not is_internal(self):
            raise UserError(_('The status, dates and time limits of a complaint follow its buttons and cannot be '
                              'changed by hand.'))
        for name in DENOUNCER_FIELDS:
            vals.pop(name, None)
        if set(CLASSIFICATION) & set(vals) and self.filtered(lambda c: c.complaint_state != 'received'):
            raise UserError(_('The classification of an accepted or refused complaint cannot be changed.'))
        return super(ThadsComplaint, self).write(vals)

    def _check_leader(self):
        """Accepting, refusing and deciding are acts of the head of the
        office competent to settle: leaders only (clerks prepare them)."""
        if not (self.env.user._is_superuser() or self.env.user.has_group('thads_accounts.group_thads_leader')):
            raise AccessError(_('Only a leader of the office accepts, refuses or decides a complaint or a '
                                'denunciation.'))

    def _check_state(self, *states):
        for complaint in self:
            if complaint.complaint_state not in states:
                raise UserError(_('%s: this step is not possible in its current status.') % complaint.name)

    # ------------------------------------------------------------ acceptance
    @api.multi
    def action_accept(self):
        """Accept (thụ lý): the decision or conclusion limit starts."""
        self._check_leader()
        self._check_state('received')
        for complaint in self:
            if complaint.kind == 'complaint':
                if not complaint.date_known:
                    raise UserError(_('Give the day the complainant was notified of the decision or learned of '
                                      'the act: the time limit to complain counts from it.'))
                if complaint.late:
                    raise UserError(_('The complaint was filed after the time limit (%s): refuse it with its '
                                      'ground.') % complaint._fmt(complaint.limitation_deadline))
                if complaint.round == '2' and not complaint.first_round_id:
                    raise UserError(_('A second-round complaint follows a first-round decision.'))
            today = complaint._today()
            keys = {'complexity': complaint.complexity}
            if complaint.kind == 'complaint':
                keys.update(measure=complaint.measure, round_=complaint.round)
            limit = complaint._rule('decision', **keys)
            basis = [complaint.legal_basis, limit.legal_basis]
            extension = None
            if complaint.kind == 'complaint' and complaint.complexity:
                extension = complaint._rule('extension')
                basis.append(extension.legal_basis)
            if limit.pause_basis:
                basis.append(limit.pause_basis)
            request = complaint.request_id
            # the decision limit counts from the acceptance, on the calendar (and
            # the pauses the law allows): recomputed when either changes
            end = request._set_legal_limit(today, limit, extension)
            complaint._write_system({'complaint_state': 'accepted', 'date_accepted': today, 'decision_deadline': end,
                                     'legal_basis': '; '.join(b for b in basis if b)})
            if request._next_step():
                request.action_next_step()
            complaint.message_post(body=_('Accepted; to be settled by %s.') % complaint._fmt(end))
            complaint._mail('mail_template_complaint_acceptance')
        return True

    @api.multi
    def action_refuse_late(self):
        """Refuse a complaint filed after its time limit, with that ground."""
        for complaint in self:
            if not complaint.late:
                raise UserError(_('The complaint was filed within the time limit.'))
            complaint.refusal_ground = _('Filed on %s, after the time limit to complain that ended on %s (%s).') % (
                complaint._fmt(complaint.date_filed), complaint._fmt(complaint.limitation_deadline),
                complaint._rule('limitation', measure=complaint.measure,
                                round_=complaint.round).legal_basis)
        return self.action_refuse()

    @api.multi
    def action_refuse(self):
        """Not accepted, with its legal ground."""
        self._check_leader()
        self._check_state('received')
        for complaint in self:
            if not complaint.refusal_ground:
                raise UserError(_('Give the legal ground of the refusal.'))
            internal(complaint.request_id).action_refuse()
            complaint._write_system({'complaint_state': 'refused'})
            complaint._mail('mail_template_complaint_refusal')
        return True

    # ------------------------------------------------------------ decision
    @api.multi
    def action_decide(self):
        """The decision on the complaint (or the conclusion on the
        denunciation); an upheld complaint revoking an act changes the case
        through an event of its workflow."""
        self._check_leader()
        self._check_state('accepted')
        for complaint in self:
            if not complaint.proposed_outcome:
                raise UserError(_('Choose the outcome.'))
            if not complaint.decision_number:
                raise UserError(_('Give the number of the decision or conclusion.'))
            if not complaint.result_note:
                complaint.result_note = complaint._result_text()
            today = complaint._today()
            event = complaint._apply_to_case(today)
            complaint._write_system({
                'complaint_state': 'decided', 'outcome': complaint.proposed_outcome, 'date_decided': today,
                'on_time': today <= complaint.decision_deadline, 'case_event_id': event.id})
            request = complaint.request_id
            while request._next_step():
                request.action_next_step()
            internal(request).action_done()
            complaint._mail('mail_template_complaint_decision')
        return True

    def _result_text(self):
        labels = dict(self._fields['proposed_outcome']._description_selection(self.env))
        return _('Decision %s: %s.') % (self.decision_number, labels[self.proposed_outcome])

    def _apply_to_case(self, day):
        """Revoking the act is an event of the case, recorded through the
        case's workflow (its checks, its replay), as the deciding user."""
        if self.kind != 'complaint' or self.effect != 'revoke' or self.proposed_outcome == 'rejected':
            return self.env['thads.case.event']
        if not self.case_id:
            raise UserError(_('Link the case the decision applies to.'))
        return self.env['thads.case.event'].create({
            'case_id': self.case_id.id, 'event_type': 'revoke', 'date': day,
            'document_number': self.decision_number,
            'ground': _('Complaint %s upheld') % self.name,
            'note': self.result_note})

    @api.multi
    def action_second_round(self):
        """A second-round complaint against the first-round decision."""
        self.ensure_one()
        self._check_state('decided')
        if self.kind != 'complaint' or self.round != '1':
            raise UserError(_('Only a first-round complaint has a second round.'))
        decision = self._first_decision_limit()
        if decision.final:
            raise UserError(_('The first-round decision on this matter takes effect at once and has no second '
                              'round (%s).') % decision.legal_basis)
        second = self.create({
            'kind': 'complaint', 'round': '2', 'channel': 'desk', 'measure': self.measure,
            'subject': 'decision', 'subject_author': 'head', 'subject_document': self.decision_number,
            'date_known': self.date_decided, 'office_id': self.office_id.parent_id.id or self.office_id.id,
            'applicant_name': self.applicant_name, 'applicant_id_number': self.applicant_id_number,
            'applicant_email': self.applicant_email, 'applicant_phone': self.applicant_phone,
            'applicant_address': self.applicant_address, 'case_id': self.case_id.id,
            'content': _('Second-round complaint against decision %s.') % self.decision_number})
        second._write_system({'first_round_id': self.id})
        return second._open()

    def _open(self):
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id, 'view_mode': 'form',
                'target': 'current'}

    @api.multi
    def action_open_request(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_window', 'res_model': 'thads.support.request', 'view_mode': 'form',
                'res_id': self.request_id.id, 'target': 'current'}

    # ------------------------------------------------------------ identity
    @api.multi
    def action_show_identity(self):
        """The denouncer's identity, for the handling officer and leaders
        only (record rules of thads.denunciation.identity); each read is
        written to the audit log."""
        self.ensure_one()
        identity = self.env['thads.denunciation.identity'].search([('complaint_id', '=', self.id)], limit=1)
        if not identity:
            raise AccessError(_('The identity of the denouncer is visible to the officer handling the '
                                'denunciation and to the leaders of the office only.'))
        return {'type': 'ir.actions.act_window', 'res_model': identity._name, 'res_id': identity.id,
                'view_mode': 'form', 'target': 'new'}

    # ------------------------------------------------------------ mail
    @staticmethod
    def _fmt(day):
        return fields.Date.from_string(day).strftime('%d/%m/%Y') if day else ''

    def _mail(self, template_xmlid):
        """The complainant's letter (queued); a denouncer gets none here:
        their address is kept in the protected identity record."""
        if self.env.context.get('thads_no_email'):
            return
        template = self.env.ref('thads_support.' + template_xmlid)
        for complaint in self.filtered(lambda c: c.kind == 'complaint' and c.applicant_email):
            template.sudo().send_mail(complaint.id, force_send=False)  # sudo: the office's letter, queued
            complaint.message_post(body=_('Email queued for the complainant: %s') % template.name)
