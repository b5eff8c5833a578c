from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import coercion as co
from .thads_case import MONEY, is_replay

# Everything a coercion holds comes from the case's coercion events
# (thads_case_event_coercion.py): written on the replay path only, never by
# a client, whatever its context.  Only the note is the users'.
WORKFLOW_FIELDS = frozenset([
    'case_id', 'decision_event_id', 'office_id', 'executor_id', 'kind', 'decision_number', 'decision_date',
    'immediate', 'state', 'plan_number', 'plan_date', 'planned_at', 'carried_at', 'carried_date', 'result',
    'postponed_count', 'postponed_date', 'cost'])


class ThadsCaseCoercion(models.Model):
    """A coercion (cưỡng chế thi hành án) of a case: its decision (QĐ
    cưỡng chế) of one kind, its plan, when it was carried out and with
    what result, its postponements and its costs.  A view of the case's
    coercion events, rebuilt by their replay (lib/coercion.py): a mistake
    is corrected by a new event, never by editing this record.  One
    decision = one coercion (domain.md §1.2)."""
    _name = 'thads.case.coercion'
    _description = 'Coercion'
    _inherit = ['mail.thread']
    _order = 'decision_date desc, id desc'
    _rec_name = 'decision_number'

    case_id = fields.Many2one('thads.case', string='Case', required=True, readonly=True, index=True,
                              ondelete='cascade')
    decision_event_id = fields.Many2one('thads.case.event', string='Decision event', readonly=True,
                                        ondelete='cascade', index=True)
    office_id = fields.Many2one('thads.office', string='Office', readonly=True, index=True,
                                help='The office in charge when the coercion was decided.')
    executor_id = fields.Many2one('res.users', string='Enforcement officer', readonly=True, index=True)
    kind = fields.Selection([(code, label) for code, label, _basis in co.KINDS], string='Measure',
                            readonly=True, index=True)
    legal_basis = fields.Char(compute='_compute_legal_basis', string='Legal basis of the measure')
    decision_number = fields.Char(string='Coercion decision', readonly=True)
    decision_date = fields.Date(string='Decision date', readonly=True, index=True)
    immediate = fields.Boolean(string='Applied immediately', readonly=True,
                               help='To prevent the debtor from dispersing assets (Law 106/2025 art. 72(1)).')
    state = fields.Selection(co.STATES, readonly=True, index=True, track_visibility='onchange')
    plan_number = fields.Char(string='Coercion plan', readonly=True)
    plan_date = fields.Date(string='Plan date', readonly=True)
    planned_at = fields.Datetime(string='Planned for', readonly=True)
    carried_at = fields.Datetime(string='Carried out at', readonly=True)
    carried_date = fields.Date(string='Day carried out', readonly=True, index=True)
    result = fields.Selection(co.RESULTS, readonly=True, track_visibility='onchange')
    postponed_count = fields.Integer(string='Postponements', readonly=True)
    postponed_date = fields.Date(string='Last postponed on', readonly=True)
    cost = fields.Float(string='Coercion costs (đồng)', digits=MONEY, readonly=True)
    event_ids = fields.One2many('thads.case.event', 'coercion_id', string='Steps', readonly=True)
    case_state = fields.Selection(related='case_id.state', readonly=True)
    note = fields.Text()

    _sql_constraints = [('decision_event_unique', 'unique(decision_event_id)',
                         'A coercion decision opens one coercion.')]

    @api.depends('kind')
    def _compute_legal_basis(self):
        bases = {code: basis for code, _label, basis in co.KINDS}
        for record in self:
            record.legal_basis = bases.get(record.kind) or ''

    @api.model
    def create(self, vals):
        if not is_replay(self):
            raise UserError(_('A coercion is opened by recording a coercion decision on the case; it cannot be '
                              'created directly.'))
        return super(ThadsCaseCoercion, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_replay(self) and WORKFLOW_FIELDS & set(vals):
            raise UserError(_('The data of a coercion come from its steps recorded on the case (decision, plan, '
                              'carrying out, postponement, costs); record a new step instead of changing them.'))
        return super(ThadsCaseCoercion, self).write(vals)

    @api.multi
    def unlink(self):
        if not is_replay(self):
            raise UserError(_('A coercion cannot be deleted: its decision is a recorded event of the case.'))
        return super(ThadsCaseCoercion, self).unlink()

    # ------------------------------------------------------------ actions
    def _step(self, event_type):
        """The event wizard for a step of this coercion."""
        self.ensure_one()
        if event_type not in self.case_id._coercion_allowed_steps(self):
            labels = dict(self.env['thads.case.event']._fields['event_type']._description_selection(self.env))
            raise UserError(_('"%s" cannot be recorded on this coercion now.') % labels.get(event_type))
        action = self.case_id.with_context(event_type=event_type).action_event()
        action['context'] = dict(action['context'], default_coercion_id=self.id)
        return action

    @api.multi
    def action_plan(self):
        return self._step('coercion_plan')

    @api.multi
    def action_carry(self):
        return self._step('coercion_carry')

    @api.multi
    def action_postpone(self):
        return self._step('coercion_postpone')

    @api.multi
    def action_cost(self):
        return self._step('coercion_cost')
