from odoo import fields, models


class ThadsCaseParty(models.Model):
    """A creditor, debtor or related person of a case (a partner, so the
    same person is found across cases by ID number)."""
    _name = 'thads.case.party'
    _description = 'Party of a case'
    _order = 'role, id'

    case_id = fields.Many2one('thads.case', required=True, ondelete='cascade', index=True)
    partner_id = fields.Many2one('res.partner', string='Person or organisation', required=True,
                                 index=True, ondelete='restrict')
    role = fields.Selection([('creditor', 'Creditor'), ('debtor', 'Debtor'), ('related', 'Related person')],
                            required=True, default='debtor')
    id_number = fields.Char(related='partner_id.thads_id_number', readonly=False)
    address = fields.Char(related='partner_id.street', readonly=False)
