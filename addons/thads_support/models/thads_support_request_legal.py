from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .thads_support_procedure_complaint import COMPLAINT_CODES, COMPLAINT_PROCEDURES
from .thads_support_request import FINAL_STATES, internal, is_internal
from ..lib import sla


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

    @api.model
    def create(self, vals):
        if 'legal_deadline' in vals and not is_internal(self):
            raise UserError(_('The legal time limit is set by the complaint or denunciation alone.'))
        return super(ThadsSupportRequest, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'legal_deadline' in vals and not is_internal(self):
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
        """After the procedure's clock: the requests with a legal time limit
        take it as their total deadline (same SLA state expression)."""
        changed = super(ThadsSupportRequest, self)._sla_sql_refresh(today, ids)
        cr = self.env.cr
        today = self._d(today) if isinstance(today, str) else (today or self._d(self._today()))
        where = 'r.id = ANY(%(ids)s)' if ids is not None else 'r.state NOT IN %(final)s'
        cr.execute("""
            UPDATE thads_support_request r
               SET total_deadline = r.legal_deadline, sla_state = {state}
             WHERE {where} AND r.legal_deadline IS NOT NULL
               AND (r.total_deadline IS DISTINCT FROM r.legal_deadline OR r.sla_state IS DISTINCT FROM {state})
            RETURNING r.id""".format(state=self._SLA_STATE_SQL.format(
            r='r', step='r.step_deadline', total='r.legal_deadline'), where=where),
            {'ids': list(ids or []), 'today': today, 'final': FINAL_STATES})
        changed = list(changed or []) + [row[0] for row in cr.fetchall()]
        self.invalidate_cache(['total_deadline', 'sla_state'])
        return changed

    def _send(self, template_xmlid):
        """Complaints and denunciations send their own letters (thads.complaint)."""
        return super(ThadsSupportRequest, self.filtered(
            lambda r: r.procedure_code not in COMPLAINT_CODES))._send(template_xmlid)

    def _set_legal_deadline(self, day):
        """Private: the complaint's own path sets the limit and the clock follows."""
        internal(self).write({'legal_deadline': day})
        self._sla_recompute()

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
