from odoo import api, fields, models

# Record-rule domains every THADS model uses; the rules themselves are
# generated from the access table (lib/access_table.py, tools/gen_access.py):
#   own office subtree:  [('office_id', 'child_of', user.thads_office_id.ids)]
#   national roles:      [(1, '=', 1)]
OFFICE_SUBTREE_DOMAIN = "[('office_id', 'child_of', user.thads_office_id.ids)]"
EVERYTHING_DOMAIN = "[(1, '=', 1)]"


class ThadsOfficeMixin(models.AbstractModel):
    """Every THADS record belongs to an office; access follows the office
    tree.  Inherit this and add the model's row to the access table."""
    _name = 'thads.office.mixin'
    _description = 'Record owned by an office'

    office_id = fields.Many2one(
        'thads.office', string='Office', required=True, index=True, ondelete='restrict',
        default=lambda self: self.env.user.thads_office_id,
        domain=[('is_system', '=', True)])

    @api.model
    def _thads_user_office_ids(self, user=None):
        """Ids of the offices the user may see (their subtree), all for
        national roles.  For SQL queries that cannot go through ir.rule."""
        user = user or self.env.user
        if user.has_group('thads_accounts.group_thads_national'):
            return self.env['thads.office'].sudo().with_context(active_test=False).search([]).ids
        if not user.thads_office_id:
            return []
        return self.env['thads.office'].sudo().with_context(active_test=False).search(
            [('id', 'child_of', user.thads_office_id.id)]).ids
