from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .thads_stat_internal import internal, is_internal

# set by the model itself: by the create (requester) and the decision
DECISION_FIELDS = ('state', 'requested_by_id', 'decided_by_id', 'report_id')


class ThadsStatUnlockRequest(models.Model):
    """A written request to reopen a closed report: the only way a closed
    report becomes a draft again.  A national statistics officer other than
    the requester decides (the reviewers of base_tier_validation's idea:
    defined by role, never the requester); the decision is audited, then the
    report can be recomputed and closed again as a new version."""
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

    @api.model
    def create(self, vals):
        if vals.get('decided_by_id') or vals.get('state', 'pending') != 'pending':
            raise AccessError(_('An unlock request is created waiting for approval; only a reviewer decides on '
                                'it.'))
        report = self.env['thads.stat.report'].browse(vals.get('report_id'))
        if report.state != 'closed':
            raise UserError(_('Only a closed report can be unlocked; this one is still a draft.'))
        vals = dict(vals, requested_by_id=self.env.uid)  # the requester is whoever asks, never chosen
        return super(ThadsStatUnlockRequest, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_internal(self):
            if any(name in vals for name in DECISION_FIELDS):
                raise AccessError(_('The report, the requester and the decision of an unlock request cannot be '
                                    'changed directly: a reviewer approves or refuses it.'))
            if 'reason' in vals and any(r.state != 'pending' for r in self):
                raise UserError(_('The reason of a decided unlock request cannot be changed.'))
        return super(ThadsStatUnlockRequest, self).write(vals)

    def _check_reviewer(self):
        """Reviewers: the national statistics officers (National reader +
        Statistician), and never the one who asked."""
        user = self.env.user
        if not (user.has_group('thads_accounts.group_thads_national')
                and user.has_group('thads_accounts.group_thads_statistician')):
            raise UserError(_('Only the national statistics officers can decide on an unlock.'))
        if any(request.requested_by_id == user for request in self):
            raise UserError(_('You asked for this unlock yourself: another national statistics officer must '
                              'decide on it.'))

    @api.multi
    def action_approve(self):
        self._check_reviewer()
        for request in self.filtered(lambda r: r.state == 'pending'):
            # sudo: the reviewer was checked above; reopening is the one path
            # that turns a closed report back into a draft
            request.report_id.sudo()._reopen()
            internal(request).write({'state': 'approved', 'decided_by_id': self.env.user.id})
            request.report_id.sudo().message_post(body=_('Unlocked by %s: %s') % (self.env.user.name, request.reason))
        return True

    @api.multi
    def action_refuse(self):
        self._check_reviewer()
        internal(self.filtered(lambda r: r.state == 'pending')).write(
            {'state': 'refused', 'decided_by_id': self.env.user.id})
        return True
