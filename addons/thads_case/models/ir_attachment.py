from odoo import _, api, models
from odoo.exceptions import ValidationError

ALLOWED_MIMETYPES = (
    'application/pdf', 'image/jpeg', 'image/png', 'image/tiff',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/zip', 'text/plain',
)


class IrAttachment(models.Model):
    """Files attached to cases stay in the filestore, within a size limit
    (system parameter thads_case.attachment_max_mb, 20 MB) and of document
    or image types."""
    _inherit = 'ir.attachment'

    @api.model
    def _thads_check_case_file(self, vals):
        if vals.get('res_model') != 'thads.case' or not vals.get('datas'):
            return
        max_mb = int(self.env['ir.config_parameter'].sudo().get_param('thads_case.attachment_max_mb', 20))
        size = len(vals['datas']) * 3 // 4  # base64
        if size > max_mb * 1024 * 1024:
            raise ValidationError(_('"%s" is larger than %d MB, the limit for case files.')
                                  % (vals.get('name') or vals.get('datas_fname'), max_mb))
        mimetype = vals.get('mimetype') or self._compute_mimetype(vals)
        if mimetype not in ALLOWED_MIMETYPES:
            raise ValidationError(_('"%s" is of a type that cannot be attached to a case (%s): use PDF, '
                                    'images, office documents or ZIP.') % (vals.get('name'), mimetype))

    @api.model
    def create(self, vals):
        self._thads_check_case_file(vals)
        return super(IrAttachment, self).create(vals)
