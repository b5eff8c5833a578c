from odoo import fields, models

from .res_users import JOB_TITLES


class ResUsersRole(models.Model):
    """base_user_role roles carry the job title they are meant for, so the
    user form proposes the right role when the job title is chosen."""
    _inherit = 'res.users.role'

    thads_job_titles = fields.Char(
        string='THADS job titles',
        help='Comma-separated job title codes this role is for: %s.' % ', '.join(c for c, _l in JOB_TITLES))
