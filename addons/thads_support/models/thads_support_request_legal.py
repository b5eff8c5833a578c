from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.thads_accounts.lib.workdays import UNIT_DAYS, UNIT_WORKING_DAYS

from .thads_support_procedure_complaint import COMPLAINT_CODES, COMPLAINT_PROCEDURES
from .thads_support_request import FINAL_STATES, SLA_RANK_SQL, internal, is_internal
from ..lib import sla


_UNITS = [(UNIT_WORKING_DAYS, 'Working days'), (UNIT_DAYS, 'Days')]
LEGAL_FIELDS = frozenset(['legal_deadline', 'legal_start', 'legal_count', 'legal_unit', 'legal_ext_count',
                          'legal_ext_unit', 'legal_pausable', 'legal_paused'])


def _add_sql(day, count, unit):
    """SQL for calendar.add(day, count, unit) over the temporary tables
    thads_legal_day(day, n) and thads_legal_wd(n, day) (see _legal_days):
    N working days after d is the (n(d) + N)-th working day (d itself for 0);
    N days after d rolls over to the first working day on or after d + N,
    the (n(d + N - 1) + 1)-th (Civil Code art. 148)."""
    return '''CASE WHEN {unit} = 'working_days' THEN
                  CASE WHEN COALESCE({count}, 0) = 0 THEN {day} ELSE
                       (SELECT w.day FROM thads_legal_wd w
                         WHERE w.n = (SELECT d.n FROM thads_legal_day d WHERE d.day = {day}) + {count}) END
             ELSE (SELECT w.day FROM thads_legal_wd w
                    WHERE w.n = (SELECT d.n FROM thads_legal_day d
                                  WHERE d.day = {day} + COALESCE({count}, 0) - 1) + 1) END'''.format(
        day=day, count=count, unit=unit)


class ThadsSupportRequest(models.Model):
    """The support request under a complaint or a denunciation: its clock,
    activities, escalation and queues are the request's own.  The law sets
    the time limit of each complaint (its matter, its round, its
    complexity), not the procedure: the complaint stores it as the request's
    legal deadline, which then replaces the procedure's total time."""
    _inherit = 'thads.support.request'

    procedure_code = fields.Selection(selection_add=COMPLAINT_PROCEDURES)
    # a complaint by post may come without an e-mail address or an identity
    # number, a denunciation keeps them in its protected identity record;
    # the public forms of the support still require both (controllers)
    applicant_email = fields.Char(required=False)
    applicant_id_number = fields.Char(required=False)
    legal_deadline = fields.Date(string='Legal time limit', readonly=True, index=True, copy=False,
                                 help='Set by the complaint or denunciation (acceptance, then decision).')
    # The inputs of the legal deadline, so that it can be recomputed (set-based)
    # when the working calendar changes, and extended by a pause the law allows.
    legal_start = fields.Date(string='Legal time limit counted from', readonly=True, copy=False)
    legal_count = fields.Integer(string='Legal time limit (number)', readonly=True, copy=False)
    legal_unit = fields.Selection(_UNITS, string='Legal time limit (unit)', readonly=True, copy=False)
    legal_ext_count = fields.Integer(string='Extension (number)', readonly=True, copy=False)
    legal_ext_unit = fields.Selection(_UNITS, string='Extension (unit)', readonly=True, copy=False)
    legal_pausable = fields.Boolean(string='A pause extends the legal time limit', readonly=True, copy=False)
    legal_paused = fields.Integer(string='Paused (in the unit of the legal time limit)', readonly=True, copy=False)

    @api.model
    def create(self, vals):
        if LEGAL_FIELDS & set(vals) and not is_internal(self):
            raise UserError(_('The legal time limit is set by the complaint or denunciation alone.'))
        return super(ThadsSupportRequest, self).create(vals)

    @api.multi
    def write(self, vals):
        if LEGAL_FIELDS & set(vals) and not is_internal(self):
            raise UserError(_('The legal time limit is set by the complaint or denunciation alone.'))
        return super(ThadsSupportRequest, self).write(vals)

    def _sla_values(self, today):
        values = super(ThadsSupportRequest, self)._sla_values(today)
        if self.legal_deadline:
            total = self._d(self.legal_deadline)
            step = self._d(values['step_deadline']) if values['step_deadline'] else None
            values['total_deadline'] = self.legal_deadline
            values['sla_state'] = sla.state(today, step, total, paused=self.state == 'waiting',
                                            done_on=self._d(self.date_done))
        return values

    def _sla_sql_refresh(self, today=None, ids=None):
        """The legal deadlines first (their inputs and the calendar, set-based),
        then the procedure's clock; the requests with a legal time limit take
        it as their total deadline (same SLA state expression)."""
        cr = self.env.cr
        if ids is None:
            cr.execute("SELECT id FROM thads_support_request WHERE state NOT IN %s AND legal_start IS NOT NULL",
                       (FINAL_STATES,))
            legal_ids = [row[0] for row in cr.fetchall()]
        else:
            legal_ids = list(ids)
        legal_changed = self._legal_sql_refresh(legal_ids)
        changed = list(super(ThadsSupportRequest, self)._sla_sql_refresh(today, ids) or []) + legal_changed
        today = self._d(today) if isinstance(today, str) else (today or self._d(self._today()))
        where = 'r.id = ANY(%(ids)s)' if ids is not None else 'r.state NOT IN %(final)s'
        state = self._SLA_STATE_SQL.format(r='r', step='r.step_deadline', total='r.legal_deadline')
        cr.execute("""
            UPDATE thads_support_request r
               SET total_deadline = r.legal_deadline, sla_state = {state}, sla_rank = {rank}
             WHERE {where} AND r.legal_deadline IS NOT NULL
               AND (r.total_deadline IS DISTINCT FROM r.legal_deadline OR r.sla_state IS DISTINCT FROM {state})
            RETURNING r.id""".format(state=state, rank=SLA_RANK_SQL.format('(%s)' % state), where=where),
            {'ids': list(ids or []), 'today': today, 'final': FINAL_STATES})
        changed = list(changed or []) + [row[0] for row in cr.fetchall()]
        self.invalidate_cache(['total_deadline', 'sla_state', 'sla_rank'])
        return changed

    # ------------------------------------------------------------ legal deadline
    def _legal_deadline_value(self, calendar=None):
        """The legal deadline from its inputs (one request, in Python; the
        calendar hook computes the same in SQL, _legal_sql_refresh): the
        limit counted from its start, then the extension of a complex matter,
        then the paused time where the law does not count it."""
        self.ensure_one()
        if not self.legal_start or not self.legal_unit:
            return self.legal_deadline
        calendar = calendar or self._calendar()
        # the paused time is not counted: the period runs that much longer, and
        # its end rolls over to a working day as any other (Civil Code art. 148)
        count = self.legal_count + (self.legal_paused if self.legal_pausable else 0)
        end = calendar.add(self._d(self.legal_start), count, self.legal_unit)
        if self.legal_ext_count:
            end = calendar.add(end, self.legal_ext_count, self.legal_ext_unit)
        return fields.Date.to_string(end)

    def _legal_days(self, ids):
        """Temporary tables of the working days that the legal deadlines of
        the requests `ids` can reach (from the Python calendar, the one source
        of truth): thads_legal_day(day, n), n the working days from the first
        day up to `day` included, and thads_legal_wd(n, day)."""
        cr = self.env.cr
        cr.execute("""SELECT MIN(legal_start), MAX(legal_start),
                          MAX(COALESCE(legal_count, 0) + COALESCE(legal_ext_count, 0) + COALESCE(legal_paused, 0))
                     FROM thads_support_request WHERE id = ANY(%s) AND legal_start IS NOT NULL""", (ids,))
        first, last, reach = cr.fetchone()
        # N working days, or N days rolled over to a working day, after the
        # latest start, then the extension likewise: at most N + 2 working
        # days beyond it (N: limit, extension and pause together)
        self._working_day_tables('thads_legal', self._d(first), self._d(last), (reach or 0) + 2)

    def _legal_sql_refresh(self, ids):
        """Recompute and store the legal deadlines of the open requests
        `ids` from their inputs, in one UPDATE (as _legal_deadline_value
        does for one), then the complaints' own copies.  Returns the ids
        changed."""
        cr = self.env.cr
        cr.execute("""SELECT id FROM thads_support_request
                       WHERE id = ANY(%s) AND legal_start IS NOT NULL AND legal_unit IS NOT NULL
                         AND state NOT IN %s""", (list(ids), FINAL_STATES))
        ids = [row[0] for row in cr.fetchall()]
        if not ids:
            return []
        self._legal_days(ids)
        base = _add_sql('r.legal_start', '(r.legal_count + CASE WHEN r.legal_pausable THEN COALESCE(r.legal_paused, 0) '
                        'ELSE 0 END)', 'r.legal_unit')
        extended = _add_sql('b.d1', 'b.legal_ext_count', 'b.legal_ext_unit')
        cr.execute("""
            WITH b AS (SELECT r.id, r.legal_ext_count, r.legal_ext_unit, {base} AS d1
                         FROM thads_support_request r WHERE r.id = ANY(%(ids)s)),
                 n AS (SELECT b.id, CASE WHEN COALESCE(b.legal_ext_count, 0) > 0 THEN {extended} ELSE b.d1 END
                                    AS deadline
                         FROM b)
            UPDATE thads_support_request r SET legal_deadline = n.deadline
              FROM n
             WHERE r.id = n.id AND n.deadline IS NOT NULL AND r.legal_deadline IS DISTINCT FROM n.deadline
            RETURNING r.id""".format(base=base, extended=extended), {'ids': ids})
        changed = [row[0] for row in cr.fetchall()]
        cr.execute("DROP TABLE thads_legal_day; DROP TABLE thads_legal_wd")
        self.invalidate_cache(['legal_deadline'])
        self.env['thads.complaint']._sync_deadlines(ids)
        self.env['thads.complaint']._sync_limitations(ids)
        return changed

    def _send(self, template_xmlid):
        """Complaints and denunciations send their own letters (thads.complaint)."""
        return super(ThadsSupportRequest, self.filtered(
            lambda r: r.procedure_code not in COMPLAINT_CODES))._send(template_xmlid)

    def _set_legal_limit(self, start, limit, extension=None):
        """Private: the complaint's own path sets the limit (a
        thads.complaint.limit counted from `start`, with the extension of a
        complex matter) and the clock follows.  A pause counts from here."""
        self.ensure_one()
        internal(self).write({
            'legal_start': start, 'legal_count': limit.count, 'legal_unit': limit.unit,
            'legal_ext_count': extension.count if extension else 0,
            'legal_ext_unit': extension.unit if extension else False,
            'legal_pausable': limit.pausable, 'legal_paused': 0})
        internal(self).write({'legal_deadline': self._legal_deadline_value()})
        self._sla_recompute()
        return self.legal_deadline

    @api.multi
    def action_resume(self):
        """A pause the law does not count (the limit is pausable) moves the
        legal deadline by the working days or days it lasted; otherwise the
        legal deadline stays (the clock only showed the pause)."""
        today = self._d(self._today())
        calendar = self._calendar()
        lost = {}
        for request in self.filtered(lambda r: r.state == 'waiting' and r.legal_pausable and r.legal_start):
            start = self._d(request.pause_start_date)
            if request.legal_unit == UNIT_WORKING_DAYS:
                lost[request.id] = sla.paused_working_days(calendar, start, today)
            else:
                lost[request.id] = max((today - start).days, 0) if start else 0
        res = super(ThadsSupportRequest, self).action_resume()
        for request in self.filtered(lambda r: lost.get(r.id)):
            internal(request).write({'legal_paused': request.legal_paused + lost[request.id]})
            internal(request).write({'legal_deadline': request._legal_deadline_value(calendar)})
            request._sla_recompute()
            self.env['thads.complaint']._sync_deadlines(request.ids)
        return res

    # The request's own outcome buttons would bypass the complaint's checks
    # (limitation, ground, decision, effect on the case): for a complaint or a
    # denunciation they are the complaint's, which calls them on its own path.
    def _check_not_complaint(self):
        if not is_internal(self) and self.filtered(lambda r: r.procedure_code in COMPLAINT_CODES):
            raise UserError(_('This is a complaint or a denunciation: use the buttons of the complaint '
                              '(accept, refuse, decide).'))

    @api.multi
    def action_valid(self):
        self._check_not_complaint()
        return super(ThadsSupportRequest, self).action_valid()

    @api.multi
    def action_refuse(self):
        self._check_not_complaint()
        return super(ThadsSupportRequest, self).action_refuse()

    @api.multi
    def action_done(self):
        self._check_not_complaint()
        return super(ThadsSupportRequest, self).action_done()

    @api.multi
    def action_transfer(self):
        self._check_not_complaint()
        return super(ThadsSupportRequest, self).action_transfer()

    @api.multi
    def action_open_complaint(self):
        self.ensure_one()
        complaint = self.env['thads.complaint'].search([('request_id', '=', self.id)], limit=1)
        if not complaint:
            raise UserError(_('This request is not a complaint or a denunciation.'))
        return complaint._open()
