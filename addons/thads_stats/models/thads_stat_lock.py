from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .thads_stat_internal import refuse_direct


class ThadsStatLock(models.Model):
    """Events of an office subtree dated up to date_end are frozen once a
    period is closed (the lock-date pattern of Odoo accounting).  Locks are
    set by closing a report and lifted by an approved unlock request only."""
    _name = 'thads.stat.lock'
    _inherit = ['thads.stat.figures.mixin']
    _description = 'Statistics lock'
    _order = 'date_end desc'

    office_id = fields.Many2one('thads.office', required=True, index=True)
    date_end = fields.Date(required=True, index=True)
    report_id = fields.Many2one('thads.stat.report', ondelete='set null')
    active = fields.Boolean(default=True)

    def _refuse_direct(self):
        refuse_direct(self, _('Statistics locks are set only by closing a report and lifted only by an approved '
                              'unlock request; they cannot be created, changed or deleted directly.'))

    @api.model
    def _check_locked(self, office, day):
        """Raise when `day` is locked for `office` (a lock on it or above)."""
        ancestors, node = [], office.sudo()
        while node:  # the tree is shallow: walking it beats parent_left in a stale cache
            ancestors.append(node.id)
            node = node.parent_id
        # sudo: a lock set above the user's subtree (e.g. a national report)
        # still freezes their events; only its office and report are named
        lock = self.sudo().search([('office_id', 'in', ancestors), ('date_end', '>=', day)], limit=1)
        if lock:
            raise UserError(_('The statistics of %s are closed up to %s (report %s): events dated %s can no '
                              'longer be recorded, changed or deleted. Ask for an unlock with a reason.')
                            % (lock.office_id.name, lock.date_end, lock.report_id.name or '', day))
