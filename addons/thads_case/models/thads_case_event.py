import zlib

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import documents, lifecycle
from .thads_case import MONEY, is_replay, replaying

EVENT_TYPES = [
    ('receive', 'Judgment or request received'),
    ('refuse', 'Request refused'),
    ('decide', 'Enforcement decision (QĐ THA)'),
    ('assign', 'Enforcement officer assigned'),
    ('open_file', 'Case file opened'),
    ('notify', 'Decision notified'),
    ('verify', 'Conditions verified'),
    ('enforce', 'Enforcement measure'),
    ('collect', 'Money collected'),
    ('pay_out', 'Money paid out'),
    ('reduce', 'Exemption or reduction'),
    ('no_condition', 'Decision: without conditions'),
    ('publish', 'Debtor published'),
    ('unpublish', 'Publication withdrawn'),
    ('reverify', 'Conditions re-verified'),
    ('new_info', 'New information on conditions'),
    ('separate_register', 'Moved to the separate register'),
    ('postpone', 'Enforcement postponed'),
    ('suspend', 'Enforcement suspended'),
    ('ground_ended', 'Ground of postponement/suspension ended'),
    ('resume', 'Enforcement resumed'),
    ('termination_ground', 'Ground for termination found'),
    ('terminate', 'Enforcement terminated'),
    ('complete', 'Enforcement completed'),
    ('delegate', 'Delegated to another office'),
    ('revoke', 'Decision revoked or annulled'),
    ('confirm_request', 'Confirmation of results requested'),
    ('confirm_issue', 'Confirmation of results issued'),
    ('close', 'Case closed'),
    ('archive', 'Case file archived'),
    ('handover', 'Handed over to another officer'),
    ('change_request', 'Change of enforcement officer requested'),
    ('change_answer', 'Answer to the request to change the officer'),
    ('verify_delegate', 'Verification delegated to another office'),
    ('verify_reply', 'Reply to a delegated verification'),
    ('publication_change', 'Published data changed'),
    ('return_request', 'Request returned (2 years without conditions)'),
    ('exemption_open', 'Exemption or reduction: review started'),
    ('exemption_verify', 'Exemption or reduction: conditions verified'),
    ('exemption_file', 'Exemption or reduction: file drawn up'),
    ('exemption_send', 'Exemption or reduction: file sent to the procuracy'),
    ('exemption_vks', 'Exemption or reduction: opinion of the procuracy'),
    ('exemption_court', 'Exemption or reduction: file received by the court'),
    ('exemption_accept', 'Exemption or reduction: file accepted by the court'),
    ('exemption_decision', 'Exemption or reduction: decision of the court'),
    ('exemption_received', "Exemption or reduction: court's decision received"),
    ('exemption_withdraw', 'Exemption or reduction: proposal withdrawn'),
    ('coercion_decide', 'Coercion decision'),
    ('coercion_plan', 'Coercion plan'),
    ('coercion_carry', 'Coercion carried out'),
    ('coercion_postpone', 'Coercion postponed'),
    ('coercion_cost', 'Coercion costs'),
    ('vks_answer', "Answer to the procuracy's recommendation or protest"),
]
VERIFY_RESULTS = [('has', 'Has conditions'), ('none', 'Without conditions')]


class ThadsCaseEvent(models.Model):
    """A dated fact of a case, the single source of truth: status, money and
    statistics all derive from events.  Events are not edited: a mistake is
    corrected by a new event.  The office and executor at the time are
    stored so that statistics per office and officer stay reproducible."""
    _name = 'thads.case.event'
    _inherit = ['thads.document.mixin']
    _description = 'Case event'
    _order = 'date desc, sequence desc, id desc'

    # indexed by thads_case_event_case_order_idx (case_id, date, sequence), see init
    case_id = fields.Many2one('thads.case', required=True, ondelete='cascade', readonly=True)
    date = fields.Date(string='Effective date', required=True, index=True, readonly=True)
    sequence = fields.Integer(readonly=True, copy=False, help='Order of events on the same day.')
    event_type = fields.Selection(EVENT_TYPES, required=True, index=True, readonly=True)
    document_number = fields.Char(string='Document', readonly=True)
    ground = fields.Char(readonly=True, help='Legal ground (article, point) of the act.')
    result = fields.Selection(VERIFY_RESULTS, readonly=True)
    amount = fields.Float(digits=MONEY, readonly=True)
    obligation_id = fields.Many2one('thads.case.obligation', readonly=True, ondelete='restrict')
    target_office_id = fields.Many2one('thads.office', string='To office', readonly=True)
    executor_id = fields.Many2one('res.users', string='Enforcement officer', readonly=True, index=True,
                                  help='The officer in charge at that time.')
    previous_executor_id = fields.Many2one('res.users', string='Previous officer', readonly=True, copy=False)
    # indexed by thads_case_event_office_date_idx (office_id, date, event_type), see init
    office_id = fields.Many2one('thads.office', string='Office', readonly=True, copy=False,
                                help='The office in charge at that time.')
    state_after = fields.Selection(lambda self: self.env['thads.case']._fields['state'].selection,
                                   readonly=True, copy=False)
    note = fields.Text()
    # set by create (SYSTEM_FIELDS): a copy is a new recording, by its own author
    user_id = fields.Many2one('res.users', string='Recorded by', readonly=True, copy=False,
                              default=lambda self: self.env.user)

    @api.model_cr
    def init(self):
        """Statistics read events by office and date, per case in order."""
        for name, columns in (('thads_case_event_office_date_idx', 'office_id, date, event_type'),
                              ('thads_case_event_case_order_idx', 'case_id, date, sequence')):
            self.env.cr.execute('CREATE INDEX IF NOT EXISTS %s ON thads_case_event (%s)' % (name, columns))
        self._init_final_index()

    def _init_final_index(self):
        """Events that leave the case in a final state, by date and office:
        the monthly lists for the procuracy (thads.case.vks.list) find the
        cases ended in a month off this partial index.  Its predicate is
        lifecycle.FINAL; the name carries a digest of it, so a change of the
        final states replaces the index."""
        final = tuple(lifecycle.FINAL)
        name = 'thads_case_event_final_%08x_idx' % (zlib.crc32(','.join(final).encode()) & 0xffffffff)
        self.env.cr.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'thads_case_event' "
                            "AND indexname LIKE 'thads_case_event_final_%%_idx'")
        existing = [row[0] for row in self.env.cr.fetchall()]
        for stale in existing:
            if stale != name:
                self.env.cr.execute('DROP INDEX IF EXISTS %s' % stale)
        if name not in existing:
            self.env.cr.execute(self.env.cr.mogrify(
                'CREATE INDEX %s ON thads_case_event (date, office_id) WHERE state_after IN %%s' % name,
                (final,)).decode())

    @api.model
    def _error_message(self, error):
        """Translated text of a lifecycle.TransitionError."""
        states = dict(self.env['thads.case']._fields['state']._description_selection(self.env))
        events = dict(self._fields['event_type']._description_selection(self.env))
        params = dict(error.params)
        if error.code == 'not_allowed':
            return _('"%s" is not possible for a case in state "%s".') % (
                events.get(params['event_type'], params['event_type']),
                states.get(params['state'], _('not received')))
        if error.code == 'over_remaining':
            return _('The amount %s exceeds the %s đồng still to enforce.') % (
                documents.number(params['amount']), documents.number(params['remaining']))
        if error.code == 'over_held':
            return _('The amount %s exceeds the %s đồng collected and not yet paid out.') % (
                documents.number(params['amount']), documents.number(params['held']))
        if error.code == 'negative':
            return _('An amount cannot be negative.')
        if error.code == 'not_whole':
            return _('Amounts are whole đồng.')
        return _('Unknown event type %s.') % params.get('event_type')

    # what the code sets when an event is recorded, never the client
    SYSTEM_FIELDS = ('user_id', 'office_id', 'state_after', 'sequence', 'previous_executor_id')

    @api.model
    def create(self, vals):
        if not is_replay(self):
            defaults = {key[8:] for key in self.env.context if key.startswith('default_')}
            if (set(vals) | defaults) & set(self.SYSTEM_FIELDS):
                raise UserError(_('Who recorded an event, its office, order and resulting state are set '
                                  'by the system and cannot be given.'))
            vals = dict(vals, user_id=self.env.uid)
        case = self.env['thads.case'].browse(vals['case_id'])
        event_type = vals['event_type']
        needs = lifecycle.TRANSITIONS[event_type].needs if event_type in lifecycle.TRANSITIONS else ()
        missing = []
        if 'document' in needs and not vals.get('document_number'):
            missing.append(_('the document number'))
        if 'ground' in needs and not vals.get('ground'):
            missing.append(_('the legal ground'))
        if 'result' in needs and not vals.get('result'):
            missing.append(_('the verification result'))
        if 'office' in needs and not vals.get('target_office_id'):
            missing.append(_('the receiving office'))
        if 'executor' in needs and not (vals.get('executor_id') or case.executor_id):
            missing.append(_('the enforcement officer'))
        if 'amount' in needs and event_type not in lifecycle.OPTIONAL_AMOUNT and not vals.get('amount'):
            missing.append(_('the amount'))
        if event_type == 'delegate' and not vals.get('amount'):
            # everything still to enforce goes, recorded as the event's amount
            vals['amount'] = case.amount_remaining
            vals['obligation_id'] = False
        elif vals.get('amount') and not vals.get('obligation_id'):
            money_obligations = case.obligation_ids.filtered(lambda o: o.kind == 'money')
            if len(money_obligations) == 1:
                vals['obligation_id'] = money_obligations.id
            else:
                missing.append(_('the obligation'))
        if missing:
            raise UserError(_('To record this event, give %s.') % ', '.join(missing))
        if vals.get('ground'):
            # grounds are a controlled list: stored as their code
            vals['ground'] = self.env['thads.case.ground']._normalize(event_type, vals['ground'], vals['date'])
        if event_type in ('assign', 'handover', 'decide') and vals.get('executor_id'):
            vals['previous_executor_id'] = case.executor_id.id
        else:
            vals['executor_id'] = case.executor_id.id
        vals['office_id'] = case.office_id.id
        if not vals.get('sequence'):
            self.env.cr.execute('SELECT COALESCE(MAX(sequence), 0) + 1 FROM thads_case_event WHERE case_id = %s',
                                (case.id,))
            vals['sequence'] = self.env.cr.fetchone()[0]
        event = super(ThadsCaseEvent, self).create(vals)
        event._apply()
        return event

    def _apply(self):
        """Check the whole history with this event in place, then derive the case."""
        case = self.case_id
        try:
            case._recompute_from_events()
        except lifecycle.TransitionError as error:
            raise UserError(self._error_message(error))
        if self.event_type in ('assign', 'handover', 'decide') and self.executor_id \
                and self.executor_id != case.executor_id:
            replaying(case).write({'executor_id': self.executor_id.id})
        if self.event_type == 'decide':
            replaying(case).write({'decision_number': self.document_number, 'decision_date': self.date})
        if self.event_type == 'delegate':
            replaying(self.env['thads.case.delegation'].sudo()).create({
                'case_id': case.id, 'origin_office_id': case.office_id.id,
                'office_id': self.target_office_id.id, 'date': self.date,
                'document_number': self.document_number, 'amount': case.amount_delegated,
                'state': 'pending' if self.target_office_id.is_system else 'external',
            })

    # Events are facts, appended to the journal: only their note is edited.
    # The replay alone rewrites the state after each event.
    WRITABLE = ('note',)
    REPLAY_WRITABLE = ('note', 'state_after')

    @api.multi
    def write(self, vals):
        if set(vals) - set(self.REPLAY_WRITABLE if is_replay(self) else self.WRITABLE):
            raise UserError(_('A recorded event cannot be changed: record a correcting event instead.'))
        return super(ThadsCaseEvent, self).write(vals)

    @api.multi
    def unlink(self):
        # only thads.case.unlink deletes events, with their case (replay path)
        if not is_replay(self):
            raise UserError(_('A recorded event cannot be deleted: record a correcting event instead.'))
        return super(ThadsCaseEvent, self).unlink()

    # ---------------------------------------------------- official documents
    def _thads_document_receipt(self):
        """Biên lai thu tiền of a collection."""
        if self.event_type != 'collect':
            raise UserError(_('A receipt is printed from a collection of money.'))
        case = self.case_id
        doc = self._thads_heading(self.office_id or case.office_id, self.date, self.document_number)
        payers = case._thads_debtors()
        collector = self.executor_id or self.user_id
        doc.update(title='Biên lai thu tiền', subtitle='Thu tiền thi hành án', blocks=[
            ('kv', [('Họ tên người nộp tiền:', ', '.join(payers.mapped('name')) or '......'),
                    ('Địa chỉ:', ', '.join(p.street for p in payers if p.street) or '......'),
                    ('Nộp cho việc thi hành án:', case.name or ''),
                    ('Theo quyết định thi hành án:', '%s ngày %s' % (
                        case.decision_number or '......',
                        documents.short_date(fields.Date.from_string(case.decision_date)) or '......')),
                    ('Khoản thi hành:', self.obligation_id.name or ''),
                    ('Số tiền:', documents.money(self.amount)),
                    ('Bằng chữ:', documents.money_in_words(self.amount)),
                    ('Ngày thu:', documents.short_date(fields.Date.from_string(self.date)))]),
        ], signatures=[('Người nộp tiền', '(Ký, ghi rõ họ tên)', ', '.join(payers.mapped('name'))),
                       ('Người thu tiền', '(Ký, ghi rõ họ tên)', collector.name or '')])
        return doc

    def _thads_document_event_verification_notice(self):
        if self.event_type not in ('verify', 'reverify'):
            raise UserError(_('This notice is printed from a verification of conditions.'))
        return self.case_id._thads_document_verification_notice(event=self)

    def _thads_document_event_decision_notice(self):
        if self.event_type != 'notify':
            raise UserError(_('This notice is printed from the notice of the enforcement decision.'))
        return self.case_id._thads_document_decision_notice(event=self)
