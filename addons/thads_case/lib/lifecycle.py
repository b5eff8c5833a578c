"""The life cycle of an enforcement case as a table of events.

A case's state is never written directly: it is the result of replaying its
dated events (domain.md §3).  Each event type lists the states it may follow
and the state it leads to (None: the state does not change), and what the
law requires to record it (a document, a ground, an amount, an office...).
"""
from collections import namedtuple

# States (stats bucket in comments)
RECEIVED = 'received'             # judgment or request received, no QĐ THA yet
REFUSED = 'refused'               # request refused (art. 31(5))
NEW = 'new'                       # QĐ THA issued: thụ lý mới
VOLUNTARY = 'voluntary'           # notified, voluntary period (có ĐK, đang)
VERIFICATION = 'verification'     # verifying conditions (có ĐK, đang)
ENFORCING = 'enforcing'           # enforcement measures (có ĐK, đang)
NO_CONDITION = 'no_condition'     # chưa có điều kiện
SEPARATE_REGISTER = 'separate_register'  # sổ theo dõi riêng (chưa có ĐK)
POSTPONED = 'postponed'           # hoãn (có ĐK, hoãn)
SUSPENDED = 'suspended'           # tạm đình chỉ (có ĐK)
TERMINATED = 'terminated'         # đình chỉ (xong - đình chỉ)
DONE = 'done'                     # thi hành xong
DELEGATED = 'delegated'           # ủy thác (leaves "phải thi hành")
REVOKED = 'revoked'               # thu hồi / hủy QĐ THA
CLOSED = 'closed'                 # kết thúc
RETURNED = 'returned'             # request returned after 2 years without conditions (NĐ 152/2026 art. 22)
ARCHIVED = 'archived'             # lưu trữ

STATES = [RECEIVED, REFUSED, NEW, VOLUNTARY, VERIFICATION, ENFORCING, NO_CONDITION,
          SEPARATE_REGISTER, POSTPONED, SUSPENDED, TERMINATED, DONE, DELEGATED, REVOKED,
          RETURNED, CLOSED, ARCHIVED]
ACTIVE = (NEW, VOLUNTARY, VERIFICATION, ENFORCING)
PENDING = ACTIVE + (NO_CONDITION, SEPARATE_REGISTER, POSTPONED, SUSPENDED)
FINAL = (REFUSED, TERMINATED, DONE, DELEGATED, REVOKED, RETURNED, CLOSED, ARCHIVED)



def queue_columns():
    """The states as columns of a queue, in the order of the life cycle:
    the pending ones first (intake, enforcement, without conditions,
    postponed...), the final ones last; each with whether it starts folded:
    final states with no act left but archiving ("closed").  The kanban of
    cases takes its columns from here."""
    closable = TRANSITIONS['close'].sources
    ordered = [state for state in STATES if state not in FINAL] + [state for state in STATES if state in FINAL]
    return [(state, state in FINAL and state not in closable) for state in ordered]

# Where each state falls in the statistical forms (the one source of truth:
# the statistics engine's SQL CASE is generated from it, and a test fails
# when a state has no entry).  FINISHED: closed or archived, counted as
# terminated when the case was terminated, else as done.  None: the state
# is never counted (no QĐ THA yet, or the request refused).
FINISHED = 'finished'
STAT_BUCKETS = {
    RECEIVED: None, REFUSED: None,
    NEW: 'enforcing', VOLUNTARY: 'enforcing', VERIFICATION: 'enforcing', ENFORCING: 'enforcing',
    NO_CONDITION: 'no_condition', SEPARATE_REGISTER: 'no_condition',
    POSTPONED: 'postponed', SUSPENDED: 'suspended',
    TERMINATED: 'terminated', DONE: 'done', DELEGATED: 'delegated', REVOKED: 'revoked',
    RETURNED: 'other',  # request returned after 2 years without conditions: "trường hợp khác"
    CLOSED: FINISHED, ARCHIVED: FINISHED,
}

Transition = namedtuple('Transition', 'sources target needs')
# needs: document (number + date of the act), ground, amount, obligation,
# office (target office), executor, result
ANY_PENDING = PENDING
TRANSITIONS = {
    'receive': Transition((None,), RECEIVED, ()),
    'refuse': Transition((RECEIVED,), REFUSED, ('document', 'ground')),
    'decide': Transition((RECEIVED,), NEW, ('document', 'executor')),
    'assign': Transition(ANY_PENDING, None, ('executor',)),
    'open_file': Transition((NEW,), None, ()),
    'notify': Transition((NEW,), VOLUNTARY, ('document',)),
    'verify': Transition((NEW, VOLUNTARY, VERIFICATION, ENFORCING), VERIFICATION, ('result',)),
    'enforce': Transition((VOLUNTARY, VERIFICATION, ENFORCING), ENFORCING, ('document',)),
    'collect': Transition(ACTIVE + (POSTPONED, SUSPENDED, NO_CONDITION, SEPARATE_REGISTER), None,
                          ('amount', 'obligation')),
    'pay_out': Transition(PENDING + (DONE, TERMINATED, DELEGATED), None, ('amount', 'obligation')),
    'reduce': Transition(PENDING, None, ('document', 'amount', 'obligation')),
    'no_condition': Transition((VERIFICATION, ENFORCING), NO_CONDITION, ('document', 'ground')),
    'publish': Transition((NO_CONDITION, SEPARATE_REGISTER), None, ()),
    'unpublish': Transition(PENDING + FINAL, None, ()),
    'reverify': Transition((NO_CONDITION, SEPARATE_REGISTER), None, ('result',)),
    'new_info': Transition((NO_CONDITION, SEPARATE_REGISTER), None, ()),
    'separate_register': Transition((NO_CONDITION,), SEPARATE_REGISTER, ()),
    'postpone': Transition((VOLUNTARY, VERIFICATION, ENFORCING), POSTPONED, ('document', 'ground')),
    'suspend': Transition((VOLUNTARY, VERIFICATION, ENFORCING, POSTPONED), SUSPENDED, ('document', 'ground')),
    'ground_ended': Transition((POSTPONED, SUSPENDED), None, ()),
    'resume': Transition((NO_CONDITION, SEPARATE_REGISTER, POSTPONED, SUSPENDED), ENFORCING, ('document',)),
    'termination_ground': Transition(ACTIVE + (POSTPONED, SUSPENDED, NO_CONDITION, SEPARATE_REGISTER), None,
                                     ('ground',)),
    'terminate': Transition(ACTIVE + (POSTPONED, SUSPENDED, NO_CONDITION, SEPARATE_REGISTER), TERMINATED,
                            ('document', 'ground')),
    'complete': Transition((VOLUNTARY, VERIFICATION, ENFORCING), DONE, ()),
    'delegate': Transition((VOLUNTARY, VERIFICATION, ENFORCING, NO_CONDITION), DELEGATED,
                           ('document', 'office')),
    'revoke': Transition((NEW, VOLUNTARY, VERIFICATION, ENFORCING, POSTPONED, SUSPENDED, NO_CONDITION),
                         REVOKED, ('document', 'ground')),
    'confirm_request': Transition(PENDING + (DONE, TERMINATED, CLOSED, ARCHIVED), None, ()),
    'confirm_issue': Transition(PENDING + (DONE, TERMINATED, CLOSED, ARCHIVED), None, ('document',)),
    'close': Transition((DONE, TERMINATED), CLOSED, ()),
    'archive': Transition((CLOSED, REFUSED, REVOKED, DELEGATED, RETURNED), ARCHIVED, ('document',)),
    'handover': Transition(ANY_PENDING, None, ('executor',)),
    # NĐ 152/2026 (from 01/07/2026)
    'change_request': Transition(ANY_PENDING, None, ()),                  # art. 13: change of CHV asked
    'change_answer': Transition(ANY_PENDING, None, ('document',)),        # art. 13(3): written answer
    'verify_delegate': Transition((VOLUNTARY, VERIFICATION, ENFORCING, NO_CONDITION, SEPARATE_REGISTER), None,
                                  ('ground', 'office')),                  # art. 21(5): verification delegated
    'verify_reply': Transition((VOLUNTARY, VERIFICATION, ENFORCING, NO_CONDITION, SEPARATE_REGISTER), None,
                               ('document',)),
    'publication_change': Transition((NO_CONDITION, SEPARATE_REGISTER), None, ()),  # art. 23(2): data changed
    'return_request': Transition((NO_CONDITION,), RETURNED, ('document',)),  # art. 22: request returned
    # exemption or reduction of a budget debt (thads.case.exemption, lib/exemption.py): the steps of
    # the proposal; the court's decision itself is a 'reduce' (and a 'terminate' when nothing is left)
    'exemption_open': Transition(PENDING, None, ()),
    'exemption_verify': Transition(PENDING, None, ()),
    'exemption_file': Transition(PENDING, None, ('document',)),
    'exemption_send': Transition(PENDING, None, ()),
    'exemption_vks': Transition(PENDING, None, ('document',)),
    'exemption_court': Transition(PENDING, None, ()),
    'exemption_accept': Transition(PENDING, None, ()),
    'exemption_decision': Transition(PENDING, None, ('document',)),
    'exemption_received': Transition(PENDING + FINAL, None, ()),
    'exemption_withdraw': Transition(PENDING + FINAL, None, ()),  # the office withdraws its proposal
    # Coercion (lib/coercion.py; Luật THADS 2014 art. 46, 70-73; Luật 106/2025 art. 71-72): a decision
    # after the voluntary period puts the case under enforcement; plan, carrying out, postponement and
    # costs keep its state.  The coercion's own data (kind, time, result, cost) is checked by
    # thads_case_event_coercion.py; 'coercion' in needs: the step names its coercion.
    'coercion_decide': Transition((VOLUNTARY, VERIFICATION, ENFORCING), ENFORCING, ('document',)),
    'coercion_plan': Transition((ENFORCING,), None, ('document', 'coercion')),
    'coercion_carry': Transition((ENFORCING,), None, ('coercion',)),
    'coercion_postpone': Transition((ENFORCING, POSTPONED, SUSPENDED), None, ('coercion',)),
    'coercion_cost': Transition(PENDING + (DONE, TERMINATED), None, ('coercion',)),
    # The office's answer to a recommendation or protest of the procuracy about the case
    # (thads.case.vks.recommendation; Law 106/2025 art. 113, Law 2014 art. 12): a fact of the
    # case's history that changes no state, whatever the state (a closed case is supervised too)
    'vks_answer': Transition(tuple(STATES), None, ('document',)),
}
MONEY_EVENTS = ('collect', 'pay_out', 'reduce', 'delegate')
# delegation may carry the remaining money of several obligations: amount optional
OPTIONAL_AMOUNT = ('delegate',)


class TransitionError(ValueError):
    """An event that the life cycle or the money arithmetic refuses.
    `code` names the reason; `params` fill the translated message."""

    def __init__(self, code, **params):
        super(TransitionError, self).__init__(code, params)
        self.code = code
        self.params = params


def next_state(state, event_type):
    """State after `event_type` from `state`; raises TransitionError."""
    transition = TRANSITIONS.get(event_type)
    if transition is None:
        raise TransitionError('unknown_event', event_type=event_type)
    if state not in transition.sources:
        raise TransitionError('not_allowed', event_type=event_type, state=state)
    return transition.target or state


def source_states(event_type):
    """The states from which `event_type` may be recorded (the case form's
    buttons show from them only)."""
    return [state for state in STATES if state in TRANSITIONS[event_type].sources]


def allowed_events(state):
    return [event for event, transition in TRANSITIONS.items() if state in transition.sources]


def states_after(event_types):
    """State of the case after each event type, in order; raises
    TransitionError at the first event the history does not allow."""
    states, state = [], None
    for event_type in event_types:
        state = next_state(state, event_type)
        states.append(state)
    return states


def replay(event_types):
    """State after the event types, in order (None before any event)."""
    states = states_after(event_types)
    return states[-1] if states else None


class Money(object):
    """Money of one obligation, in whole đồng (int)."""

    def __init__(self, due, collected=0, paid_out=0, reduced=0, delegated=0):
        self.due, self.collected, self.paid_out = due, collected, paid_out
        self.reduced, self.delegated = reduced, delegated

    @property
    def remaining(self):
        """Still to enforce: due less collected, reduced or exempted, delegated."""
        return self.due - self.collected - self.reduced - self.delegated

    @property
    def held(self):
        """Collected and not yet paid out to the creditor or the budget."""
        return self.collected - self.paid_out

    def apply(self, event_type, amount):
        """Apply a money event; raises TransitionError when it does not fit."""
        if amount != int(amount):
            raise TransitionError('not_whole', amount=amount)
        amount = int(amount)
        if amount < 0:
            raise TransitionError('negative', amount=amount)
        if event_type in ('collect', 'reduce', 'delegate'):
            if amount > self.remaining:
                raise TransitionError('over_remaining', amount=amount, remaining=self.remaining)
            if event_type == 'collect':
                self.collected += amount
            elif event_type == 'reduce':
                self.reduced += amount
            else:
                self.delegated += amount
        elif event_type == 'pay_out':
            if amount > self.held:
                raise TransitionError('over_held', amount=amount, held=self.held)
            self.paid_out += amount
        return self
