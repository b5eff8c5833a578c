import datetime
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .thads_support_procedure import PROCEDURES
from ..lib import sla

CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'  # no 0/O, 1/I
FINAL_STATES = ('done', 'refused')
# the order of the cards in a kanban column: overdue first
SLA_RANK = {sla.OVERDUE: 0, sla.BREACHED: 0, sla.DUE_TODAY: 1, sla.ON_TIME: 2, sla.PAUSED: 3, sla.MET: 4}
SLA_RANK_SQL = "CASE {0} WHEN 'overdue' THEN 0 WHEN 'breached' THEN 0 WHEN 'due_today' THEN 1 " \
               "WHEN 'on_time' THEN 2 WHEN 'paused' THEN 3 ELSE 4 END"
SLA_STATES = [
    (sla.ON_TIME, 'On time'), (sla.DUE_TODAY, 'Due today'), (sla.OVERDUE, 'Overdue'),
    (sla.PAUSED, 'Waiting for the applicant'), (sla.MET, 'Met'), (sla.BREACHED, 'Breached'),
]


# The step machine's own writes carry this object (compared with `is`): a
# client's context is plain data (JSON-RPC, XML-RPC) and can never hold it, so
# it cannot skip the checks of a kanban move nor write a clock field.
_INTERNAL = object()

# The SLA clock and the workflow state: written by this module's own code
# alone (the actions, the step machine, the cron, the calendar hook).  A
# direct write or create with one of them (also as a `default_` context key)
# is refused, for every user, the administrator included.
CLOCK_FIELDS = frozenset([
    'state', 'procedure_id', 'date_received', 'date_done', 'step_start_date', 'step_deadline',
    'total_deadline', 'pause_start_date', 'paused_days', 'consumed_days', 'sla_state', 'sla_notified_on',
    'escalated',
])


def internal(records):
    """`records` on this module's own path (the step machine, the clock).
    Private helper of this addon (and its tests): not reachable over RPC."""
    return records.with_context(thads_step_internal=_INTERNAL)


def is_internal(records):
    return records.env.context.get('thads_step_internal') is _INTERNAL


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
    # computed when read: it grows every working day, so a stored copy would
    # be stale between two cron runs and rewrite every open row each day
    consumed_days = fields.Integer(string='Used (working days)', compute='_compute_consumed_days')
    date_done = fields.Date(string='Closed on', readonly=True, index=True)
    sla_state = fields.Selection(SLA_STATES, string='SLA', readonly=True, index=True, default=sla.ON_TIME)
    # written with sla_state (by the ORM here, by the SQL of the clock)
    sla_rank = fields.Integer(string='Urgency', compute='_compute_sla_rank', store=True, index=True)
    is_taken = fields.Boolean(string='Taken', compute='_compute_is_taken')
    mail_from = fields.Char(compute='_compute_office_mail', string='Sender of the e-mails')
    office_signature = fields.Html(compute='_compute_office_mail', sanitize=False,
                                   string='Signature of the e-mails')
    sla_notified_on = fields.Date(readonly=True, copy=False)
    escalated = fields.Boolean(readonly=True, copy=False)
    color = fields.Integer(compute='_compute_color')

    _sql_constraints = [('name_uniq', 'unique(name)', 'The receipt code must be unique.')]

    @api.depends('sla_state')
    def _compute_sla_rank(self):
        for request in self:
            request.sla_rank = SLA_RANK.get(request.sla_state, 4)

    @api.depends('user_id')
    def _compute_is_taken(self):
        for request in self:
            request.is_taken = bool(request.user_id)

    @api.depends('office_id')
    def _compute_office_mail(self):
        """The applicant's e-mails come from the office (its address, or
        the nearest office above it with one) and end with its signature:
        name, address, phone, e-mail."""
        from odoo.tools import html_escape
        for request in self:
            # sudo: the office's public contact data (shown on the public pages too)
            office = request.office_id.sudo()
            sender = office
            while sender and not sender.email:
                sender = sender.parent_id
            email = sender.email or 'noreply@thads.moj.gov.vn'
            # the name stays readable here; the mail server encodes the header when sending
            name = (office.name or 'Thi hành án dân sự').replace('"', "'")
            request.mail_from = '"%s" <%s>' % (name, email)
            lines = ['<b>%s</b>' % html_escape(office.name or '')]
            if office.street:
                lines.append(html_escape('Địa chỉ: %s' % office.street))
            if office.phone or sender.phone:
                lines.append(html_escape('Điện thoại: %s' % (office.phone or sender.phone)))
            lines.append(html_escape('Thư điện tử: %s' % email))
            request.office_signature = '<p style="border-top:1px solid #ccc;padding-top:6px">%s</p>' % \
                '<br/>'.join(lines)

    @api.depends('sla_state')
    def _compute_color(self):
        colors = {sla.ON_TIME: 10, sla.DUE_TODAY: 3, sla.OVERDUE: 1, sla.PAUSED: 4, sla.MET: 10, sla.BREACHED: 1}
        for request in self:
            request.color = colors.get(request.sla_state, 0)

    @api.depends('date_received', 'date_done', 'paused_days', 'pause_start_date', 'state')
    def _compute_consumed_days(self):
        calendar = self._calendar()
        today = self._d(self._today())
        for request in self:
            received = self._d(request.date_received)
            if not received:
                request.consumed_days = 0
                continue
            paused = request.paused_days
            if request.state == 'waiting':
                paused += sla.paused_working_days(calendar, self._d(request.pause_start_date), today)
            request.consumed_days = sla.consumed(calendar, received, self._d(request.date_done) or today, paused)

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
        self._check_clock_fields(vals)
        request = super(ThadsSupportRequest, self).create(vals)
        internal(request).write({'procedure_id': self.env['thads.support.procedure'].version_for(
            request.procedure_code, request.date_received).id})
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

    def _check_clock_fields(self, vals):
        """Refuse a client's value for a field of the clock (also as a
        context default on create)."""
        if is_internal(self):
            return
        defaults = {key[8:] for key in self.env.context if key.startswith('default_')}
        forged = sorted(CLOCK_FIELDS & (set(vals) | defaults))
        if forged:
            names = [self._fields[name].get_description(self.env)['string'] for name in forged]
            raise UserError(_('%s cannot be changed by hand: the time limit clock of a request follows its '
                              'steps. Use the buttons of the request instead (next step, incomplete, resume, '
                              'refuse, return the result).') % ', '.join('"%s"' % name for name in names))

    @api.multi
    def write(self, vals):
        """Moving a card to another step in the kanban restarts the step clock."""
        if is_internal(self):
            return super(ThadsSupportRequest, self).write(vals)
        self._check_clock_fields(vals)
        if 'step_id' in vals:
            self._check_open()
            res = super(ThadsSupportRequest, self).write(vals)
            internal(self).write({'step_start_date': self._today(), 'escalated': False})
            internal(self)._sla_recompute()
            return res
        return super(ThadsSupportRequest, self).write(vals)

    def _calendar(self):
        return self.env['thads.calendar.day']._get_calendar()

    @staticmethod
    def _d(value):
        return fields.Date.from_string(value) if value else None

    # ------------------------------------------------------------ SLA
    def _sla_values(self, today):
        """The clock as stored fields, from the step, pause and dates (one
        request, in Python: the actions use it; the cron and the calendar
        hook compute the same in SQL, see _sla_sql_refresh)."""
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
                internal(request).write(diff)
                changed |= request
        return changed

    # The same clock, set-based.  The deadlines depend on the request's inputs
    # only (receipt, step and its start, pauses, procedure, calendar): they
    # are stored when one of these changes.  The daily state only compares
    # the stored deadlines with today.
    _SLA_STATE_SQL = """
        CASE WHEN {r}.date_done IS NOT NULL THEN
                  CASE WHEN {total} IS NOT NULL AND {r}.date_done > {total} THEN 'breached' ELSE 'met' END
             WHEN {r}.state = 'waiting' THEN 'paused'
             WHEN LEAST({step}, {total}) IS NULL THEN 'on_time'
             WHEN %(today)s > LEAST({step}, {total}) THEN 'overdue'
             WHEN %(today)s = LEAST({step}, {total}) THEN 'due_today'
             ELSE 'on_time' END"""

    def _sla_working_days(self, ids, today):
        """Temporary tables of the working days (from the Python calendar,
        the one source of truth) that the requests `ids` can reach:
        thads_sla_day(day, n), n the working days from the first day up to
        `day` included, and thads_sla_wd(n, day), the n-th working day.  Then
        "N working days after d" is wd[n(d) + N] and the working days in
        (a, b] are n(b) - n(a)."""
        cr = self.env.cr
        cr.execute("""
            SELECT LEAST(MIN(r.date_received), MIN(r.step_start_date), %(today)s),
                   GREATEST(MAX(r.date_received), MAX(r.step_start_date), %(today)s),
                   COALESCE(MAX(GREATEST(COALESCE(p.total_days, 0) + GREATEST(COALESCE(r.paused_days, 0), 0),
                                         COALESCE(s.days, 0))), 0)
              FROM thads_support_request r
              LEFT JOIN thads_support_procedure p ON p.id = r.procedure_id
              LEFT JOIN thads_support_step s ON s.id = r.step_id
             WHERE r.id = ANY(%(ids)s)""", {'ids': ids, 'today': today})
        first, last, reach = cr.fetchone()
        # Odoo reads DATE columns as strings
        self._working_day_tables('thads_sla', self._d(first), self._d(last), reach)

    def _working_day_tables(self, prefix, first, last, reach):
        """Temporary tables <prefix>_day(day, n) and <prefix>_wd(n, day) of
        the days from `first` to `last` and on until `reach` more working
        days (from the Python calendar, the one source of truth): n counts
        the working days from `first` up to `day` included, <prefix>_wd gives
        the n-th.  Both are dropped at the latest at commit.  `prefix` is a
        fixed name of the caller (thads_sla, thads_legal), never input."""
        calendar = self._calendar()
        first -= datetime.timedelta(days=1)  # n = 0 on the day before the first
        days, ranks, working, n, day = [], [], [], 0, first
        while day <= last or reach > 0:
            if day > first and calendar.is_working_day(day):
                n += 1
                working.append(day)
                if day > last:
                    reach -= 1
            days.append(day)
            ranks.append(n)
            day += datetime.timedelta(days=1)
        self.env.cr.execute("""
            DROP TABLE IF EXISTS {p}_day;
            DROP TABLE IF EXISTS {p}_wd;
            CREATE TEMPORARY TABLE {p}_day (day date PRIMARY KEY, n integer NOT NULL) ON COMMIT DROP;
            CREATE TEMPORARY TABLE {p}_wd (n integer PRIMARY KEY, day date NOT NULL) ON COMMIT DROP;
            INSERT INTO {p}_day SELECT * FROM unnest(%s::date[], %s::integer[]);
            INSERT INTO {p}_wd SELECT * FROM unnest(%s::integer[], %s::date[]);
            ANALYZE {p}_day; ANALYZE {p}_wd;""".format(p=prefix),
                            (days, ranks, list(range(1, len(working) + 1)), working))

    def _sla_sql_refresh(self, today=None, ids=None):
        """Recompute and store the deadlines and the SLA state of the
        requests `ids` (default: every open request) in one UPDATE, as
        _sla_values does for one request.  Returns the ids changed."""
        cr = self.env.cr
        today = self._d(today) if isinstance(today, str) else (today or self._d(self._today()))
        if ids is None:
            cr.execute("SELECT id FROM thads_support_request WHERE state NOT IN %s", (FINAL_STATES,))
            ids = [row[0] for row in cr.fetchall()]
        if not ids:
            return []
        self._sla_working_days(ids, today)
        state = self._SLA_STATE_SQL.format(r='r', step='f.step', total='f.total')
        cr.execute("""
            WITH f AS (
                SELECT r.id,
                       CASE WHEN p.total_days > 0 THEN wt.day END AS total,
                       CASE WHEN r.date_done IS NULL AND s.days > 0 THEN ws.day END AS step
                  FROM thads_support_request r
                  LEFT JOIN thads_support_procedure p ON p.id = r.procedure_id
                  LEFT JOIN thads_support_step s ON s.id = r.step_id
                  LEFT JOIN thads_sla_day dr ON dr.day = r.date_received
                  LEFT JOIN thads_sla_day ds ON ds.day = COALESCE(r.step_start_date, %(today)s)
                  LEFT JOIN thads_sla_wd wt
                         ON wt.n = dr.n + p.total_days + GREATEST(COALESCE(r.paused_days, 0), 0)
                  LEFT JOIN thads_sla_wd ws ON ws.n = ds.n + s.days
                 WHERE r.id = ANY(%(ids)s)
            ), n AS (
                SELECT f.id, f.total, f.step, {state} AS sla_state
                  FROM f JOIN thads_support_request r ON r.id = f.id
            )
            UPDATE thads_support_request r
               SET total_deadline = n.total, step_deadline = n.step, sla_state = n.sla_state,
                   sla_rank = {rank},
                   write_uid = %(uid)s, write_date = (now() AT TIME ZONE 'UTC')
              FROM n
             WHERE r.id = n.id AND (r.total_deadline IS DISTINCT FROM n.total
                                    OR r.step_deadline IS DISTINCT FROM n.step
                                    OR r.sla_state IS DISTINCT FROM n.sla_state)
            RETURNING r.id""".format(state=state, rank=SLA_RANK_SQL.format('n.sla_state')),
            {'ids': ids, 'today': today, 'uid': self.env.uid})
        changed = [row[0] for row in cr.fetchall()]
        cr.execute("DROP TABLE thads_sla_day; DROP TABLE thads_sla_wd")
        self.invalidate_cache(['total_deadline', 'step_deadline', 'sla_state', 'sla_rank', 'write_date',
                               'write_uid'])
        return changed

    def _sla_sql_states(self, today):
        """The daily part, one UPDATE of the open requests that change: the
        SLA state from the stored deadlines and today, and the flags of the
        messages due (a reminder once a day to the assignee of a step due
        today, an escalation once to the head of the office).  Returns
        (id, remind, escalate, step name, head, deadline) of the rows
        written."""
        cr = self.env.cr
        cr.execute("""
            UPDATE thads_support_request r
               SET sla_state = n.sla_state,
                   sla_rank = {rank},
                   sla_notified_on = CASE WHEN n.remind THEN %(today)s ELSE r.sla_notified_on END,
                   escalated = CASE WHEN n.escalate THEN TRUE ELSE r.escalated END,
                   write_uid = %(uid)s, write_date = (now() AT TIME ZONE 'UTC')
              FROM (SELECT x.*,
                           x.sla_state = 'due_today' AND x.user_id IS NOT NULL
                               AND x.sla_notified_on IS DISTINCT FROM %(today)s AS remind,
                           x.sla_state = 'overdue' AND x.escalated IS NOT TRUE AS escalate
                      FROM (SELECT r.id, r.user_id, r.sla_notified_on, r.escalated, r.sla_state AS old_state,
                                   {state} AS sla_state, s.name AS step, o.head_id,
                                   COALESCE(r.step_deadline, r.total_deadline) AS deadline
                              FROM thads_support_request r
                              LEFT JOIN thads_support_step s ON s.id = r.step_id
                              LEFT JOIN thads_office o ON o.id = r.office_id
                             WHERE r.state NOT IN %(final)s) x) n
             WHERE r.id = n.id AND (n.old_state IS DISTINCT FROM n.sla_state OR n.remind OR n.escalate)
            RETURNING r.id, n.remind, n.escalate, n.step, CASE WHEN n.remind THEN r.user_id ELSE n.head_id END,
                      n.deadline""".format(rank=SLA_RANK_SQL.format('n.sla_state'),
                                   state=self._SLA_STATE_SQL.format(
                                       r='r', step='r.step_deadline', total='r.total_deadline')),
            {'today': today, 'final': FINAL_STATES, 'uid': self.env.uid})
        rows = cr.fetchall()
        self.invalidate_cache(['sla_state', 'sla_rank', 'sla_notified_on', 'escalated', 'write_date',
                               'write_uid'])
        return rows

    @api.model
    def _cron_sla(self, today=None):
        """Scheduled: refresh the clocks, remind assignees of steps due today,
        escalate overdue requests to the office leader (each once).  Set-based:
        a few statements whatever the number of open requests; only the
        requests that get a message are handled one by one (their summary)."""
        today = self._d(today) if isinstance(today, str) else (today or self._d(self._today()))
        cr = self.env.cr
        # a step without a start date counts from today (as _sla_values):
        # only these deadlines depend on the day
        cr.execute("""SELECT id FROM thads_support_request
                       WHERE state NOT IN %s AND step_start_date IS NULL AND step_id IS NOT NULL""",
                   (FINAL_STATES,))
        floating = [row[0] for row in cr.fetchall()]
        if floating:
            self._sla_sql_refresh(today, floating)
        rows = self._sla_sql_states(today)
        self._sla_notify([row for row in rows if (row[1] or row[2]) and row[4]], today)
        return True

    def _sla_notify(self, rows, today):
        """The reminders and escalations of `rows` (from _sla_sql_states), in
        each recipient's language (the cron runs as the system user)."""
        if not rows:
            return
        cr = self.env.cr
        cr.execute("""SELECT u.id, p.lang FROM res_users u JOIN res_partner p ON p.id = u.partner_id
                       WHERE u.id IN %s""", (tuple({row[4] for row in rows}),))
        langs = dict(cr.fetchall())
        texts = {}
        activities = []
        for rid, remind, _escalate, step, user, deadline in rows:
            kind = 'due' if remind else 'late'
            lang = langs.get(user) or 'en_US'
            if (lang, kind) not in texts:
                texts[lang, kind] = self.with_context(lang=lang)._sla_summary(kind)
            args = (step or '',) if remind else (
                step or '', self._d(deadline).strftime('%d/%m/%Y') if deadline else '-')
            activities.append((rid, user, texts[lang, kind] % args))
        self._schedule_activities(activities, fields.Date.to_string(today))

    @api.model
    def _sla_summary(self, kind):
        if kind == 'due':
            return _('Step "%s" is due today')
        return _('Overdue: step "%s" (due %s)')

    def _schedule_activities(self, activities, day):
        """Create the to-do activities [(request id, user id, summary)] in a
        few statements, with what mail.activity's create does for each one:
        the user follows the request (when not yet a follower, with the
        default subtypes) and their activity counter is refreshed."""
        if not activities:
            return
        cr = self.env.cr
        res_ids, user_ids, summaries = (list(column) for column in zip(*activities))
        model_id = self.env['ir.model']._get_id(self._name)
        todo = self.env.ref('mail.mail_activity_data_todo').id
        cr.execute("""
            INSERT INTO mail_activity (res_id, res_model_id, res_model, res_name, activity_type_id, user_id,
                                       date_deadline, summary, create_uid, create_date, write_uid, write_date)
            SELECT a.res_id, %(model_id)s, %(model)s, r.name, %(todo)s, a.user_id, %(day)s, a.summary,
                   %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
              FROM unnest(%(res_ids)s::integer[], %(user_ids)s::integer[], %(summaries)s::varchar[])
                   AS a(res_id, user_id, summary)
              JOIN thads_support_request r ON r.id = a.res_id""", {
            'model_id': model_id, 'model': self._name, 'todo': todo, 'day': day, 'uid': self.env.uid,
            'res_ids': res_ids, 'user_ids': user_ids, 'summaries': summaries})
        cr.execute("""
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT DISTINCT %(model)s, a.res_id, u.partner_id
              FROM unnest(%(res_ids)s::integer[], %(user_ids)s::integer[]) AS a(res_id, user_id)
              JOIN res_users u ON u.id = a.user_id
             WHERE NOT EXISTS (SELECT 1 FROM mail_followers f WHERE f.res_model = %(model)s
                                  AND f.res_id = a.res_id AND f.partner_id = u.partner_id)
            RETURNING id, partner_id""", {'model': self._name, 'res_ids': res_ids, 'user_ids': user_ids})
        followers = cr.fetchall()
        if followers:
            default, _internal, external = self.env['mail.message.subtype'].default_subtypes(self._name)
            cr.execute("SELECT partner_id FROM res_users WHERE id IN %s AND share IS NOT TRUE",
                       (tuple(set(user_ids)),))
            employees = {row[0] for row in cr.fetchall()}
            pairs = [(fid, sid) for fid, pid in followers
                     for sid in (default.ids if pid in employees else external.ids)]
            if pairs:
                cr.execute("""
                    INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id, mail_message_subtype_id)
                    SELECT * FROM unnest(%s::integer[], %s::integer[])""",
                           ([p[0] for p in pairs], [p[1] for p in pairs]))
        cr.execute("SELECT DISTINCT partner_id FROM res_users WHERE id IN %s", (tuple(set(user_ids)),))
        for (partner_id,) in cr.fetchall():
            self.env['bus.bus'].sendone((cr.dbname, 'res.partner', partner_id),
                                        {'type': 'activity_updated', 'activity_created': True})
        self.env['mail.activity'].invalidate_cache()
        self.env['mail.followers'].invalidate_cache()
        self.invalidate_cache(['activity_ids', 'message_follower_ids', 'message_partner_ids'])

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
        internal(self).write({'step_id': step.id, 'step_start_date': start, 'escalated': False,
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
    def action_ask(self, kind):
        """The dialog asking what an answer needs: the appointment
        ('valid'), the guidance ('incomplete') or the legal ground of a
        refusal ('refuse'); its button sends the answer."""
        self.ensure_one()
        self._check_open()
        if kind not in ('valid', 'incomplete', 'refuse'):
            raise UserError(_('Unknown answer.'))
        titles = {'valid': _('Valid: send the appointment'), 'incomplete': _('Incomplete: send guidance'),
                  'refuse': _('Refuse the request')}
        return {
            'type': 'ir.actions.act_window', 'name': titles[kind], 'res_model': 'thads.support.answer.wizard',
            'view_mode': 'form', 'target': 'new',
            'context': {'default_request_id': self.id, 'default_kind': kind},
        }

    @api.multi
    def action_incomplete(self):
        """Case 2: incomplete; guidance to the applicant, the clock pauses."""
        self._check_open()
        for request in self:
            if not request.guidance_note:
                raise UserError(_('Write the guidance for the applicant first.'))
            internal(request).write({'state': 'waiting', 'pause_start_date': self._today()})
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
            internal(request).write({'state': 'in_progress', 'paused_days': request.paused_days + lost,
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
            internal(request).write({'state': 'refused', 'date_done': self._today()})
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
            internal(request).write({'state': 'done', 'date_done': self._today()})
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
        code and a wrong identity number, so it reveals nothing.  The code
        is accepted with or without dashes, in any case; dates dd/mm/yyyy."""
        request = self._public_find(code, id_number)
        if not request:
            return None
        labels = dict(self._fields['state']._description_selection(self.env))

        def day(value):
            return fields.Date.from_string(value).strftime('%d/%m/%Y') if value else False
        appointment = False
        if request.appointment_date:
            appointment = fields.Datetime.context_timestamp(
                request.with_context(tz='Asia/Ho_Chi_Minh'),
                fields.Datetime.from_string(request.appointment_date)).strftime('%H:%M %d/%m/%Y')
        return {
            'code': request.name, 'procedure': request.procedure_id.name, 'received': day(request.date_received),
            'office': request.office_id.name, 'step': request.step_id.name, 'state': labels[request.state],
            'deadline': day(request.total_deadline), 'guidance': request.guidance_note
            if request.state == 'waiting' else False, 'appointment': appointment,
            'refusal': request.refusal_ground,
            'result': request.result_note if request.state == 'done' else False,
            'waiting': request.state == 'waiting',
        }

    @api.model
    def _public_find(self, code, id_number):
        """The request of this receipt code (with or without dashes, any
        case) and identity number, as the superuser, or an empty
        recordset.  Private: the public pages' check of the two keys."""
        from odoo.addons.thads_case.lib import identity
        from ..lib.validation import normalize_receipt_code
        code = normalize_receipt_code(code)
        id_number = identity.normalize(id_number)
        if not code or not id_number:
            return self.browse()
        # sudo: found only with both keys, which only the applicant has
        return self.sudo().search([('name', '=', code), ('applicant_id_number', '=', id_number)], limit=1)

    def _public_documents_received(self, names):
        """The applicant sent the missing documents online: the chatter says
        so and the assignee (or the office head) gets a to-do to check them
        and resume the request."""
        self.ensure_one()
        self.message_post(body=_('The applicant sent the missing documents online: %s') % ', '.join(names),
                          subtype='mail.mt_comment')
        user = self.user_id or self.office_id.head_id
        if user:
            self.env['mail.activity'].create({
                'res_id': self.id, 'res_model_id': self.env['ir.model']._get_id(self._name),
                'activity_type_id': self.env.ref('mail.mail_activity_data_todo').id, 'user_id': user.id,
                'summary': _('Check the documents sent by the applicant and resume the request'),
                'date_deadline': self._today()})

    # ------------------------------------------------------------ demo
    @api.model
    def _demo_generate(self):
        """Demo requests in every step and SLA state, dated back from today
        (so the queues look alive on any day the demo is installed)."""
        if self.env['res.lang'].search_count([('code', '=', 'vi_VN')]):
            # demo data is loaded before Odoo loads the module's translations:
            # load them first, so the requests' chatter (steps, assignees,
            # states, messages) reads Vietnamese
            self.env['ir.module.module'].search([('name', '=', 'thads_support')])._update_translations('vi_VN')
            self = self.with_context(lang='vi_VN')
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
        Request = self.with_context(thads_no_email=True, mail_create_nosubscribe=True,
                                    mail_auto_subscribe_no_notify=True)
        for (code, age, moves, outcome), (name, id_number) in zip(plans, people):
            start = back(age)
            request = on_day(Request, start).create(dict(
                base, procedure_code=code, applicant_name=name, applicant_id_number=id_number,
                applicant_email='%s@example.com' % id_number, user_id=support.id,
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
