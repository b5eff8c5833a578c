from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import lifecycle
from ..models.thads_case import MONEY
from ..models.thads_case_event import EVENT_TYPES, VERIFY_RESULTS


class ThadsCaseEventWizard(models.TransientModel):
    """Asks for what the law requires to record an event (document, date,
    ground, amount, receiving office...) and records it on the case."""
    _name = 'thads.case.event.wizard'
    _description = 'Record a case event'

    case_id = fields.Many2one('thads.case', required=True)
    case_state = fields.Selection(related='case_id.state', readonly=True)
    event_type = fields.Selection(EVENT_TYPES, required=True)
    date = fields.Date(string='Effective date', required=True, default=fields.Date.context_today)
    document_number = fields.Char(string='Document')
    ground = fields.Char(string='Legal ground')
    ground_id = fields.Many2one('thads.case.ground', string='Legal ground (list)',
                                domain="[('event_type', '=', event_type)]")
    has_ground_list = fields.Boolean(compute='_compute_needs')
    result = fields.Selection(VERIFY_RESULTS)
    amount = fields.Float(digits=MONEY)
    obligation_id = fields.Many2one('thads.case.obligation', domain="[('case_id', '=', case_id)]")
    target_office_id = fields.Many2one('thads.office', string='To office')
    executor_id = fields.Many2one('res.users', string='Enforcement officer',
                                  domain=lambda self: [('groups_id', 'in', self.env.ref(
                                      'thads_accounts.group_thads_executor').id)])
    note = fields.Text()
    need_document = fields.Boolean(compute='_compute_needs')
    need_ground = fields.Boolean(compute='_compute_needs')
    need_result = fields.Boolean(compute='_compute_needs')
    need_amount = fields.Boolean(compute='_compute_needs')
    need_office = fields.Boolean(compute='_compute_needs')
    need_executor = fields.Boolean(compute='_compute_needs')
    amount_remaining = fields.Float(related='case_id.amount_remaining', readonly=True)
    amount_held = fields.Float(related='case_id.amount_held', readonly=True)

    @api.depends('event_type')
    def _compute_needs(self):
        for wizard in self:
            transition = lifecycle.TRANSITIONS.get(wizard.event_type)
            needs = transition.needs if transition else ()
            wizard.need_document = 'document' in needs
            wizard.need_ground = 'ground' in needs
            wizard.need_result = 'result' in needs
            wizard.need_amount = 'amount' in needs
            wizard.need_office = 'office' in needs
            wizard.need_executor = 'executor' in needs
            wizard.has_ground_list = bool(wizard.event_type) and bool(self.env['thads.case.ground'].search_count(
                [('event_type', '=', wizard.event_type)]))

    @api.onchange('case_id', 'event_type')
    def _onchange_case(self):
        money = self.case_id.obligation_ids.filtered(lambda o: o.kind == 'money')
        if len(money) == 1:
            self.obligation_id = money
        if self.event_type == 'pay_out':
            self.amount = self.case_id.amount_held
        elif self.event_type in ('delegate',):
            self.amount = 0.0

    @api.multi
    def action_record(self):
        self.ensure_one()
        if self.amount and self.amount != int(self.amount):
            raise UserError(_('Amounts are whole đồng.'))
        event = self.env['thads.case.event'].create({
            'case_id': self.case_id.id, 'event_type': self.event_type, 'date': self.date,
            'document_number': self.document_number or False,
            'ground': self.ground_id.code or self.ground or False,
            'result': self.result or False, 'amount': self.amount or 0.0,
            'obligation_id': self.obligation_id.id or False,
            'target_office_id': self.target_office_id.id or False,
            'executor_id': self.executor_id.id or False, 'note': self.note or False,
        })
        self.case_id.message_post(body=_('%s: %s') % (
            dict(self._fields['event_type']._description_selection(self.env))[event.event_type],
            event.document_number or event.date), subtype='mail.mt_note')
        return {'type': 'ir.actions.act_window_close'}
