from odoo import _, api, fields, models

from ..lib import coercion as co
from ..models.thads_case import MONEY


class ThadsCaseEventWizardCoercion(models.TransientModel):
    """The coercion steps in the event wizard: the measure of a decision,
    the date and time of a plan or of the carrying out, its result, the
    costs."""
    _inherit = 'thads.case.event.wizard'

    coercion_id = fields.Many2one('thads.case.coercion', string='Coercion',
                                  domain="[('case_id', '=', case_id)]")
    coercion_kind = fields.Selection([(code, label) for code, label, _basis in co.KINDS], string='Measure')
    coercion_at = fields.Datetime(string='Date and time of the coercion')
    coercion_result = fields.Selection(co.RESULTS, string='Result of the coercion')
    coercion_cost = fields.Float(string='Coercion costs (đồng)', digits=MONEY)
    coercion_immediate = fields.Boolean(string='Apply immediately',
                                        help='To prevent the debtor from dispersing assets (Law 106/2025 '
                                             'art. 72(1)): no voluntary period, no notice period.')
    is_coercion = fields.Boolean(compute='_compute_is_coercion')

    @api.depends('event_type')
    def _compute_is_coercion(self):
        for wizard in self:
            wizard.is_coercion = wizard.event_type in co.EVENTS

    @api.multi
    def action_record(self):
        self.ensure_one()
        if self.event_type not in co.EVENTS:
            return super(ThadsCaseEventWizardCoercion, self).action_record()
        event = self.env['thads.case.event'].create({
            'case_id': self.case_id.id, 'event_type': self.event_type, 'date': self.date,
            'document_number': self.document_number or False, 'note': self.note or False,
            'coercion_id': self.coercion_id.id or False, 'coercion_kind': self.coercion_kind or False,
            'coercion_at': self.coercion_at or False, 'coercion_result': self.coercion_result or False,
            'coercion_cost': self.coercion_cost or 0.0, 'coercion_immediate': self.coercion_immediate,
        })
        labels = dict(self._fields['event_type']._description_selection(self.env))
        self.case_id.message_post(body=_('%s: %s') % (labels[event.event_type], event.document_number or event.date),
                                  subtype='mail.mt_note')
        return {'type': 'ir.actions.act_window_close'}
