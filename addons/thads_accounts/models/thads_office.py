from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import offices

OFFICE_KINDS = [
    ('national', 'National office'),            # Cục Quản lý THADS / Tổng cục THADS
    ('province', 'Provincial office'),          # THADS tỉnh / Cục THADS (before 07/2025)
    ('region', 'Regional office'),              # Phòng THADS khu vực (from 07/2025)
    ('district', 'District office'),            # Chi cục THADS (before 07/2025)
    ('army', 'Army enforcement office'),        # Phòng THA quân khu
    ('external', 'Other agency'),
]


class ThadsOffice(models.Model):
    """An enforcement office in the tree of the THADS system.

    The tree changes over time (on 01/07/2025 the 63 Cục and the Chi cục
    were replaced by 34 provincial THADS and 355 regional offices), so an
    office has validity dates and a successor; statistics of past periods
    keep the old offices and roll them into their successors later on.
    """
    _name = 'thads.office'
    _description = 'Enforcement office'
    _parent_store = True
    _parent_order = 'sequence, name'
    _order = 'parent_left'

    name = fields.Char(required=True, translate=False)
    short_name = fields.Char()
    code = fields.Char(required=True, index=True, help='Unique code of the office, e.g. HN or HN-KV01.')
    kind = fields.Selection(OFFICE_KINDS, required=True, default='region')
    is_system = fields.Boolean(
        string='THADS system office', default=True,
        help='Unchecked for offices outside the system (army, other agencies): '
             'cases can be delegated to them but nobody works in them here.')
    parent_id = fields.Many2one('thads.office', string='Parent office', index=True, ondelete='restrict')
    child_ids = fields.One2many('thads.office', 'parent_id', string='Sub-offices')
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    sequence = fields.Integer(default=10)
    date_start = fields.Date(string='Valid from')
    date_end = fields.Date(string='Valid until', help='Last day the office existed.')
    successor_id = fields.Many2one(
        'thads.office', string='Merged into', index=True, ondelete='restrict',
        help='The office that took over the cases of this one when it was abolished.')
    predecessor_ids = fields.One2many('thads.office', 'successor_id', string='Took over')
    head_id = fields.Many2one('res.users', string='Head of office', help='Receives escalations.')
    street = fields.Char(string='Address')
    phone = fields.Char()
    email = fields.Char()
    active = fields.Boolean(default=True)
    user_ids = fields.One2many('res.users', 'thads_office_id', string='Users')
    user_count = fields.Integer(compute='_compute_user_count')

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The office code must be unique.'),
    ]

    def _compute_user_count(self):
        groups = self.env['res.users'].read_group(
            [('thads_office_id', 'in', self.ids)], ['thads_office_id'], ['thads_office_id'])
        counts = {g['thads_office_id'][0]: g['thads_office_id_count'] for g in groups}
        for office in self:
            office.user_count = counts.get(office.id, 0)

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_('An office cannot be its own parent office.'))

    @api.constrains('date_start', 'date_end', 'successor_id')
    def _check_dates(self):
        for office in self:
            if office.date_start and office.date_end and office.date_end < office.date_start:
                raise ValidationError(_('The office "%s" cannot end before it starts.') % office.name)
            if office.successor_id == office:
                raise ValidationError(_('An office cannot be merged into itself.'))

    @api.multi
    def name_get(self):
        return [(office.id, '%s%s' % (office.name, '' if office.active else _(' (abolished)')))
                for office in self]

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        args = list(args or [])
        if name:
            args = ['|', ('code', '=ilike', name + '%'), ('name', operator, name)] + args
        return self.search(args, limit=limit).name_get()

    @api.multi
    def successor_at(self, day):
        """The office that carries this office's figures on `day`: itself
        while it exists, else its (transitive) successor."""
        self.ensure_one()
        day = fields.Date.to_string(day) if not isinstance(day, str) else day
        return offices.successor_at(self, day, lambda office: (office.date_end, office.successor_id))

    @api.multi
    def action_view_users(self):
        self.ensure_one()
        action = self.env.ref('base.action_res_users').read()[0]
        action['domain'] = [('thads_office_id', 'child_of', self.id)]
        action['context'] = {'default_thads_office_id': self.id}
        return action
