"""Coercion (cưỡng chế thi hành án) as a process of a case, free of Odoo.

A coercion starts with a decision (QĐ cưỡng chế) of one kind, may have a
plan (kế hoạch cưỡng chế) that fixes its date and time, is carried out
(successfully or not) or postponed, and costs money (chi phí cưỡng chế, in
whole đồng).  Every step is an event of the case (lifecycle.TRANSITIONS);
this module replays them and holds the rules the law gives.

Sources (the article is cited with each rule below):
- LAW2014: Luật Thi hành án dân sự 2008, sửa đổi 2014, in force until
  30/06/2026.  Art. 46(2) is domain.md §2 row 28 [S:PD]; the article numbers
  70-73 and the article of each measure are NOT checked against the text
  ("chưa đối chiếu văn bản").
- LAW106: Luật Thi hành án dân sự số 106/2025/QH15, in force from
  01/07/2026 (art. 115(1)), read in the unofficial copy named in
  /work/wt/law106.md §0: art. 53(2)-(7), 71, 72, 73, 76, 78, 82-83, 88-92
  quoted below were read there.
- NĐ 152/2026: domain.md §7 lists no coercion rule of its own: none found.
"""
import datetime
from collections import namedtuple

# ------------------------------------------------------------------ kinds
# (code, English label, legal basis) -- LAW106 art. 71: "Người phải thi hành
# án bị áp dụng một hoặc một số biện pháp cưỡng chế thi hành án sau đây:
# 1. Khấu trừ tiền trong tài khoản, thư tiền, xử lý giấy tờ có giá; 2. Trừ
# vào thu nhập; 3. Khai thác tài sản; 4. Kê biên, xử lý tài sản, kể cả tài
# sản đang do người thứ ba giữ; 5. Giao tài sản, vật, giấy tờ; 6. Buộc thực
# hiện hoặc không được thực hiện công việc nhất định."  LAW2014 art. 71 has
# the same list (chưa đối chiếu văn bản).  Auction and eviction are steps
# of 4 and 5 that the statistics count apart (issue 19).
KINDS = [
    ('account', 'Deduction from a bank account',
     'Luật 106/2025 Điều 71 khoản 1, Điều 73; Luật THADS 2014 Điều 71 khoản 1, Điều 76 (chưa đối chiếu)'),
    ('income', 'Deduction from income',
     'Luật 106/2025 Điều 71 khoản 2, Điều 76; Luật THADS 2014 Điều 71 khoản 2, Điều 78 (chưa đối chiếu)'),
    ('seizure', 'Seizure of assets (kê biên)',
     'Luật 106/2025 Điều 71 khoản 4, Điều 78; Luật THADS 2014 Điều 71 khoản 3, Điều 87 (chưa đối chiếu)'),
    ('auction', 'Sale of seized assets by auction',
     'Luật 106/2025 Điều 82, 83 (dẫn chiếu tại Điều 59 khoản 1); Luật THADS 2014 Điều 101 (chưa đối chiếu)'),
    ('eviction', 'Handing over a house or land (eviction)',
     'Luật 106/2025 Điều 89, 90; Luật THADS 2014 Điều 115, 117 (chưa đối chiếu)'),
    ('handover', 'Handing over items or papers',
     'Luật 106/2025 Điều 71 khoản 5, Điều 88; Luật THADS 2014 Điều 114 (chưa đối chiếu)'),
    ('act', 'Forced acts (to do or not to do)',
     'Luật 106/2025 Điều 71 khoản 6, Điều 91, 92; Luật THADS 2014 Điều 118, 119 (chưa đối chiếu)'),
]
KIND_CODES = tuple(code for code, _label, _basis in KINDS)

RESULTS = [('success', 'Carried out successfully'), ('partial', 'Partly carried out'),
           ('failed', 'Not carried out (unsuccessful)')]

# states of a coercion, derived from its events
DECIDED, PLANNED, CARRIED, POSTPONED = 'decided', 'planned', 'carried', 'postponed'
STATES = [(DECIDED, 'Decided'), (PLANNED, 'Planned'), (POSTPONED, 'Postponed'), (CARRIED, 'Carried out')]

# the events of a coercion (lifecycle.TRANSITIONS holds their case states)
EVENTS = ('coercion_decide', 'coercion_plan', 'coercion_carry', 'coercion_postpone', 'coercion_cost')


class CoercionError(ValueError):
    """A step the law or the process refuses; `code` names the reason."""

    def __init__(self, code, **params):
        super(CoercionError, self).__init__(code, params)
        self.code = code
        self.params = params


# ------------------------------------------------------ the time window
# No coercion "trong thời gian từ 22 giờ đến 06 giờ sáng ngày hôm sau, các
# ngày nghỉ, ngày lễ theo quy định của pháp luật và các trường hợp đặc biệt
# khác do Chính phủ quy định":
# - LAW2014 art. 46(2) (domain.md §2 row 28);
# - LAW106 art. 72(5), same words: no exception besides the special cases
#   the Government may set (none found in NĐ 152/2026, domain.md §7).
# Versioned by the day of the coercion, like the deadline rules.
WindowRule = namedtuple('WindowRule', 'date_from date_to night_start night_end basis')
WINDOW_RULES = (
    WindowRule(None, datetime.date(2026, 6, 30), 22, 6, 'Luật Thi hành án dân sự 2014, Điều 46 khoản 2'),
    WindowRule(datetime.date(2026, 7, 1), None, 22, 6, 'Luật Thi hành án dân sự 106/2025/QH15, Điều 72 khoản 5'),
)


def window_rule(day, rules=WINDOW_RULES):
    """The rule in force on `day` (a date)."""
    for rule in rules:
        if (rule.date_from is None or rule.date_from <= day) and (rule.date_to is None or day <= rule.date_to):
            return rule
    raise CoercionError('no_rule', day=day)


def check_window(moment, calendar, rules=WINDOW_RULES):
    """Refuse a coercion at `moment` (a naive datetime in Vietnam's local
    time, UTC+7).  `calendar`: a thads_accounts WorkCalendar (rest days,
    holidays, swapped days off and make-up working Saturdays).

    Raises CoercionError('night' | 'rest_day', basis=...); returns the rule."""
    rule = window_rule(moment.date(), rules)
    if moment.hour >= rule.night_start or moment.hour < rule.night_end:
        raise CoercionError('night', basis=rule.basis, start=rule.night_start, end=rule.night_end)
    if not calendar.is_working_day(moment.date()):
        raise CoercionError('rest_day', basis=rule.basis, day=moment.date())
    return rule


# --------------------------------------------------- notice before the day
# LAW106 art. 72(7): "Chấp hành viên dự trù chi phí cưỡng chế và thông báo
# cho đương sự biết ít nhất 02 ngày làm việc trước ngày cưỡng chế đã được ấn
# định, trừ trường hợp cần thiết phải cưỡng chế ngay."  The notice goes
# with the plan (art. 72(6)(a): the plan holds the time and the estimated
# costs), so the plan's date is the notice's.  LAW2014: no such period was
# sourced, so none before 01/07/2026.
NoticeRule = namedtuple('NoticeRule', 'date_from date_to working_days basis')
NOTICE_RULES = (
    NoticeRule(datetime.date(2026, 7, 1), None, 2, 'Luật Thi hành án dân sự 106/2025/QH15, Điều 72 khoản 7'),
)


def check_notice(notice_day, coercion_day, calendar, immediate=False, rules=NOTICE_RULES):
    """Refuse a coercion day less than the rule's working days after the
    notice ("at least 02 working days before": the coercion day is on or
    after the 2nd working day after the notice) [I: reading of "ít nhất 02
    ngày làm việc trước"].  None when no rule is in force or `immediate`."""
    if immediate or notice_day is None:
        return None
    for rule in rules:
        if (rule.date_from is None or rule.date_from <= coercion_day) and \
                (rule.date_to is None or coercion_day <= rule.date_to):
            earliest = calendar.add_working_days(notice_day, rule.working_days)
            if coercion_day < earliest:
                raise CoercionError('notice', basis=rule.basis, earliest=earliest, days=rule.working_days)
            return rule
    return None


# ------------------------------------------------- the voluntary period
# LAW2014 art. 46(1) (chưa đối chiếu) and LAW106 art. 72(1): "Hết thời hạn
# quy định tại khoản 1 Điều 36 của Luật này [10 ngày kể từ ngày ... được
# thông báo hợp lệ quyết định thi hành án], người phải thi hành án có điều
# kiện mà không tự nguyện thi hành án thì bị cưỡng chế", except to prevent
# the debtor from dispersing assets (art. 72(1), 2nd paragraph: "áp dụng
# ngay").
VOLUNTARY_DAYS = 10


def check_after_voluntary(notice_day, decision_day, calendar, immediate=False):
    """Refuse a coercion decision before the voluntary period ended.  The
    period of 10 days ends on its last day, rolled over to the next
    working day (Civil Code art. 148, thads_accounts/lib/workdays.py); the
    decision may be taken from the day after."""
    if immediate or notice_day is None:
        return None
    last = calendar.add_days(notice_day, VOLUNTARY_DAYS)
    if decision_day <= last:
        raise CoercionError('voluntary', last=last)
    return last


# ------------------------------------------------------------ costs
def whole_dong(amount):
    """A cost in whole đồng (int), > 0; raises CoercionError."""
    if amount is None or amount != int(amount):
        raise CoercionError('not_whole', amount=amount)
    amount = int(amount)
    if amount <= 0:
        raise CoercionError('not_positive', amount=amount)
    return amount


def total_cost(amounts):
    """Exact sum of costs in whole đồng (the money of the forms is
    integer arithmetic, never a float sum)."""
    return sum(whole_dong(amount) for amount in amounts)


# ------------------------------------------------------------ replay
Step = namedtuple('Step', 'event_id coercion_key event_type date moment result cost kind')


def replay(steps):
    """State of each coercion after its events, in order.

    steps: Step tuples in the order of the case's journal; coercion_key is
    the id of the decision event for every step of that coercion (the
    decision's own id for the decision).  Returns {key: dict(kind, state,
    decision_date, plan_date, planned_at, carried_at, result, postponed,
    cost)}; raises CoercionError on a step of an unknown coercion or after
    it was carried out."""
    coercions = {}
    for step in steps:
        if step.event_type == 'coercion_decide':
            coercions[step.event_id] = {
                'kind': step.kind, 'state': DECIDED, 'decision_date': step.date, 'plan_date': None,
                'planned_at': None, 'carried_at': None, 'result': None, 'postponed': 0, 'cost': 0,
                'postponed_date': None}
            if step.cost:
                coercions[step.event_id]['cost'] += whole_dong(step.cost)
            continue
        coercion = coercions.get(step.coercion_key)
        if coercion is None:
            raise CoercionError('unknown_coercion')
        if step.event_type in ('coercion_plan', 'coercion_carry', 'coercion_postpone') \
                and coercion['state'] == CARRIED:
            raise CoercionError('already_carried')
        if step.event_type == 'coercion_plan':
            coercion.update(state=PLANNED, plan_date=step.date, planned_at=step.moment)
        elif step.event_type == 'coercion_carry':
            coercion.update(state=CARRIED, carried_at=step.moment, result=step.result)
        elif step.event_type == 'coercion_postpone':
            coercion.update(state=POSTPONED, postponed=coercion['postponed'] + 1, postponed_date=step.date)
        if step.cost:
            coercion['cost'] += whole_dong(step.cost)
    return coercions
