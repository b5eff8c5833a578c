from odoo import api, fields, models


class ResPartner(models.Model):
    """The contacts an office administrator may edit: those of the accounts
    he manages (his subtree, no national account) and the contact of an
    account he is creating.  A search-only field, because res.partner's
    user_ids is auto_join: a dotted path on it in a record rule would drop
    the contacts without account."""
    _inherit = 'res.partner'

    thads_managed_by = fields.Many2one(
        'res.users', string='Managed by', compute='_compute_thads_managed_by',
        search='_search_thads_managed_by',
        help='Search only: the contacts this administrator may edit.')

    @api.multi
    def _compute_thads_managed_by(self):
        for partner in self:
            partner.thads_managed_by = False

    @api.model
    def _search_thads_managed_by(self, operator, value):
        # sudo: called by the record rules (already sudo) to list ids only
        Users = self.env['res.users'].sudo().with_context(active_test=False)
        admin = Users.browse(value)
        offices = admin.thads_office_id
        users = Users.search([('thads_office_id', 'child_of', offices.ids),
                              ('thads_national_account', '=', False)]) if offices else Users
        return ['|', ('id', 'in', users.mapped('partner_id').ids),
                '&', ('user_ids', '=', False), ('create_uid', '=', admin.id)]
