from odoo import api, fields, models


class ResGroups(models.Model):
    """The national groups: the one definition of what an office
    administrator may never grant, nor manage the accounts of.  Each addon
    flags its own national groups in its security data
    (thads_national = True); a group or role implying one is national too."""
    _inherit = 'res.groups'

    thads_national = fields.Boolean(
        string='National group', default=False,
        help='Reserved to the national administration: office administrators may not grant it '
             '(nor any role implying it) and may not manage the accounts holding it.')

    @api.model
    def _thads_national_groups(self):
        """The flagged groups and every group (roles included) implying one."""
        # sudo: the set is the same whoever asks, and office administrators
        # cannot read every group; nothing is returned to the caller but ids
        groups = self.sudo().with_context(active_test=False).search([])
        flagged = groups.filtered('thads_national')
        return groups.filtered(lambda g: g in flagged or g.trans_implied_ids & flagged)
