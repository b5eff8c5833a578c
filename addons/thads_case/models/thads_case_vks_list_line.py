from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .thads_case import STATE_SELECTION, is_replay
from .thads_case_event import EVENT_TYPES


class ThadsCaseVksListLine(models.Model):
    """One case of a monthly list for the procuracy: what the case held
    when the list was computed.  Written by the list's SQL computation only
    (thads.case.vks.list._compute_lines); no client writes a line."""
    _name = 'thads.case.vks.list.line'
    _description = 'Case of a monthly list for the procuracy'
    _order = 'list_id, sequence'

    list_id = fields.Many2one('thads.case.vks.list', string='List', required=True, readonly=True, index=True,
                              ondelete='cascade')
    sequence = fields.Integer(string='No.', readonly=True)
    case_id = fields.Many2one('thads.case', string='Case', readonly=True, index=True, ondelete='set null')
    case_number = fields.Char(string='Case number', readonly=True)
    decision_number = fields.Char(string='Enforcement decision', readonly=True)
    decision_date = fields.Date(string='Decision date', readonly=True)
    debtor_names = fields.Char(string='Debtors', readonly=True)
    creditor_names = fields.Char(string='Creditors', readonly=True)
    end_event_id = fields.Many2one('thads.case.event', string='Ending event', readonly=True, ondelete='set null')
    end_event_type = fields.Selection(EVENT_TYPES, string='Ending act', readonly=True)
    end_document = fields.Char(string='Ending document', readonly=True)
    end_date = fields.Date(string='Ended on', readonly=True)
    end_state = fields.Selection(STATE_SELECTION, string='How it ended', readonly=True)

    def _refuse(self):
        raise UserError(_('The cases of a monthly list for the procuracy are computed from the case events and '
                          'cannot be added, changed or removed by hand.'))

    @api.model
    def create(self, vals):
        if not is_replay(self):
            self._refuse()
        return super(ThadsCaseVksListLine, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_replay(self):
            self._refuse()
        return super(ThadsCaseVksListLine, self).write(vals)

    @api.multi
    def unlink(self):
        if not is_replay(self):
            self._refuse()
        return super(ThadsCaseVksListLine, self).unlink()
