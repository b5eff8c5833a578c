import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.queue_job.job import job

from ..lib import deadlines, documents, lifecycle
from ..lib import search as case_search

MONEY = (18, 0)  # whole đồng, stored as numeric

# The privileged path of the event journal.  Only code of this addon holds
# this object: it rides in the context (``with_context(thads_replay=_REPLAY)``)
# and is checked with ``is``.  A context sent over JSON-RPC or XML-RPC is made
# of plain data and can never hold it (OCA queue_job guards its jobs the
# same way), so no client can forge the replay.
_REPLAY = object()


def replaying(records):
    """`records` on the replay path (private helper for this addon)."""
    return records.with_context(thads_replay=_REPLAY)


def is_replay(records):
    """Whether `records` run on the replay path (never true for a client)."""
    return records.env.context.get('thads_replay') is _REPLAY


# Fields derived from the event journal: written by the replay alone
# (_recompute_from_events, the event's _apply, the numbering, the cron).
DERIVED_FIELDS = frozenset([
    'state', 'amount_due', 'amount_collected', 'amount_paid_out', 'amount_reduced', 'amount_delegated',
    'amount_remaining', 'amount_held', 'next_deadline_date', 'next_deadline_rule_id', 'overdue',
    'deadline_status', 'no_condition_date', 'no_condition_ground', 'verification_count',
    'last_verification_date', 'next_verification_date', 'separate_register_date', 'publication_state',
    'publication_date', 'withdrawal_date', 'exemption_actions', 'decision_number', 'decision_date',
    'office_id', 'executor_id', 'origin_case_id', 'name', 'number_seq', 'year',
])
# chosen when the case is received; afterwards changed by events only
# (assign, handover, delegation to another office)
INTAKE_FIELDS = frozenset(['office_id', 'executor_id', 'origin_case_id'])


def ensure_search_functions(cr):
    """The unaccent and pg_trgm extensions and the IMMUTABLE thads_unaccent()
    the trigram indexes are built on (lib/search.py).  Both extensions are
    trusted since PostgreSQL 13: the database owner may create them."""
    cr.execute('CREATE EXTENSION IF NOT EXISTS unaccent')
    cr.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    cr.execute("""SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'unaccent'""")
    schema = cr.fetchone()[0]
    cr.execute("SELECT 1 FROM pg_proc WHERE proname = 'thads_unaccent'")
    if not cr.fetchone():
        cr.execute(case_search.UNACCENT_FUNCTION % {'schema': schema})


def ensure_trigram_indexes(cr, table):
    for name, index_table, expression in case_search.TRIGRAM_INDEXES:
        if index_table == table:
            cr.execute('CREATE INDEX IF NOT EXISTS %s ON %s USING gin (%s gin_trgm_ops)'
                       % (name, table, expression))


def check_derived(self, fields_written, allowed=()):
    """Refuse a client's value for a field the journal derives (also as a
    context default on create).  `self`: the records (so named for _()
    to find the user's language)."""
    if is_replay(self):
        return
    derived = self._thads_derived_fields - set(allowed)
    defaults = {key[8:] for key in self.env.context if key.startswith('default_')}
    forged = sorted(derived & (set(fields_written) | defaults))
    if forged:
        names = [self._fields[name].get_description(self.env)['string'] for name in forged]
        raise UserError(_('%s cannot be changed by hand: it comes from the recorded events. '
                          'Record the event instead (decision, collection, assignment, handover, '
                          'delegation...).') % ', '.join('"%s"' % name for name in names))

STATE_SELECTION = [
    (lifecycle.RECEIVED, 'Received'),
    (lifecycle.REFUSED, 'Refused'),
    (lifecycle.NEW, 'Decision issued'),
    (lifecycle.VOLUNTARY, 'Voluntary period'),
    (lifecycle.VERIFICATION, 'Verification'),
    (lifecycle.ENFORCING, 'Enforcing'),
    (lifecycle.NO_CONDITION, 'Without conditions'),
    (lifecycle.SEPARATE_REGISTER, 'Separate register'),
    (lifecycle.POSTPONED, 'Postponed'),
    (lifecycle.SUSPENDED, 'Suspended'),
    (lifecycle.TERMINATED, 'Terminated'),
    (lifecycle.DONE, 'Completed'),
    (lifecycle.DELEGATED, 'Delegated'),
    (lifecycle.REVOKED, 'Revoked'),
    (lifecycle.RETURNED, 'Request returned'),
    (lifecycle.CLOSED, 'Closed'),
    (lifecycle.ARCHIVED, 'Archived'),
]
JUDGMENT_TYPES = [
    ('civil', 'Civil'), ('criminal', 'Criminal'), ('administrative', 'Administrative'),
    ('family', 'Marriage and family'), ('business', 'Business and trade'), ('labour', 'Labour'),
    ('bankruptcy', 'Bankruptcy'), ('arbitration', 'Arbitration'), ('other', 'Other'),
]


class ThadsCase(models.Model):
    """An enforcement case (hồ sơ / việc thi hành án): one QĐ THA.

    Its state, money totals and next deadline are derived from its dated
    events (thads.case.event) and never written by hand."""
    _name = 'thads.case'
    _description = 'Enforcement case'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'thads.office.mixin', 'thads.kanban.progress.mixin',
                'thads.document.mixin']
    _order = 'date_received desc, id desc'
    # not in the audit log: the events are the case's own journal (author, date)
    _audit_skip_fields = ('event_ids', 'delegation_ids')
    _thads_derived_fields = DERIVED_FIELDS

    name = fields.Char(string='Number', readonly=True, copy=False, index=True, default='/')
    number_seq = fields.Integer(readonly=True, copy=False)
    year = fields.Integer(readonly=True, copy=False)
    # indexed by the unique constraint external_key_unique
    external_key = fields.Char(copy=False, help='Key of the case in the legacy system it came from.')
    kind = fields.Selection([('chu_dong', 'Ex officio'), ('theo_yeu_cau', 'On request')],
                            required=True, default='theo_yeu_cau', track_visibility='onchange')
    # indexed by thads_case_executor_state_idx (executor_id, state), see init
    executor_id = fields.Many2one('res.users', string='Enforcement officer',
                                  track_visibility='onchange',
                                  domain=lambda self: [('groups_id', 'in', self.env.ref(
                                      'thads_accounts.group_thads_executor').id)])
    date_received = fields.Date(string='Received on', required=True, default=fields.Date.context_today)
    court = fields.Char(string='Court')
    judgment_number = fields.Char()
    judgment_date = fields.Date()
    judgment_effective_date = fields.Date(help='Date the judgment took legal effect (starts the limitation).')
    judgment_type = fields.Selection(JUDGMENT_TYPES, default='civil', required=True)
    decision_number = fields.Char(string='Enforcement decision', copy=False, readonly=True,
                                  track_visibility='onchange')
    decision_date = fields.Date(copy=False, readonly=True)
    decision_signer = fields.Char()
    party_ids = fields.One2many('thads.case.party', 'case_id', string='Parties', copy=True)
    debtor_names = fields.Char(compute='_compute_debtor_names', store=True, index=True)
    obligation_ids = fields.One2many('thads.case.obligation', 'case_id', string='Obligations', copy=True)
    event_ids = fields.One2many('thads.case.event', 'case_id', string='Events', readonly=True)
    event_count = fields.Integer(compute='_compute_event_count')
    # indexed by thads_case_state_order_idx and thads_case_state_status_idx, see init
    state = fields.Selection(STATE_SELECTION, readonly=True, copy=False,
                             default=lifecycle.RECEIVED, track_visibility='onchange',
                             group_expand='_group_expand_states')
    # the handover's choice of cases (lifecycle.PENDING, not a list in a view)
    is_pending = fields.Boolean(string='Still to enforce', compute='_compute_is_pending',
                                search='_search_is_pending')
    amount_due = fields.Float(digits=MONEY, readonly=True, copy=False)
    amount_collected = fields.Float(digits=MONEY, readonly=True, copy=False)
    amount_paid_out = fields.Float(digits=MONEY, readonly=True, copy=False)
    amount_reduced = fields.Float(digits=MONEY, readonly=True, copy=False)
    amount_delegated = fields.Float(digits=MONEY, readonly=True, copy=False)
    amount_remaining = fields.Float(digits=MONEY, readonly=True, copy=False)
    amount_held = fields.Float(digits=MONEY, readonly=True, copy=False,
                               help='Collected and not yet paid out.')
    # indexed by thads_case_deadline_idx (next_deadline_date, state), see init
    next_deadline_date = fields.Date(readonly=True, copy=False)
    next_deadline_rule_id = fields.Many2one('thads.deadline.rule', readonly=True, copy=False)
    next_deadline_display = fields.Char(string='Next deadline', compute='_compute_next_deadline_display',
                                        help='Date and step of the next legal deadline.')
    overdue = fields.Boolean(readonly=True, copy=False)
    deadline_status = fields.Selection([('none', 'No deadline'), ('ok', 'On time'), ('soon', 'Due soon'),
                                        ('overdue', 'Overdue')], readonly=True, index=True, copy=False,
                                       default='none',
                                       help='Stored and refreshed by the hourly cron, so that queues filter and '
                                            'colour by it in SQL.')
    origin_case_id = fields.Many2one('thads.case', string='Delegated from', readonly=True, index=True)
    delegation_ids = fields.One2many('thads.case.delegation', 'case_id', string='Delegations')
    no_condition_date = fields.Date(readonly=True, copy=False)
    no_condition_ground = fields.Char(readonly=True, copy=False)
    verification_count = fields.Integer(readonly=True, copy=False)
    last_verification_date = fields.Date(readonly=True, copy=False)
    next_verification_date = fields.Date(readonly=True, copy=False, index=True)
    separate_register_date = fields.Date(string='Separate register due', readonly=True, copy=False)
    publication_state = fields.Selection([
        ('none', 'Not published'), ('to_publish', 'To publish'), ('published', 'Published'),
        ('withdrawn', 'Withdrawn'),
    ], readonly=True, default='none', copy=False, index=True)
    publication_date = fields.Date(readonly=True, copy=False)
    withdrawal_date = fields.Date(readonly=True, copy=False)
    exemption_actions = fields.Char(readonly=True, copy=False,
                                    help='Exemption or reduction the budget debt is eligible for.')
    limitation_expired = fields.Boolean(compute='_compute_limitation_expired')
    color = fields.Integer()
    # search options of the search view, each labelled by what it searches;
    # accent-insensitive, in SQL over trigram indexes (lib/search.py)
    search_text = fields.Char(string='Number, judgment, decision or party', compute='_compute_search_fields',
                              search='_search_text')
    search_case_number = fields.Char(string='Case number', compute='_compute_search_fields',
                                     search='_search_case_number')
    search_judgment = fields.Char(string='Judgment number', compute='_compute_search_fields',
                                  search='_search_judgment')
    search_decision = fields.Char(string='Enforcement decision number', compute='_compute_search_fields',
                                  search='_search_decision')
    search_party = fields.Char(string='Party name', compute='_compute_search_fields', search='_search_party')
    search_id_number = fields.Char(string='ID number (or a part of it)', compute='_compute_search_fields',
                                   search='_search_id_number')

    _sql_constraints = [
        ('number_unique', 'unique(office_id, year, number_seq)', 'The case number already exists in this office.'),
        ('external_key_unique', 'unique(external_key)', 'A case with this external key already exists.'),
    ]

    @api.depends('state')
    def _compute_is_pending(self):
        for case in self:
            case.is_pending = case.state in lifecycle.PENDING

    def _search_is_pending(self, operator, value):
        positive = (operator in ('=', '==')) == bool(value)
        return [('state', 'in' if positive else 'not in', list(lifecycle.PENDING))]

    @api.model
    def fields_view_get(self, view_id=None, view_type='form', toolbar=False, submenu=False):
        """The event buttons show in the states the life cycle allows
        (lifecycle.source_states), whatever the view says: every state leaf
        of a button's invisibility is the life cycle's list."""
        result = super(ThadsCase, self).fields_view_get(view_id, view_type, toolbar, submenu)
        if view_type == 'form':
            result['arch'] = self._lifecycle_buttons(result['arch'])
        return result

    @staticmethod
    def _lifecycle_buttons(arch):
        import json
        import re
        from lxml import etree
        doc = etree.fromstring(arch)
        for button in doc.iter('button'):
            found = re.search(r"'event_type'\s*:\s*'(\w+)'", button.get('context') or '')
            if button.get('name') != 'action_event' or not found or found.group(1) not in lifecycle.TRANSITIONS:
                continue
            sources = lifecycle.source_states(found.group(1))
            leaf = ['state', 'not in', sources]
            modifiers = json.loads(button.get('modifiers') or '{}')
            invisible = modifiers.get('invisible')
            if invisible is True:
                continue  # hidden whatever the state
            if isinstance(invisible, list):
                invisible = [leaf if isinstance(term, (list, tuple)) and term[0] == 'state' else term
                             for term in invisible]
                if leaf not in invisible:
                    invisible.append(leaf)  # implicit AND, as Odoo does for "states"
            modifiers['invisible'] = invisible if isinstance(invisible, list) else [leaf]
            button.set('modifiers', json.dumps(modifiers))
            button.set('states', ','.join(sources))
        return etree.tostring(doc, encoding='unicode')

    @api.model_cr
    def init(self):
        """Indexes for the queues: per office and state, per executor, by
        deadline; in the list's order (a page of a million cases is read off
        the index, not sorted), per kanban column (state) in that order, and
        the columns' counts and sums."""
        for name, columns in (('thads_case_office_state_idx', '(office_id, state)'),
                              ('thads_case_executor_state_idx', '(executor_id, state)'),
                              ('thads_case_deadline_idx', '(next_deadline_date, state)'),
                              ('thads_case_office_status_idx', '(office_id, deadline_status)'),
                              ('thads_case_order_idx', '(date_received DESC, id DESC)'),
                              ('thads_case_state_order_idx', '(state, date_received DESC, id DESC)'),
                              # kanban columns and progress bars of a whole province or the country:
                              # counted and summed off this index (index-only scan), not the table
                              ('thads_case_state_status_idx',
                               '(state, deadline_status) INCLUDE (amount_remaining, id)')):
            self.env.cr.execute('CREATE INDEX IF NOT EXISTS %s ON thads_case %s' % (name, columns))
        ensure_search_functions(self.env.cr)
        ensure_trigram_indexes(self.env.cr, 'thads_case')

    # -------------------------------------------------------------- search
    def _compute_search_fields(self):
        """Search options only: they hold no value."""
        for case in self:
            case.search_text = case.search_case_number = case.search_judgment = False
            case.search_decision = case.search_party = case.search_id_number = False

    @api.model
    def _search_by_sql(self, operator, query):
        """Domain selecting the ids `query` (sql, params) returns, or the
        others for a negative operator."""
        return [('id', 'not inselect' if operator in case_search.NEGATIVE else 'inselect', query)]

    @api.model
    def _search_kind(self, kind, operator, value):
        if operator not in case_search.POSITIVE and operator not in case_search.NEGATIVE:
            raise UserError(_('This search option only looks for a text (contains, equals).'))
        if not value:  # an empty text: no restriction
            return [] if operator not in case_search.NEGATIVE else [('id', '=', False)]
        positive = case_search.NEGATIVE.get(operator, operator)
        return self._search_by_sql(operator, case_search.text_query(kind, positive, value))

    @api.model
    def _search_text(self, operator, value):
        return self._search_kind('any', operator, value)

    @api.model
    def _search_case_number(self, operator, value):
        return self._search_kind('number', operator, value)

    @api.model
    def _search_judgment(self, operator, value):
        return self._search_kind('judgment', operator, value)

    @api.model
    def _search_decision(self, operator, value):
        return self._search_kind('decision', operator, value)

    @api.model
    def _search_party(self, operator, value):
        return self._search_kind('party', operator, value)

    @api.model
    def _search_id_number(self, operator, value):
        if operator not in case_search.POSITIVE and operator not in case_search.NEGATIVE:
            raise UserError(_('This search option only looks for a text (contains, equals).'))
        if not case_search.id_number_digits(value):
            return [] if operator not in case_search.NEGATIVE else [('id', '=', False)]
        return self._search_by_sql(operator, case_search.id_number_query(value))

    @api.model
    def _name_search(self, name, args=None, operator='ilike', limit=100, name_get_uid=None):
        """A case chosen in a field is found by its number, judgment,
        decision or party, without accents."""
        if name and operator in ('ilike', 'like', '=ilike', '=like', '='):
            ids = self._search([('search_text', operator, name)] + (args or []), limit=limit,
                               access_rights_uid=name_get_uid)
            return self.browse(ids).sudo(name_get_uid or self.env.uid).name_get()
        return super(ThadsCase, self)._name_search(name, args=args, operator=operator, limit=limit,
                                                   name_get_uid=name_get_uid)

    # ------------------------------------------------------------ computes
    @api.depends('party_ids.partner_id.name', 'party_ids.role')
    def _compute_debtor_names(self):
        for case in self:
            case.debtor_names = ', '.join(case.party_ids.filtered(lambda p: p.role == 'debtor')
                                          .mapped('partner_id.name'))

    @api.depends('next_deadline_date', 'next_deadline_rule_id')
    def _compute_next_deadline_display(self):
        for case in self:
            if case.next_deadline_date:
                case.next_deadline_display = '%s · %s' % (self._format_date(case.next_deadline_date),
                                                          case.next_deadline_rule_id.name or '')
            else:
                case.next_deadline_display = False

    def _compute_event_count(self):
        groups = self.env['thads.case.event'].read_group([('case_id', 'in', self.ids)], ['case_id'], ['case_id'])
        counts = {g['case_id'][0]: g['case_id_count'] for g in groups}
        for case in self:
            case.event_count = counts.get(case.id, 0)

    def _soon_limit(self):
        today = fields.Date.context_today(self)
        return self.env['thads.calendar.day'].add(today, 3, 'working_days')

    @api.model
    def _deadline_status_of(self, deadline, today, soon):
        if not deadline:
            return 'none'
        if deadline < today:
            return 'overdue'
        return 'soon' if deadline <= soon else 'ok'

    def _compute_limitation_expired(self):
        for case in self:
            expired = False
            if case.judgment_effective_date and case.kind == 'theo_yeu_cau':
                limit = self.env['thads.calendar.day'].add(case.judgment_effective_date, 5, 'years')
                expired = case.date_received > limit
            case.limitation_expired = expired

    # -------------------------------------------------------------- queues
    @api.model
    def _group_expand_states(self, states, domain, order):
        """Kanban columns: every state, in the order of the life cycle
        (lib/lifecycle.py queue_columns)."""
        return [state for state, _folded in lifecycle.queue_columns()]

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """Columns by state start folded when empty or closed."""
        result = super(ThadsCase, self).read_group(domain, fields, groupby, offset=offset, limit=limit,
                                                   orderby=orderby, lazy=lazy)
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
        if lazy and groupby and groupby[0] == 'state':
            folded = dict(lifecycle.queue_columns())
            for line in result:
                line['__fold'] = folded.get(line['state'], False) or not line.get('state_count')
        return result

    # ---------------------------------------------------------------- CRUD
    @api.model
    def create(self, vals):
        check_derived(self, vals, allowed=INTAKE_FIELDS)
        case = super(ThadsCase, self).create(vals)
        case._assign_number()
        self.env['thads.case.event'].create({
            'case_id': case.id, 'event_type': 'receive', 'date': case.date_received,
            'document_number': case.judgment_number or False,
        })
        return case

    @api.multi
    def write(self, vals):
        check_derived(self, vals)
        return super(ThadsCase, self).write(vals)

    def _assign_number(self):
        """Number per office and year: 15/2026/HN-KV01 (serialised per office)."""
        for case in self:
            year = int(case.date_received[:4])
            self.env.cr.execute('SELECT pg_advisory_xact_lock(%s, %s)', (case.office_id.id, year))
            self.env.cr.execute('SELECT COALESCE(MAX(number_seq), 0) + 1 FROM thads_case '
                                'WHERE office_id = %s AND year = %s', (case.office_id.id, year))
            seq = self.env.cr.fetchone()[0]
            replaying(case).write({'number_seq': seq, 'year': year,
                                   'name': '%s/%s/%s' % (seq, year, case.office_id.code)})

    @api.multi
    def unlink(self):
        if self.mapped('event_ids').filtered(lambda e: e.event_type != 'receive'):
            raise UserError(_('A case with recorded events cannot be deleted; record a revocation instead.'))
        # the only path that deletes events: with their case, before anything
        # happened.  sudo: no role deletes events, and the caller's right to
        # delete these cases is checked first
        self.check_access_rights('unlink')
        self.check_access_rule('unlink')
        replaying(self.mapped('event_ids').sudo()).unlink()
        return super(ThadsCase, self).unlink()

    @api.constrains('judgment_date', 'decision_date', 'date_received')
    def _check_dates(self):
        for case in self:
            if case.judgment_date and case.judgment_date > case.date_received:
                raise ValidationError(_('The judgment cannot be dated after the day it was received.'))
            if case.decision_date and case.decision_date < case.date_received:
                raise ValidationError(_('The enforcement decision cannot be dated before the case was received.'))

    # ------------------------------------------------------ derived state
    def _event_rows(self):
        """What the replay needs of the case's events, in the order they
        happened, in one query over the (case_id, date, sequence) index.

        Whoever may change the case may replay all of its history; the
        record rules were checked on the event being recorded."""
        self.env.cr.execute("""SELECT id, date, event_type, ground, result, amount, obligation_id, state_after
                                 FROM thads_case_event WHERE case_id = %s
                             ORDER BY date, sequence, id""", (self.id,))
        return self.env.cr.dictfetchall()

    @staticmethod
    def _changed_values(record, vals):
        """The part of `vals` that differs from what `record` holds: a replay
        rewrites nothing that did not change (no write, no audit line, no
        recomputation for an unchanged obligation or case)."""
        changed = {}
        for name, value in vals.items():
            field = record._fields[name]
            current = field.convert_to_write(record[name], record)
            if field.type in ('float', 'integer', 'monetary'):
                same = float(current or 0) == float(value or 0)
            else:
                same = (current or False) == (value or False)
            if not same:
                changed[name] = value
        return changed

    def _case_dates(self):
        """The dates of the case a deadline rule may start from."""
        return {name: fields.Date.from_string(self[name]) if self[name] else None
                for name in ('judgment_effective_date', 'decision_date', 'date_received')}

    @api.multi
    def _recompute_from_events(self):
        """Replay the events: state, money per obligation and totals,
        verification and publication data, next deadline.

        Private (not callable over RPC): the journal's own code replays a
        case when it records an event or a change of the reference data;
        no client has a reason to, and no view offers it."""
        rule_model = self.env['thads.deadline.rule']
        rules = rule_model._get_rules()
        calendar = self.env['thads.calendar.day']._get_calendar()
        for case in self:
            events = case._event_rows()
            states = lifecycle.states_after([event['event_type'] for event in events])
            state = states[-1] if states else None
            stale = {}
            for event, state_after in zip(events, states):
                if event['state_after'] != state_after:
                    stale.setdefault(state_after, []).append(event['id'])
            obligations = case.sudo().obligation_ids
            money = {ob.id: lifecycle.Money(int(ob.amount_due)) for ob in obligations}
            vals = {'state': state, 'verification_count': 0, 'publication_state': 'none',
                    'last_verification_date': False, 'no_condition_date': False, 'no_condition_ground': False,
                    'publication_date': False, 'withdrawal_date': False}
            for event in events:
                event_type, date = event['event_type'], event['date']
                if event_type == 'delegate' and not event['obligation_id']:
                    # delegation of the whole case: everything still to enforce goes
                    for ob_money in money.values():
                        ob_money.apply('delegate', ob_money.remaining)
                elif event_type in lifecycle.MONEY_EVENTS and event['amount']:
                    money[event['obligation_id']].apply(event_type, event['amount'])
                if event_type in ('verify', 'reverify'):
                    vals['verification_count'] += 1
                    vals['last_verification_date'] = date
                if event_type == 'no_condition':
                    vals.update(no_condition_date=date, no_condition_ground=event['ground'],
                                publication_state='to_publish')
                elif event_type == 'publish':
                    vals.update(publication_state='published', publication_date=date)
                elif event_type == 'unpublish':
                    vals.update(publication_state='withdrawn', withdrawal_date=date)
            # state of the case after each event (statistics read it): an event
            # dated back changes the states of the events after it
            for state_after, event_ids in stale.items():
                replaying(self.env['thads.case.event'].sudo().browse(event_ids)).write(
                    {'state_after': state_after})
            for ob in obligations:
                ob_money = money[ob.id]
                ob_vals = self._changed_values(ob, {
                    'amount_collected': ob_money.collected, 'amount_paid_out': ob_money.paid_out,
                    'amount_reduced': ob_money.reduced, 'amount_delegated': ob_money.delegated,
                    'amount_remaining': ob_money.remaining})
                if ob_vals:
                    replaying(ob.with_env(case.env)).write(ob_vals)
            vals.update(
                amount_due=sum(m.due for m in money.values()),
                amount_collected=sum(m.collected for m in money.values()),
                amount_paid_out=sum(m.paid_out for m in money.values()),
                amount_reduced=sum(m.reduced for m in money.values()),
                amount_delegated=sum(m.delegated for m in money.values()),
                amount_remaining=sum(m.remaining for m in money.values()),
                amount_held=sum(m.held for m in money.values()),
            )
            pure_events = [deadlines.Event(fields.Date.from_string(e['date']), e['event_type'], e['ground'] or None,
                                           e['result'] or None) for e in events]
            all_clocks = deadlines.clocks(pure_events, rules, calendar, case.kind, states=states,
                                          final_states=lifecycle.FINAL, case_dates=case._case_dates())
            pending = [c for c in all_clocks if c.met is None]
            nxt = min(pending, key=lambda c: (c.due, c.rule.code)) if pending else None
            by_code = {c.rule.code: c for c in pending}
            reverify = [c.due for code, c in by_code.items() if code.startswith('reverify')]
            registers = [c.due for code, c in by_code.items()
                         if code in ('separate_register', 'separate_register_yearly', 'return_request')]
            today = fields.Date.context_today(self)
            vals.update(
                deadline_status=self._deadline_status_of(nxt and fields.Date.to_string(nxt.due), today,
                                                         self._soon_limit()),
                next_deadline_date=nxt and fields.Date.to_string(nxt.due),
                next_deadline_rule_id=nxt and rule_model._rule_id_of(nxt.rule),
                overdue=bool(nxt and nxt.due < fields.Date.from_string(today)),
                next_verification_date=reverify and fields.Date.to_string(min(reverify)),
                separate_register_date=registers and fields.Date.to_string(min(registers)),
            )
            vals = self._changed_values(case, vals)
            if vals:
                tracked = any(getattr(case._fields[name], 'track_visibility', None) for name in vals)
                # amounts and deadlines only: mail.thread would read and compare
                # the tracked fields and look for followers to add, for nothing
                replaying(case if tracked else case.with_context(tracking_disable=True)).write(vals)
        return True

    # ----------------------------------- deadlines follow the reference data
    _DEADLINE_CHUNK = 500

    @api.model
    def _deadlines_changed_dates(self, dates):
        """The working calendar changed on `dates`: only the open deadlines
        on or after the earliest of them can move (a period is decided by
        the days up to its last day)."""
        if not dates:
            return
        first = min(dates)
        self.env.cr.execute("""SELECT id FROM thads_case
                                WHERE next_deadline_date >= %(d)s OR next_verification_date >= %(d)s
                                   OR separate_register_date >= %(d)s""", {'d': first})
        self._refresh_deadlines_of([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _deadlines_changed_rules(self, event_types):
        """Deadline rules triggered by `event_types` changed: every case
        with such an event is computed again (it may gain, lose or move a
        deadline)."""
        if not event_types:
            return
        self.env.cr.execute("""SELECT DISTINCT case_id FROM thads_case_event WHERE event_type IN %s""",
                            (tuple(event_types),))
        self._refresh_deadlines_of([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _refresh_deadlines_of(self, case_ids):
        """Recompute now when few, else in queue jobs of _DEADLINE_CHUNK cases."""
        case_ids = sorted(case_ids)
        if len(case_ids) <= self._DEADLINE_CHUNK:
            self._refresh_deadlines(case_ids)
            return
        for start in range(0, len(case_ids), self._DEADLINE_CHUNK):
            chunk = case_ids[start:start + self._DEADLINE_CHUNK]
            self.with_delay(description=_('Recompute legal deadlines of %s cases') % len(chunk)) \
                ._refresh_deadlines(chunk)

    def _deadline_snapshot(self, case_ids):
        self.env.cr.execute('SELECT id, next_deadline_date, next_deadline_rule_id FROM thads_case WHERE id IN %s',
                            (tuple(case_ids),))
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    @job(default_channel='root')
    @api.model
    def _refresh_deadlines(self, case_ids):
        """Replay the deadlines of `case_ids` and note in the chatter of each
        case whose next deadline moved the old and the new date.  Idempotent:
        a second run changes nothing."""
        if not case_ids:
            return True
        before = self._deadline_snapshot(case_ids)
        # sudo: a system recomputation after an authorised change of the calendar
        # or the rules; it writes only what the replay derives from the journal
        cases = self.sudo().browse(case_ids).exists()
        cases._recompute_from_events()
        after = self._deadline_snapshot(cases.ids)
        rules = self.env['thads.deadline.rule'].sudo()
        for case in cases:
            old, new = before.get(case.id), after.get(case.id)
            if old and new and old[0] != new[0]:
                case.message_post(body=_('Legal deadline recomputed after a change of the working calendar or '
                                         'the deadline rules: %s (%s) → %s (%s).') % (
                    self._format_date(old[0]), rules.browse(old[1]).name or '',
                    self._format_date(new[0]), rules.browse(new[1]).name or ''),
                    subtype='mail.mt_note')
        return True

    @staticmethod
    def _format_date(value):
        if not value:
            return '-'
        value = fields.Date.from_string(value) if isinstance(value, str) else value
        return value.strftime('%d/%m/%Y')

    # ------------------------------------------------------------- actions
    @api.multi
    def action_event(self):
        """Open the event wizard for the event type given in the context."""
        self.ensure_one()
        event_type = self.env.context.get('event_type')
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'thads.case.event.wizard',
            'view_mode': 'form',
            'target': 'new',
            'name': dict(self.env['thads.case.event']._fields['event_type']._description_selection(self.env))
            .get(event_type, _('Record an event')),
            'context': {'default_case_id': self.id, 'default_event_type': event_type},
        }

    @api.multi
    def action_rare_event(self, event_type):
        """The acts of the form's "Action" menu (postpone, suspend,
        terminate, delegate, revoke): the event wizard, for one case whose
        state allows the act."""
        if len(self) != 1:
            raise UserError(_('Open one case to record this act.'))
        if event_type not in lifecycle.TRANSITIONS or event_type not in lifecycle.allowed_events(self.state):
            labels = dict(self.env['thads.case.event']._fields['event_type']._description_selection(self.env))
            states = dict(self._fields['state']._description_selection(self.env))
            raise UserError(_('"%s" cannot be recorded on a case in the state "%s".') % (
                labels.get(event_type, event_type), states.get(self.state, self.state)))
        return self.with_context(event_type=event_type).action_event()

    @api.multi
    def action_view_events(self):
        self.ensure_one()
        action = self.env.ref('thads_case.thads_case_event_action').read()[0]
        action['domain'] = [('case_id', '=', self.id)]
        action['context'] = {'default_case_id': self.id}
        return action

    # ---------------------------------------------------------------- cron
    @api.model
    def cron_deadlines(self):
        """Refresh overdue flags in SQL, remind executors before a deadline,
        escalate overdue cases to the office leaders.  Idempotent: an
        activity is created once per case, deadline and kind."""
        today = fields.Date.context_today(self)
        soon = self._soon_limit()
        # set-based: only rows whose status can have changed are touched
        self.env.cr.execute("""
            WITH fresh AS (
                SELECT id, CASE WHEN next_deadline_date IS NULL THEN 'none'
                                WHEN next_deadline_date < %(today)s THEN 'overdue'
                                WHEN next_deadline_date <= %(soon)s THEN 'soon'
                                ELSE 'ok' END AS status
                  FROM thads_case
                 WHERE next_deadline_date <= %(soon)s OR deadline_status IN ('soon', 'overdue')
            )
            UPDATE thads_case c SET deadline_status = fresh.status, overdue = (fresh.status = 'overdue')
              FROM fresh
             WHERE c.id = fresh.id AND c.deadline_status IS DISTINCT FROM fresh.status
        """, {'today': today, 'soon': soon})
        self.invalidate_cache(['overdue', 'deadline_status'])
        reminder = self.env.ref('thads_case.mail_activity_type_deadline')
        escalation = self.env.ref('thads_case.mail_activity_type_escalation')
        Activity = self.env['mail.activity'].sudo()
        model_id = self.env['ir.model']._get_id('thads.case')
        due_soon = self.search([('deadline_status', '=', 'soon'), ('executor_id', '!=', False)])
        overdue = self.search([('deadline_status', '=', 'overdue')])
        existing = set()
        if due_soon | overdue:
            self.env.cr.execute("""
                SELECT res_id, activity_type_id, date_deadline FROM mail_activity
                 WHERE res_model = 'thads.case' AND res_id IN %s AND activity_type_id IN %s
            """, (tuple((due_soon | overdue).ids), (reminder.id, escalation.id)))
            existing = set(self.env.cr.fetchall())
        for case in due_soon:
            if (case.id, reminder.id, case.next_deadline_date) not in existing:
                Activity.create({
                    'res_model_id': model_id, 'res_id': case.id, 'activity_type_id': reminder.id,
                    'user_id': case.executor_id.id, 'date_deadline': case.next_deadline_date,
                    # in the officer's language (the cron runs as the system user)
                    'summary': case.next_deadline_rule_id.with_context(lang=case.executor_id.lang).name
                    or self.with_context(lang=case.executor_id.lang)._summary_legal_deadline(),
                })
        for case in overdue:
            leaders = case.executor_id.thads_office_leaders() or case.office_id.head_id
            if not leaders:
                leaders = self.env['res.users'].sudo().search([
                    ('thads_office_id', '=', case.office_id.id),
                    ('groups_id', 'in', self.env.ref('thads_accounts.group_thads_leader').id)])
            if (case.id, escalation.id, case.next_deadline_date) in existing:
                continue
            for leader in leaders:
                Activity.create({
                    'res_model_id': model_id, 'res_id': case.id, 'activity_type_id': escalation.id,
                    'user_id': leader.id, 'date_deadline': case.next_deadline_date,
                    'summary': self.with_context(lang=leader.lang)._summary_overdue(
                        case.next_deadline_rule_id.with_context(lang=leader.lang).name),
                })
        return True

    @api.model
    def _summary_legal_deadline(self):
        return _('Legal deadline')

    @api.model
    def _summary_overdue(self, rule_name):
        return _('Overdue: %s') % (rule_name or _('legal deadline'))

    @api.model
    def cron_exemption(self):
        """Flag budget debts eligible for exemption or reduction."""
        Threshold = self.env['thads.exemption.threshold']
        today = fields.Date.from_string(fields.Date.context_today(self))
        thresholds = Threshold.get_thresholds(today)
        from ..lib.exemption import eligible
        cases = self.search([('state', 'in', (lifecycle.NO_CONDITION, lifecycle.SEPARATE_REGISTER)),
                             ('obligation_ids.budget', '=', True)])
        for case in cases:
            actions = set()
            start = fields.Date.from_string(case.decision_date or case.date_received)
            years = (today - start).days // 365
            for ob in case.obligation_ids.filtered('budget'):
                actions.update(eligible(thresholds, int(ob.amount_remaining), int(ob.amount_collected), years))
            value = ','.join(sorted(actions)) or False
            if value != (case.exemption_actions or False):
                replaying(case).write({'exemption_actions': value})
        return True

    # ---------------------------------------------------- official documents
    def _thads_debtors(self):
        return self.party_ids.filtered(lambda p: p.role == 'debtor').mapped('partner_id')

    def _thads_creditors(self):
        return self.party_ids.filtered(lambda p: p.role == 'creditor').mapped('partner_id')

    def _thads_obligation_table(self):
        rows = [[str(index), ob.name or '', documents.number(ob.amount_due) if ob.kind == 'money' else '',
                 documents.number(ob.amount_remaining) if ob.kind == 'money' else '']
                for index, ob in enumerate(self.obligation_ids, 1)]
        return ('table', ['STT', 'Khoản phải thi hành', 'Phải thi hành (đồng)', 'Còn phải thi hành (đồng)'],
                rows, [1.3, 7, 4, 4], (2, 3))

    def _thads_judgment_text(self):
        return 'Bản án, quyết định số %s ngày %s của %s' % (
            self.judgment_number or '......', documents.short_date(fields.Date.from_string(self.judgment_date))
            or '......', self.court or '......')

    def _thads_document_decision(self):
        """Quyết định thi hành án, from the case's data."""
        if not self.decision_number:
            raise UserError(_('Case %s has no enforcement decision yet: record the decision first.') % self.name)
        doc = self._thads_heading(self.office_id, self.decision_date, self.decision_number)
        on_request = self.kind == 'theo_yeu_cau'
        blocks = [('b', 'THỦ TRƯỞNG CƠ QUAN THI HÀNH ÁN DÂN SỰ'),
                  ('p', 'Căn cứ Luật Thi hành án dân sự;'),
                  ('p', 'Căn cứ %s;' % self._thads_judgment_text())]
        if on_request:
            blocks.append(('p', 'Xét đơn yêu cầu thi hành án nhận ngày %s;' % documents.short_date(
                fields.Date.from_string(self.date_received))))
        blocks.append(('b', 'QUYẾT ĐỊNH:'))
        for debtor in self._thads_debtors():
            blocks.append(('p', 'Điều 1. Cho thi hành án đối với: %s.' % self._thads_person(debtor)))
        for creditor in self._thads_creditors():
            blocks.append(('p', 'Người được thi hành án: %s.' % self._thads_person(creditor)))
        blocks += [('p', 'Các khoản phải thi hành:'), self._thads_obligation_table(),
                   ('p', 'Tổng số tiền phải thi hành: %s (%s).' % (
                       documents.money(self.amount_due), documents.money_in_words(self.amount_due).lower())),
                   ('p', 'Điều 2. Chấp hành viên %s có trách nhiệm tổ chức thi hành quyết định này.'
                    % (self.executor_id.name or '......')),
                   ('p', 'Điều 3. Chấp hành viên, người phải thi hành án, người được thi hành án và các cơ '
                         'quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành quyết định này.')]
        doc.update(title='Quyết định', subtitle='Về việc thi hành án %s' % (
            'theo yêu cầu' if on_request else 'chủ động'), blocks=blocks,
            recipients=['Như Điều 3', 'Viện kiểm sát nhân dân cùng cấp', 'Lưu: VT, hồ sơ THA'],
            signatures=[('Thủ trưởng', '(Ký, ghi rõ họ tên, đóng dấu)', self.decision_signer or '')])
        return doc

    def _thads_document_decision_notice(self, event=None):
        """Thông báo về quyết định thi hành án, to the parties; with the
        voluntary period of the deadline rules in force."""
        if not self.decision_number:
            raise UserError(_('Case %s has no enforcement decision yet: record the decision first.') % self.name)
        event = event or self.event_ids.filtered(lambda e: e.event_type == 'notify').sorted('date')[-1:]
        date = event.date if event else fields.Date.context_today(self)
        doc = self._thads_heading(self.office_id, date, event.document_number if event else False)
        rule = self.env['thads.deadline.rule'].sudo().search([
            ('code', '=', 'voluntary'), '|', ('date_from', '=', False), ('date_from', '<=', date),
            '|', ('date_to', '=', False), ('date_to', '>=', date)], limit=1)
        period = ('%s ngày kể từ ngày nhận được thông báo (%s)' % (rule.count, rule.legal_basis) if rule
                  else 'thời hạn tự nguyện theo quy định của pháp luật')
        blocks = [('p', 'Căn cứ Quyết định thi hành án số %s ngày %s;' % (
                       self.decision_number, documents.short_date(fields.Date.from_string(self.decision_date)))),
                  ('p', 'Căn cứ %s;' % self._thads_judgment_text()),
                  ('p', '%s thông báo:' % (self.office_id.sudo().name or ''))]
        for debtor in self._thads_debtors():
            blocks.append(('p', 'Người phải thi hành án: %s.' % self._thads_person(debtor)))
        blocks += [self._thads_obligation_table(),
                   ('p', 'Số tiền còn phải thi hành: %s.' % documents.money(self.amount_remaining)),
                   ('p', 'Người phải thi hành án có %s để tự nguyện thi hành. Hết thời hạn này mà không tự '
                         'nguyện thi hành thì bị cưỡng chế thi hành án.' % period),
                   ('p', 'Chấp hành viên phụ trách: %s.' % (self.executor_id.name or '......'))]
        doc.update(title='Thông báo', subtitle='Về việc thi hành án (Quyết định thi hành án số %s)'
                   % self.decision_number, blocks=blocks,
                   recipients=['Người phải thi hành án', 'Người được thi hành án', 'Lưu: VT, hồ sơ THA'],
                   signatures=[('Chấp hành viên', '(Ký, ghi rõ họ tên)', self.executor_id.name or '')])
        return doc

    def _thads_document_verification_notice(self, event=None):
        """Thông báo kết quả xác minh điều kiện thi hành án (the last
        verification of the case, or `event`)."""
        event = event or self.event_ids.filtered(
            lambda e: e.event_type in ('verify', 'reverify')).sorted(lambda e: (e.date, e.sequence))[-1:]
        if not event:
            raise UserError(_('Case %s has no recorded verification.') % self.name)
        doc = self._thads_heading(self.office_id, event.date, event.document_number)
        debtors = ', '.join(self._thads_debtors().mapped('name')) or '......'
        result = {'has': 'Người phải thi hành án có điều kiện thi hành án.',
                  'none': 'Người phải thi hành án chưa có điều kiện thi hành án.'}.get(
            event.result, 'Chưa có kết luận.')
        blocks = [('p', 'Căn cứ Quyết định thi hành án số %s ngày %s;' % (
                       self.decision_number or '......',
                       documents.short_date(fields.Date.from_string(self.decision_date)) or '......')),
                  ('p', 'Ngày %s, Chấp hành viên %s đã xác minh điều kiện thi hành án của người phải thi hành '
                        'án %s (việc thi hành án số %s).' % (
                            documents.short_date(fields.Date.from_string(event.date)),
                            event.executor_id.name or self.executor_id.name or '......', debtors, self.name)),
                  ('b', 'Kết quả xác minh: %s' % result)]
        if event.note:
            blocks.append(('p', event.note))
        doc.update(title='Thông báo', subtitle='Về kết quả xác minh điều kiện thi hành án', blocks=blocks,
                   recipients=['Người được thi hành án', 'Người phải thi hành án', 'Lưu: VT, hồ sơ THA'],
                   signatures=[('Chấp hành viên', '(Ký, ghi rõ họ tên)',
                                event.executor_id.name or self.executor_id.name or '')])
        return doc
