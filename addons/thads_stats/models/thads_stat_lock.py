from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ThadsStatLock(models.Model):
    """Events of an office subtree dated up to date_end are frozen once a
    period is closed (the lock-date pattern of Odoo accounting)."""
    _name = 'thads.stat.lock'
    _description = 'Statistics lock'
    _order = 'date_end desc'

    office_id = fields.Many2one('thads.office', required=True, index=True)
    date_end = fields.Date(required=True, index=True)
    report_id = fields.Many2one('thads.stat.report', ondelete='set null')
    active = fields.Boolean(default=True)

    @api.model
    def check(self, office, day):
        """Raise when `day` is locked for `office` (a lock on it or above)."""
        ancestors, node = [], office.sudo()
        while node:  # the tree is shallow: walking it beats parent_left in a stale cache
            ancestors.append(node.id)
            node = node.parent_id
        lock = self.sudo().search([('office_id', 'in', ancestors), ('date_end', '>=', day)], limit=1)
        if lock:
            raise UserError(_('The statistics of %s are closed up to %s (report %s): events dated %s can no '
                              'longer be recorded, changed or deleted. Ask for an unlock with a reason.')
                            % (lock.office_id.name, lock.date_end, lock.report_id.name or '', day))


class ThadsStatUnlockRequest(models.Model):
    """A written request to reopen a closed report; the national statistics
    role approves it (audited), then the report can be recomputed and closed
    again as a new version."""
    _name = 'thads.stat.unlock.request'
    _description = 'Request to unlock a closed period'
    _inherit = ['mail.thread']
    _order = 'id desc'

    report_id = fields.Many2one('thads.stat.report', required=True, ondelete='cascade')
    reason = fields.Text(required=True)
    state = fields.Selection([('pending', 'Waiting for approval'), ('approved', 'Approved'),
                              ('refused', 'Refused')], default='pending', readonly=True,
                             track_visibility='onchange')
    requested_by_id = fields.Many2one('res.users', default=lambda self: self.env.user, readonly=True)
    decided_by_id = fields.Many2one('res.users', readonly=True)

    def _check_approver(self):
        user = self.env.user
        if not (user.has_group('thads_accounts.group_thads_national')
                and user.has_group('thads_accounts.group_thads_statistician')):
            raise UserError(_('Only the national statistics officers can decide on an unlock.'))

    @api.multi
    def action_approve(self):
        self._check_approver()
        for request in self.filtered(lambda r: r.state == 'pending'):
            request.report_id.sudo()._reopen()
            request.write({'state': 'approved', 'decided_by_id': self.env.user.id})
            request.report_id.sudo().message_post(body=_('Unlocked by %s: %s') % (self.env.user.name, request.reason))
        return True

    @api.multi
    def action_refuse(self):
        self._check_approver()
        self.filtered(lambda r: r.state == 'pending').write({'state': 'refused', 'decided_by_id': self.env.user.id})
        return True
