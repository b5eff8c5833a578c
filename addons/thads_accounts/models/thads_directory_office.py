from odoo import api, fields, models


class ThadsDirectoryOffice(models.Model):
    """The mapping table of the ministry's directory: the unit code of an
    officer's mail account (an attribute of the directory entry, e.g.
    departmentNumber) -> the THADS office their account is created in at
    the first sign-in (README "Sign-in with the ministry's directory")."""
    _name = 'thads.directory.office'
    _description = 'Office code in the directory'
    _order = 'code'
    _rec_name = 'code'

    code = fields.Char(string='Code in the directory', required=True, index=True,
                       help='Value of the office attribute of the directory entries, e.g. THADS.HN.KV01.')
    office_id = fields.Many2one('thads.office', string='THADS office', required=True, index=True,
                                ondelete='cascade', domain=[('is_system', '=', True)])
    note = fields.Char()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'A code of the directory maps to one office only.'),
    ]

    @api.model
    def _thads_office_of(self, codes):
        """The office of the first of ``codes`` that is mapped, else an empty recordset."""
        for code in codes:
            code = (code or '').strip()
            if code:
                row = self.search([('code', '=', code)], limit=1)
                if row:
                    return row.office_id
        return self.env['thads.office']
