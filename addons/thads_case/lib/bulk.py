"""The legacy import's bulk path, pure part: what the ORM path would store
for one imported case, computed in memory (no database, no ORM record).

`plan_case(entry, ctx)` takes a case parsed by lib/importer.py and replays,
event by event, what thads.case.import._create_case and the event's create
do on the ORM path: the case with its "receive" and "decide" events, then
each event row of the file in order, each accepted only if the whole
history with it in place is still possible (lifecycle) and its money fits;
a refused event is reported and the next one is tried, like the ORM path's
savepoint per event.  The result holds every column the bulk insert writes:
the case's derived fields (state, money, verification and publication data,
next deadline), each obligation's money, the events with their sequence and
state after, and the delegations.

The translated messages are made by the caller: errors are (code, params)
pairs (see ERROR_CODES).
"""
import zlib

from . import deadlines, lifecycle

# codes of the errors plan_case reports
#   missing: params {'needs': [need, ...]} (document, ground, result, office,
#            executor, amount, obligation), the ORM's "To record this event, give ..."
#   transition: params {'error': lifecycle.TransitionError}
#   message: params {'text': an already translated text (ground, period lock)}
ERROR_CODES = ('missing', 'transition', 'message')


class PlanError(Exception):
    def __init__(self, code, **params):
        super(PlanError, self).__init__(code, params)
        self.code = code
        self.params = params


class MemoCalendar(object):
    """A pure calendar whose answers are remembered: the same periods start
    on the same days in thousands of cases of an import."""

    def __init__(self, calendar):
        self.calendar, self._add, self._working = calendar, {}, {}

    def add(self, start, count, unit):
        key = (start, count, unit)
        if key not in self._add:
            self._add[key] = self.calendar.add(start, count, unit)
        return self._add[key]

    def add_working_days(self, start, count):
        key = (start, count)
        if key not in self._working:
            self._working[key] = self.calendar.add_working_days(start, count)
        return self._working[key]


class Context(object):
    """What the planner needs of the database, loaded once per chunk.

    offices: {code: (id, is_system)}; users: {login: id};
    normalize_ground(event_type, value, date) -> code, raises PlanError;
    check_lock(office_id, date) -> None, raises PlanError;
    rules, calendar, rule_id_of: the deadline rules (pure), the calendar,
    rule -> record id; today, soon: dates (deadline status);
    pay_label: the obligation's name when the file gives none."""

    def __init__(self, offices, users, normalize_ground, check_lock, rules, calendar, rule_id_of,
                 today, soon, pay_label):
        self.offices, self.users = offices, users
        self.offices_by_id = {value[0]: value for value in offices.values()}
        self.normalize_ground, self.check_lock = normalize_ground, check_lock
        self.rules, self.calendar, self.rule_id_of = rules, MemoCalendar(calendar), rule_id_of
        self.today, self.soon, self.pay_label = today, soon, pay_label
        self._rules_for = {}

    def rules_for(self, event_types):
        """The rules that can open a clock for a case with these event
        types: those they trigger and the rules these run after (all
        versions of each code).  deadlines.clocks gives the same result with
        them as with every rule, in a fraction of the time."""
        key = frozenset(event_types)
        if key not in self._rules_for:
            codes = {rule.code for rule in self.rules if rule.triggers & key}
            while True:
                more = {rule.after_rule for rule in self.rules if rule.code in codes and rule.after_rule} - codes
                if not more:
                    break
                codes |= more
            self._rules_for[key] = [rule for rule in self.rules if rule.code in codes]
        return self._rules_for[key]


def _replay(events, dues):
    """State after each event (events in (date, sequence) order) and the
    money per obligation index; raises TransitionError."""
    states = lifecycle.states_after([e['event_type'] for e in events])
    money = [lifecycle.Money(due) for due in dues]
    for event in events:
        if event['event_type'] == 'delegate' and event['obligation'] is None:
            for ob_money in money:
                ob_money.apply('delegate', ob_money.remaining)
        elif event['event_type'] in lifecycle.MONEY_EVENTS and event['amount']:
            money[event['obligation']].apply(event['event_type'], event['amount'])
    return states, money


def _append(candidate, event):
    """_replay of the accepted history `candidate` (ordered events, states,
    money) with `event` last: the same result, without replaying the rest."""
    ordered, states, money = candidate
    state = lifecycle.next_state(states[-1], event['event_type'])
    money = [lifecycle.Money(m.due, m.collected, m.paid_out, m.reduced, m.delegated) for m in money]
    if event['event_type'] == 'delegate' and event['obligation'] is None:
        for ob_money in money:
            ob_money.apply('delegate', ob_money.remaining)
    elif event['event_type'] in lifecycle.MONEY_EVENTS and event['amount']:
        money[event['obligation']].apply(event['event_type'], event['amount'])
    return ordered + [event], states + [state], money


def _ordered(events):
    return sorted(events, key=lambda e: (e['date'], e['sequence']))


def _record(case, events, event, ctx):
    """Check one event like thads.case.event.create, then append it when the
    history stays possible.  Returns the money after it."""
    event_type = event['event_type']
    needs = lifecycle.TRANSITIONS[event_type].needs if event_type in lifecycle.TRANSITIONS else ()
    missing = []
    if 'document' in needs and not event['document']:
        missing.append('document')
    if 'ground' in needs and not event['ground']:
        missing.append('ground')
    if 'result' in needs and not event['result']:
        missing.append('result')
    if 'office' in needs and not event['target_office_id']:
        missing.append('office')
    if 'executor' in needs and not (event.get('executor_id') or case['executor_id']):
        missing.append('executor')
    if 'amount' in needs and event_type not in lifecycle.OPTIONAL_AMOUNT and not event['amount']:
        missing.append('amount')
    if event_type == 'delegate' and not event['amount']:
        event['amount'] = case['_money_remaining']
        event['obligation'] = None
    elif event['amount'] and event.get('obligation') is None:
        if len(case['_dues']) == 1:
            event['obligation'] = 0
        else:
            missing.append('obligation')
    if missing:
        raise PlanError('missing', needs=missing)
    if event['ground']:
        event['ground'] = ctx.normalize_ground(event_type, event['ground'], event['date'])
    if event_type in ('assign', 'handover', 'decide') and event.get('executor_id'):
        event['previous_executor_id'] = case['executor_id']
    else:
        event['executor_id'] = case['executor_id']
        event['previous_executor_id'] = False
    ctx.check_lock(case['office_id'], event['date'])
    event['sequence'] = len(events) + 1
    try:
        if case['_candidate'] and event['date'] >= case['_candidate'][0][-1]['date']:
            # the event comes last (the usual case): the history before it
            # was accepted, only this event's step is new
            candidate, states, money = _append(case['_candidate'], event)
        else:
            candidate = _ordered(events + [event])
            states, money = _replay(candidate, case['_dues'])
    except lifecycle.TransitionError as error:
        raise PlanError('transition', error=error)
    events.append(event)
    case['_money_remaining'] = sum(m.remaining for m in money)
    case['_candidate'] = (candidate, states, money)
    if event_type == 'decide':
        case['decision_number'], case['decision_date'] = event['document'], event['date']
    if event_type == 'delegate':
        target_id, target_system = ctx.offices_by_id[event['target_office_id']]
        case['_delegations'].append({
            'origin_office_id': case['office_id'], 'office_id': target_id, 'date': event['date'],
            'document_number': event['document'] or False, 'amount': sum(m.delegated for m in money),
            'state': 'pending' if target_system else 'external'})
    return money


def _event(event_type, date, document='', ground='', amount=0, result=False, target=False, executor=None):
    return {'event_type': event_type, 'date': date, 'document': document, 'ground': ground,
            'amount': amount, 'result': result, 'target_office_id': target, 'executor_id': executor,
            'obligation': None}


def file_event(parsed, ctx):
    """An event row of the file as the ORM path's _event_vals makes it."""
    ground, result, target = parsed['ground'], False, False
    if parsed['event_type'] in ('verify', 'reverify'):
        result = ground if ground in ('has', 'none') else 'has'
        ground = ''
    elif parsed['event_type'] == 'delegate':
        office = ctx.offices.get(ground)
        target = office[0] if office else False
        ground = ''
    return _event(parsed['event_type'], parsed['date'], parsed['document'], ground, parsed['amount'],
                  result, target)


def plan_case(entry, ctx):
    """Everything the ORM path stores for one parsed case.

    Returns (plan, errors): plan is None when the case itself is refused
    (errors then holds its row's error); errors is a list of
    (row, PlanError) for the refused event rows."""
    data = entry['case']
    office_id = ctx.offices[data['office']][0]
    executor_id = ctx.users.get(data['executor']) or False
    dues = [data['amount_due']] if (data['amount_due'] or data['obligation']) else []
    case = {'key': entry['key'], 'row': entry['row'], 'office_id': office_id, 'executor_id': executor_id,
            'kind': data['kind'], 'date_received': data['judgment_date'] or data['decision_date'],
            'decision_number': False, 'decision_date': False,
            '_dues': dues, '_money_remaining': sum(dues), '_delegations': [], '_candidate': None}
    events = []
    try:
        _record(case, events, _event('receive', case['date_received'], data['judgment_number']), ctx)
        _record(case, events, _event('decide', data['decision_date'], data['decision_number'],
                                     executor=executor_id), ctx)
    except PlanError as error:
        return None, [(entry['row'], error)]
    errors = []
    for row, parsed in entry['events']:
        try:
            _record(case, events, file_event(parsed, ctx), ctx)
        except PlanError as error:
            errors.append((row, error))
    last_decide = events[-1]['event_type'] == 'decide'
    case['events'] = events
    case.update(_derive(case, ctx, decision_known=not last_decide))
    return case, errors


def _derive(case, ctx, decision_known=True):
    """The case's derived fields, as _recompute_from_events writes them
    after the last event (decision_known: whether the decision date was
    already on the case when that replay ran)."""
    ordered, states, money = case['_candidate']
    # the state after each event, and the journal's running totals
    # (thads_stats' triggers find them right and rewrite nothing)
    done = delegated = 0
    decided, terminated = None, False
    for index, (event, state) in enumerate(zip(ordered, states)):
        event['state_after'] = state
        amount = event['amount'] if event['event_type'] not in ('receive', 'decide') else 0
        if event['event_type'] in ('collect', 'reduce'):
            done += amount or 0
        elif event['event_type'] == 'delegate':
            delegated += amount or 0
        elif event['event_type'] == 'decide':
            decided = max(decided, event['date']) if decided else event['date']
        terminated = terminated or event['event_type'] == 'terminate'
        event['stat'] = (ordered[index + 1]['date'] if index + 1 < len(ordered) else None, done, delegated,
                         decided, terminated)
    vals = {'state': states[-1], 'verification_count': 0, 'publication_state': 'none',
            'last_verification_date': False, 'no_condition_date': False, 'no_condition_ground': False,
            'publication_date': False, 'withdrawal_date': False}
    for event in ordered:
        event_type, date = event['event_type'], event['date']
        if event_type in ('verify', 'reverify'):
            vals['verification_count'] += 1
            vals['last_verification_date'] = date
        if event_type == 'no_condition':
            vals.update(no_condition_date=date, no_condition_ground=event['ground'] or False,
                        publication_state='to_publish')
        elif event_type == 'publish':
            vals.update(publication_state='published', publication_date=date)
        elif event_type == 'unpublish':
            vals.update(publication_state='withdrawn', withdrawal_date=date)
    vals.update(
        amount_due=sum(m.due for m in money), amount_collected=sum(m.collected for m in money),
        amount_paid_out=sum(m.paid_out for m in money), amount_reduced=sum(m.reduced for m in money),
        amount_delegated=sum(m.delegated for m in money), amount_remaining=sum(m.remaining for m in money),
        amount_held=sum(m.held for m in money))
    pure_events = [deadlines.Event(e['date'], e['event_type'], e['ground'] or None, e['result'] or None)
                   for e in ordered]
    case_dates = {'judgment_effective_date': None, 'date_received': case['date_received'],
                  'decision_date': case['decision_date'] if decision_known else None}
    all_clocks = deadlines.clocks(pure_events, ctx.rules_for([e.event_type for e in pure_events]), ctx.calendar, case['kind'], states=states,
                                  final_states=lifecycle.FINAL, case_dates=case_dates)
    pending = [c for c in all_clocks if c.met is None]
    nxt = min(pending, key=lambda c: (c.due, c.rule.code)) if pending else None
    by_code = {c.rule.code: c for c in pending}
    reverify = [c.due for code, c in by_code.items() if code.startswith('reverify')]
    registers = [c.due for code, c in by_code.items()
                 if code in ('separate_register', 'separate_register_yearly', 'return_request')]
    if not nxt:
        status = 'none'
    elif nxt.due < ctx.today:
        status = 'overdue'
    else:
        status = 'soon' if nxt.due <= ctx.soon else 'ok'
    vals.update(
        deadline_status=status, next_deadline_date=nxt.due if nxt else False,
        next_deadline_rule_id=ctx.rule_id_of(nxt.rule) if nxt else False,
        overdue=bool(nxt and nxt.due < ctx.today),
        next_verification_date=min(reverify) if reverify else False,
        separate_register_date=min(registers) if registers else False)
    vals['obligations'] = [{'amount_due': m.due, 'amount_collected': m.collected, 'amount_paid_out': m.paid_out,
                            'amount_reduced': m.reduced, 'amount_delegated': m.delegated,
                            'amount_remaining': m.remaining} for m in money]
    return vals


class ChunkPlan(object):
    """Which part (chunk) of a bulk import each row of the file goes to.

    Rows are placed in file order by `place(key, is_case, office)`:
    - the first `first_chunk` cases make part 0 (the progress moves early);
    - after them, a part holds the cases of one group of offices (the
      office code's CRC-32 modulo `groups`), in file order, at most
      `chunk_size` cases: two parts running at once then number cases of
      different offices and insert side by side;
    - every row of a key goes to the part of its case row (the first row of
      the key with a QĐ number); a row of a key whose case row is not above
      it goes with the latest case row (it is refused there).

    The placement depends only on the rows before, so two passes over the
    same file place every row in the same part: the first pass finds where
    each part ends (`ends`), the second stages the rows and hands a part to
    its job as soon as the reading has passed its end."""

    def __init__(self, chunk_size, first_chunk, groups=8):
        self.chunk_size, self.first_chunk, self.groups = chunk_size, first_chunk, max(1, groups)
        self.chunk_of, self.cases, self.rows = {}, 0, 0
        self.next, self.last = (1 if first_chunk else 0), 0
        self.open, self.fill, self.ends = {}, {}, {}

    def _new_case(self, office):
        if self.cases < self.first_chunk:
            return 0
        group = zlib.crc32(str(office or '').encode()) % self.groups
        chunk = self.open.get(group)
        if chunk is None or self.fill[chunk] >= self.chunk_size:
            chunk = self.open[group] = self.next
            self.next += 1
            self.fill[chunk] = 0
        self.fill[chunk] += 1
        return chunk

    def place(self, number, key, is_case, office):
        """The part of row `number` (rows come in file order)."""
        if is_case and key not in self.chunk_of:
            self.chunk_of[key] = self.last = self._new_case(office)
            self.cases += 1
        chunk = self.chunk_of.get(key, self.last)
        self.ends[chunk] = number
        self.rows += 1
        return chunk

    @property
    def count(self):
        """How many parts (at least one, even for a file without cases)."""
        return max(self.next, 1)

    def complete(self, number):
        """The parts whose every row is at or above row `number`."""
        return {chunk for chunk, end in self.ends.items() if end <= number}
