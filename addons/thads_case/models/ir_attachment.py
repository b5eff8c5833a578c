import base64
import binascii

from odoo import _, api, models
from odoo.exceptions import ValidationError

from ..lib import filetypes

# the case and the records that belong to it
CASE_MODELS = ('thads.case', 'thads.case.event', 'thads.case.party', 'thads.case.obligation',
               'thads.case.handover', 'thads.case.delegation')
# what changes the content, the name or the owner of an attachment
CHECKED_FIELDS = ('datas', 'db_datas', 'datas_fname', 'name', 'res_model', 'type', 'url')


class IrAttachment(models.Model):
    """Files attached to cases stay in the filestore, within a size limit
    (system parameter thads_case.attachment_max_mb, 20 MB), and are
    documents by their content (lib/filetypes.py): PDF, JPEG, PNG, Word,
    Excel or ZIP, checked on create and on every write."""
    _inherit = 'ir.attachment'

    @api.model
    def _thads_check_case_file(self, res_model, name, datas, kind='binary'):
        if res_model not in CASE_MODELS:
            return
        if kind == 'url':
            raise ValidationError(_('A case file must be uploaded, not given as a link.'))
        max_mb = int(self.env['ir.config_parameter'].sudo().get_param('thads_case.attachment_max_mb', 20))
        try:
            data = base64.b64decode(datas or b'')
        except (binascii.Error, ValueError):
            data = b''
        if len(data) > max_mb * 1024 * 1024:
            raise ValidationError(_('"%s" is larger than %d MB, the limit for case files.') % (name, max_mb))
        problem = filetypes.problem(name, data)
        if problem == 'mismatch':
            raise ValidationError(_('"%s" does not contain what its name says (a renamed file?): it cannot be '
                                    'attached to a case.') % name)
        if problem:
            raise ValidationError(_('"%s" is of a type that cannot be attached to a case: use PDF, JPEG or PNG '
                                    'images, Word or Excel documents or ZIP archives.') % name)

    @api.model
    def create(self, vals):
        self._thads_check_case_file(vals.get('res_model'), vals.get('datas_fname') or vals.get('name'),
                                    vals.get('datas') or vals.get('db_datas'), vals.get('type') or 'binary')
        return super(IrAttachment, self).create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) & set(CHECKED_FIELDS):
            # sudo: read the current content to check it, the write itself is checked by Odoo
            for attachment in self.sudo().with_context(bin_size=False):
                res_model = vals.get('res_model', attachment.res_model)
                if res_model not in CASE_MODELS:
                    continue
                if 'datas' in vals or 'db_datas' in vals:
                    datas = vals.get('datas') or vals.get('db_datas')
                else:
                    datas = attachment.datas
                name = vals.get('datas_fname', attachment.datas_fname) or vals.get('name', attachment.name)
                self._thads_check_case_file(res_model, name, datas, vals.get('type', attachment.type))
        return super(IrAttachment, self).write(vals)
