import json
import time

from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import content_disposition, request, serialize_exception
from odoo.tools.safe_eval import safe_eval

class ThadsDocumentController(http.Controller):

    @staticmethod
    def _error(exc, status):
        """An error the web client shows (session.get_file reads the body
        as JSON); never a 500."""
        body = {'code': 200, 'message': _('The document cannot be printed'), 'data': serialize_exception(exc)}
        response = request.make_response(json.dumps(body), headers=[('Content-Type', 'application/json')])
        response.status_code = status  # Odoo 11's make_response takes no status
        return response

    @http.route('/report/thads_pdf/<string:reportname>/<string:docids>', type='http', auth='user')
    def thads_pdf(self, reportname, docids, **kwargs):
        """An official document of the print menu (report_type thads_pdf),
        for records the user may read: 404 for an unknown report or record,
        403 outside the user's scope."""
        report = request.env['ir.actions.report'].sudo().search(
            [('report_name', '=', reportname), ('report_type', '=', 'thads_pdf')], limit=1)
        if not report:
            return request.not_found()
        try:
            ids = [int(part) for part in docids.split(',')]
        except ValueError:
            return request.not_found()
        # sudo: existence only; reading is checked as the user below
        if len(request.env[report.model].sudo().browse(ids).exists()) != len(set(ids)):
            return request.not_found()
        # the report is read as the user: its groups (if any) apply
        report = report.sudo(request.env.uid)
        try:
            report.check_access_rights('read')
            report.check_access_rule('read')
            pdf = report.render_thads_pdf(ids)
        except AccessError as exc:
            return self._error(exc, 403)
        except UserError as exc:
            return self._error(exc, 400)
        filename = report.name
        if report.print_report_name and len(ids) == 1:
            record = request.env[report.model].browse(ids[0])
            filename = safe_eval(report.print_report_name, {'object': record, 'time': time})
        return request.make_response(pdf, headers=[
            ('Content-Type', 'application/pdf'), ('Content-Length', len(pdf)),
            ('Content-Disposition', content_disposition('%s.pdf' % filename.replace('/', '-')))])
