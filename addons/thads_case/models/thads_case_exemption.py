from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import deadlines, documents, exemption, lifecycle
from .thads_case import MONEY, is_replay, replaying

# What the workflow writes (its buttons, on the replay path), never a client
WORKFLOW_FIELDS = frozenset([
    'name', 'state', 'office_id', 'executor_id', 'judgment_key', 'decision_date_first', 'amount_remaining',
    'amount_paid', 'date_open', 'date_verified', 'date_filed', 'date_sent_vks', 'date_vks', 'date_court',
    'date_accepted', 'date_received', 'date_withdrawn', 'file_number', 'vks_document', 'amount_applied'])
# step -> (state it needs, state it leads to, date field, document field or None)
STEP_FLOW = {
    'exemption_verify': ('open', 'verified', 'date_verified', None),
    'exemption_file': ('verified', 'filed', 'date_filed', 'file_number'),
    'exemption_send': ('filed', 'sent_vks', 'date_sent_vks', None),
    'exemption_vks': ('sent_vks', 'vks_answered', 'date_vks', 'vks_document'),
    'exemption_court': ('vks_answered', 'sent_court', 'date_court', None),
    'exemption_accept': ('sent_court', 'accepted', 'date_accepted', None),
}
STATES = [
    ('draft', 'Draft'), ('open', 'Review started'), ('verified', 'Conditions verified'), ('filed', 'File drawn up'),
    ('sent_vks', 'Sent to the procuracy'), ('vks_answered', 'Procuracy answered'),
    ('sent_court', 'Sent to the court'), ('accepted', 'Accepted by the court'), ('exempted', 'Exempted'),
    ('reduced', 'Reduced'), ('rejected', 'Rejected by the court'), ('withdrawn', 'Withdrawn'),
]
IN_PROGRESS = ('open', 'verified', 'filed', 'sent_vks', 'vks_answered', 'sent_court', 'accepted')
DECIDED = ('exempted', 'reduced', 'rejected')
# the ground of the termination when an exemption leaves nothing to enforce
TERMINATION_GROUND_OLD = 'điểm e khoản 1 Điều 50 Luật Thi hành án dân sự (có quyết định miễn nghĩa vụ thi hành án)'
TERMINATION_GROUND_NEW = 'khoản 5 Điều 48 Luật Thi hành án dân sự số 106/2025/QH15 (có quyết định miễn nghĩa vụ ' \
                         'thi hành án)'


class ThadsCaseExemption(models.Model):
    """A proposal to exempt or reduce an obligation owed to the state
    budget (Luật THADS 2014 art. 61-64, Law 106/2025 art. 42-44), from the
    office's review to the court's decision.

    Each step is an event of the case journal (lifecycle.TRANSITIONS
    'exemption_*'), whose deadline is a versioned rule (thads.deadline.rule);
    the court's decision becomes a 'reduce' money event and, when an
    exemption leaves nothing to enforce, a 'terminate' event: the case's
    state and money come from the replay, never from this record."""
    _name = 'thads.case.exemption'
    _description = 'Exemption or reduction proposal'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_open desc, id desc'

    name = fields.Char(string='Number', readonly=True, copy=False, default='/')
    case_id = fields.Many2one('thads.case', string='Case', required=True, index=True, ondelete='restrict',
                              readonly=True, states={'draft': [('readonly', False)]},
                              domain=[('obligation_ids.budget', '=', True)])
    obligation_id = fields.Many2one('thads.case.obligation', string='Obligation owed to the budget', required=True,
                                    ondelete='restrict', readonly=True, states={'draft': [('readonly', False)]})
    action = fields.Selection([('exempt', 'Exempt'), ('exempt_remainder', 'Exempt the remainder'),
                               ('reduce', 'Reduce')], string='Proposal', required=True, default='exempt',
                              readonly=True, states={'draft': [('readonly', False)]}, track_visibility='onchange')
    hardship_note = fields.Text(
        string='Hardship or great contribution', readonly=True, states={'draft': [('readonly', False)]},
        help='Law 106/2025 art. 42(3): the debtor paid part, then fell into lasting hardship (natural disaster, '
             'fire, accident, illness) or made a great contribution.')
    amount_proposed = fields.Float(digits=MONEY, string='Amount proposed', readonly=True,
                                   states={'draft': [('readonly', False)]})
    state = fields.Selection(STATES, default='draft', readonly=True, index=True, copy=False,
                             track_visibility='onchange')
    office_id = fields.Many2one('thads.office', string='Office', readonly=True, index=True, copy=False,
                                help='The office that proposed (statistics count it there).')
    executor_id = fields.Many2one('res.users', string='Enforcement officer', readonly=True, index=True, copy=False)
    judgment_key = fields.Char(readonly=True, index=True, copy=False,
                               help='The judgment the proposal is about: at most one review a year each.')
    decision_date_first = fields.Date(string='First enforcement decision', readonly=True, copy=False)
    amount_remaining = fields.Float(digits=MONEY, string='Remaining when proposed', readonly=True, copy=False)
    amount_paid = fields.Float(digits=MONEY, string='Paid when proposed', readonly=True, copy=False)
    # the date and document of the next step, given before pressing its button
    step_date = fields.Date(string='Date of the step', default=fields.Date.context_today, copy=False)
    step_document = fields.Char(string='Document of the step', copy=False)
    date_open = fields.Date(string='Review started', readonly=True, copy=False, index=True)
    date_verified = fields.Date(string='Verified', readonly=True, copy=False)
    date_filed = fields.Date(string='File drawn up', readonly=True, copy=False)
    file_number = fields.Char(string='Proposal document', readonly=True, copy=False)
    date_sent_vks = fields.Date(string='Sent to the procuracy', readonly=True, copy=False, index=True)
    date_vks = fields.Date(string='Procuracy answered', readonly=True, copy=False)
    vks_document = fields.Char(string="Procuracy's opinion", readonly=True, copy=False)
    date_court = fields.Date(string='Received by the court', readonly=True, copy=False)
    date_accepted = fields.Date(string='Accepted by the court', readonly=True, copy=False, index=True)
    # the court's decision: given on the form, applied by "Record the decision"
    result = fields.Selection([('exempt', 'Exempted'), ('reduce', 'Reduced'), ('rejected', 'Rejected')],
                              string="Court's decision", copy=False,
                              readonly=True, states={'accepted': [('readonly', False)]})
    decision_number = fields.Char(string="Court's decision number", copy=False,
                                  readonly=True, states={'accepted': [('readonly', False)]})
    date_decision = fields.Date(string="Date of the court's decision", copy=False, index=True,
                                readonly=True, states={'accepted': [('readonly', False)]})
    amount_decided = fields.Float(digits=MONEY, string='Amount decided', copy=False,
                                  readonly=True, states={'accepted': [('readonly', False)]})
    date_received = fields.Date(string='Decision received', readonly=True, copy=False)
    amount_applied = fields.Float(digits=MONEY, string='Amount exempted or reduced', readonly=True, copy=False)
    date_withdrawn = fields.Date(string='Withdrawn on', readonly=True, copy=False)
    note = fields.Text()
    deadline_date = fields.Date(string='Next deadline', compute='_compute_deadline')
    deadline_name = fields.Char(string='Next step due', compute='_compute_deadline')
    overdue = fields.Boolean(compute='_compute_deadline')

    # ------------------------------------------------------------ guards
    @api.model
    def create(self, vals):
        if not is_replay(self) and WORKFLOW_FIELDS & set(vals):
            raise UserError(self._workflow_message())
        # context defaults are client input too (a kanban column passes default_state): never for workflow fields
        context = {key: value for key, value in self.env.context.items()
                   if not (key.startswith('default_') and key[8:] in WORKFLOW_FIELDS)}
        record = super(ThadsCaseExemption, self.with_context(context)).create(vals)
        replaying(record).write({'name': _('MG-%s-%s') % (record.case_id.name, record.id)})
        return record

    @api.multi
    def write(self, vals):
        if not is_replay(self) and WORKFLOW_FIELDS & set(vals):
            raise UserError(self._workflow_message())
        return super(ThadsCaseExemption, self).write(vals)

    @api.multi
    def unlink(self):
        if any(rec.state != 'draft' for rec in self):
            raise UserError(_('A proposal already started cannot be deleted: withdraw it instead.'))
        return super(ThadsCaseExemption, self).unlink()

    @api.model
    def _workflow_message(self):
        return _('The state, dates and amounts of an exemption or reduction proposal are written by its steps '
                 'only (the buttons of the form); they cannot be changed directly.')

    @api.constrains('case_id', 'obligation_id')
    def _check_obligation(self):
        for rec in self:
            ob = rec.obligation_id
            if ob.case_id != rec.case_id or not ob.budget or ob.kind != 'money':
                raise ValidationError(_('Only a money obligation of this case owed to the state budget (fine, court '
                                        'fee, confiscation...) can be exempted or reduced.'))

    @api.onchange('case_id')
    def _onchange_case(self):
        budget = self.case_id.obligation_ids.filtered(lambda o: o.budget and o.kind == 'money')
        self.obligation_id = budget[:1]
        return {'domain': {'obligation_id': [('case_id', '=', self.case_id.id), ('budget', '=', True),
                                             ('kind', '=', 'money')]}}

    # --------------------------------------------------------- deadlines
    def _events(self):
        """The proposal's steps as pure deadline events, in order."""
        dated = [(self.date_open, 'exemption_open'), (self.date_verified, 'exemption_verify'),
                 (self.date_filed, 'exemption_file'), (self.date_sent_vks, 'exemption_send'),
                 (self.date_vks, 'exemption_vks'), (self.date_court, 'exemption_court'),
                 (self.date_accepted, 'exemption_accept'), (self.date_decision if self.state in DECIDED else False,
                                                            'exemption_decision'),
                 (self.date_received, 'exemption_received'), (self.date_withdrawn, 'exemption_withdraw')]
        return [deadlines.Event(fields.Date.from_string(day), event, None, None) for day, event in dated if day]

    @api.depends('state', 'date_open', 'date_verified', 'date_filed', 'date_sent_vks', 'date_vks', 'date_court',
                 'date_accepted', 'date_received', 'date_withdrawn')
    def _compute_deadline(self):
        rules = [rule for rule in self.env['thads.deadline.rule']._get_rules()
                 if rule.code.startswith('exemption_')]
        calendar = self.env['thads.calendar.day']._get_calendar()
        today = fields.Date.from_string(fields.Date.context_today(self))
        for rec in self:
            pending = [c for c in deadlines.clocks(rec._events(), rules, calendar) if c.met is None]
            if rec.state not in IN_PROGRESS or not pending:
                rec.deadline_date, rec.deadline_name, rec.overdue = False, False, False
                continue
            clock = min(pending, key=lambda c: (c.due, c.rule.code))
            rec.deadline_date = fields.Date.to_string(clock.due)
            rec.deadline_name = clock.rule.name
            rec.overdue = clock.due < today

    # ------------------------------------------------------------ steps
    def _record(self, event_type, date, **vals):
        """Record a step on the case journal, as the current user (the
        record rules of the events apply)."""
        values = {'case_id': self.case_id.id, 'event_type': event_type, 'date': date,
                  'note': _('Proposal %s') % self.name}
        values.update(vals)
        return self.env['thads.case.event'].create(values)

    def _step_date(self):
        if not self.step_date:
            raise UserError(_('Give the date of the step.'))
        return self.step_date

    def _thresholds(self, day):
        return self.env['thads.exemption.threshold'].get_thresholds(fields.Date.from_string(day))

    @api.model
    def _judgment_key(self, case):
        if case.judgment_number:
            return ' '.join(('%s|%s' % (case.court or '', case.judgment_number)).lower().split())
        return 'case:%d' % case.id

    def _check_once_a_year(self, key, day):
        """Law 106 art. 42(4), 2014 law art. 61(4): one review a year per judgment."""
        others = self.sudo().search([('judgment_key', '=', key), ('id', '!=', self.id)])  # sudo: the rule
        # counts the proposals of the judgment in every office; only their dates are read
        running = others.filtered(lambda o: o.state in IN_PROGRESS)
        if running:
            raise UserError(_('The judgment already has a proposal for exemption or reduction under way (%s): the '
                              'law allows one review a year per judgment.') % running[0].name)
        reviews = [fields.Date.from_string(o.date_decision) for o in others
                   if o.state in DECIDED and o.date_decision]
        allowed = exemption.next_review_allowed(reviews, fields.Date.from_string(day))
        if allowed:
            raise UserError(_('The judgment was already reviewed for exemption or reduction on %s: a debtor may be '
                              'reviewed only once a year per judgment (Luật THADS art. 61(4), Law 106/2025 art. '
                              '42(4)). A new proposal is possible from %s.') % (
                self.case_id._format_date(max(r for r in reviews if r <= fields.Date.from_string(day))),
                self.case_id._format_date(allowed)))

    def _check_eligible(self, day, remaining, paid, first_decision):
        """Eligibility from the thresholds valid on `day`."""
        thresholds = self._thresholds(day)
        day_d, first_d = fields.Date.from_string(day), fields.Date.from_string(first_decision)
        years = exemption.full_years(first_d, day_d)
        actions = exemption.eligible(thresholds, remaining, paid, years)
        labels = dict(self._fields['action']._description_selection(self.env))
        if self.action in actions:
            return thresholds, years
        if self.action == 'exempt_remainder' and not any(t.action == 'exempt_remainder' for t in thresholds):
            # Law 106 art. 42(3): no amount, no period; the office assesses the facts
            if paid <= 0 or not (self.hardship_note or '').strip():
                raise UserError(_('Exempting the remainder needs a debtor who already paid part of the obligation '
                                  'and the facts of the hardship or great contribution (Law 106/2025 art. 42(3)).'))
            return thresholds, years
        since = exemption.eligible_from(thresholds, self.action, remaining, paid, first_d)
        if since and since > day_d:
            raise UserError(_('Too early: the obligation is not yet eligible for "%s". With %s đồng remaining, it '
                              'becomes eligible on %s (counted from the first enforcement decision of %s).') % (
                labels[self.action], documents.number(remaining), self.case_id._format_date(since),
                self.case_id._format_date(first_d)))
        raise UserError(_('The obligation is not eligible for "%s": %s đồng remaining, %s full years since the first '
                          'enforcement decision; eligible now: %s.') % (
            labels[self.action], documents.number(remaining), years,
            ', '.join(labels[a] for a in actions) or _('nothing')))

    @api.multi
    def action_open(self):
        """Start the review: eligibility, once a year, amount; records the
        'exemption_open' event (starts the 10 days of verification)."""
        self.ensure_one()
        if self.state != 'draft':
            raise UserError(_('This proposal has already started.'))
        day = self._step_date()
        case, ob = self.case_id, self.obligation_id
        if case.state not in lifecycle.PENDING:
            raise UserError(_('Only a case still to enforce can be proposed for exemption or reduction.'))
        if not case.decision_date:
            raise UserError(_('The case has no enforcement decision: the periods count from the first one.'))
        remaining, paid = int(ob.amount_remaining), int(ob.amount_collected)
        if remaining <= 0:
            raise UserError(_('Nothing remains to enforce on this obligation.'))
        key = self._judgment_key(case)
        self._check_once_a_year(key, day)
        thresholds, years = self._check_eligible(day, remaining, paid, case.decision_date)
        amount = int(self.amount_proposed or 0)
        if self.action == 'reduce':
            most = exemption.max_reduction(remaining, years, thresholds)
            if not amount or (most is not None and amount > most):
                raise UserError(_('A reduction takes off at most %s đồng of the %s đồng remaining (a quarter up to '
                                  '100 million, a fifth above, at most 50 million).') % (
                    documents.number(most or 0), documents.number(remaining)))
        else:
            amount = remaining
        self._record('exemption_open', day)
        replaying(self).write({
            'state': 'open', 'date_open': day, 'judgment_key': key, 'office_id': case.office_id.id,
            'executor_id': case.executor_id.id, 'decision_date_first': case.decision_date,
            'amount_remaining': remaining, 'amount_paid': paid, 'amount_proposed': amount,
            'step_document': False})
        return True

    def _step(self, event_type):
        self.ensure_one()
        need, target, date_field, doc_field = STEP_FLOW[event_type]
        states = dict(self._fields['state']._description_selection(self.env))
        if self.state != need:
            raise UserError(_('This step follows the step "%s"; the proposal is at "%s".') % (
                states[need], states[self.state]))
        day = self._step_date()
        previous = max(d for d in (self.date_open, self.date_verified, self.date_filed, self.date_sent_vks,
                                   self.date_vks, self.date_court) if d)
        if day < previous:
            raise UserError(_('A step cannot be dated before the previous one (%s).') % (
                self.case_id._format_date(previous)))
        vals = {}
        if doc_field:
            if not self.step_document:
                raise UserError(_('Give the document of the step.'))
            vals[doc_field] = self.step_document
        self._record(event_type, day, **({'document_number': self.step_document} if doc_field else {}))
        vals.update({'state': target, date_field: day, 'step_document': False})
        replaying(self).write(vals)
        return True

    @api.multi
    def action_verify(self):
        return self._step('exemption_verify')

    @api.multi
    def action_file(self):
        return self._step('exemption_file')

    @api.multi
    def action_send_vks(self):
        return self._step('exemption_send')

    @api.multi
    def action_vks_answer(self):
        return self._step('exemption_vks')

    @api.multi
    def action_send_court(self):
        return self._step('exemption_court')

    @api.multi
    def action_court_accept(self):
        return self._step('exemption_accept')

    @api.multi
    def action_decision(self):
        """Record the court's decision (received on the step's date): an
        exemption ends the obligation ('reduce' of all that remains, then
        'terminate' when nothing is left on the case), a reduction lowers it
        ('reduce'), a rejection changes nothing."""
        self.ensure_one()
        if self.state != 'accepted':
            raise UserError(_('The decision follows the court\'s acceptance of the file.'))
        if not (self.result and self.decision_number and self.date_decision):
            raise UserError(_('Give the court\'s decision, its number and its date.'))
        received = self._step_date()
        if self.date_decision < self.date_accepted or received < self.date_decision:
            raise UserError(_('The court decides after accepting the file, and its decision is received after it '
                              'is made.'))
        ob = self.obligation_id
        remaining = int(ob.amount_remaining)
        if self.result == 'exempt':
            if self.action == 'reduce':
                raise UserError(_('The court cannot exempt what was proposed for a reduction.'))
            amount = remaining
        elif self.result == 'reduce':
            amount = int(self.amount_decided or 0)
            if amount <= 0 or amount > remaining:
                raise UserError(_('The amount reduced must be more than 0 and at most the %s đồng remaining.') %
                                documents.number(remaining))
        else:
            amount = 0
        doc = self.decision_number
        self._record('exemption_decision', self.date_decision, document_number=doc)
        self._record('exemption_received', received)
        if amount:
            self._record('reduce', received, document_number=doc, amount=amount, obligation_id=ob.id)
        case = self.case_id
        case.invalidate_cache()
        if self.result == 'exempt' and not case.amount_remaining \
                and all(o.kind == 'money' for o in case.obligation_ids) and case.state in lifecycle.PENDING:
            ground = TERMINATION_GROUND_NEW if received >= '2026-07-01' else TERMINATION_GROUND_OLD
            self._record('terminate', received, document_number=doc, ground=ground)
        replaying(self).write({
            'state': {'exempt': 'exempted', 'reduce': 'reduced', 'rejected': 'rejected'}[self.result],
            'date_received': received, 'amount_applied': amount, 'step_document': False})
        if self.result != 'reduce':
            replaying(self).write({'amount_decided': amount})
        return True

    @api.multi
    def action_withdraw(self):
        """The office withdraws its proposal before the court decides."""
        self.ensure_one()
        if self.state not in IN_PROGRESS:
            raise UserError(_('Only a proposal under way can be withdrawn.'))
        day = self._step_date()
        self._record('exemption_withdraw', day)
        replaying(self).write({'state': 'withdrawn', 'date_withdrawn': day})
        return True
