from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import identity
from .thads_case import ensure_search_functions, ensure_trigram_indexes


class ResPartner(models.Model):
    """Parties of a case carry a national ID (12-digit CCCD or 9-digit
    CMND) or, for organisations, a tax code."""
    _inherit = 'res.partner'

    thads_id_number = fields.Char(string='ID number', index=True,
                                  help='CCCD (12 digits) or CMND (9 digits); tax code for an organisation.')
    thads_party_ids = fields.One2many('thads.case.party', 'partner_id', string='Cases as a party')
    # what the record rule on partners reads (personal data stays in the
    # office subtree of the cases): stored, so the rule is one indexed lookup
    thads_party = fields.Boolean(string='Party to a case', compute='_compute_thads_offices', store=True,
                                 index=True, compute_sudo=True)
    thads_office_ids = fields.Many2many('thads.office', 'res_partner_thads_office_rel', 'partner_id', 'office_id',
                                        string='Offices of its cases', compute='_compute_thads_offices',
                                        store=True, compute_sudo=True)

    @api.model_cr
    def init(self):
        self.env.cr.execute('CREATE INDEX IF NOT EXISTS res_partner_thads_office_rel_office_idx '
                            'ON res_partner_thads_office_rel (office_id, partner_id)')
        # accent-insensitive search of parties' names, partial ID numbers
        ensure_search_functions(self.env.cr)
        ensure_trigram_indexes(self.env.cr, 'res_partner')

    @api.depends('thads_party_ids.case_id.office_id')
    def _compute_thads_offices(self):
        for partner in self:
            partner.thads_party = bool(partner.thads_party_ids)
            partner.thads_office_ids = partner.thads_party_ids.mapped('case_id.office_id')

    @api.constrains('thads_id_number', 'is_company')
    def _check_thads_id_number(self):
        for partner in self.filtered('thads_id_number'):
            number = identity.normalize(partner.thads_id_number)
            if partner.is_company:
                if not identity.check_tax_code(number):
                    raise ValidationError(_('"%s" is not a valid tax code (10 digits, or 10 digits, '
                                            'a dash and 3 digits).') % partner.thads_id_number)
            elif not identity.check_person_id(number):
                raise ValidationError(_('"%s" is not a valid ID number: a CCCD has 12 digits starting '
                                        'with a province code, a CMND 9 digits.') % partner.thads_id_number)
