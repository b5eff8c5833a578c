from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import identity


class ResPartner(models.Model):
    """Parties of a case carry a national ID (12-digit CCCD or 9-digit
    CMND) or, for organisations, a tax code."""
    _inherit = 'res.partner'

    thads_id_number = fields.Char(string='ID number', index=True,
                                  help='CCCD (12 digits) or CMND (9 digits); tax code for an organisation.')

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
