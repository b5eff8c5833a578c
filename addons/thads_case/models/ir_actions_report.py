from odoo import api, fields, models

from ..lib import documents


class IrActionsReport(models.Model):
    """Official documents (minutes, receipts, notices, decisions) in the
    print menu, drawn with reportlab in a fixed administrative layout:
    no wkhtmltopdf needed (static/src/js/thads_report.js downloads them)."""
    _inherit = 'ir.actions.report'

    report_type = fields.Selection(selection_add=[('thads_pdf', 'PDF (official document)')])

    @api.multi
    def render_thads_pdf(self, docids):
        """The PDF of the document for `docids`, as the current user: the
        access rules of the records apply (AccessError otherwise)."""
        self.ensure_one()
        records = self.env[self.model].browse(docids)
        records.check_access_rights('read')
        records.check_access_rule('read')
        return documents.render(records._thads_documents(self.report_name), title=self.name)
