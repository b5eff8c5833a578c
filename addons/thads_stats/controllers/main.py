import werkzeug.urls
import werkzeug.utils

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.report_xlsx.controllers.main import ReportController

XLSX_REPORT = 'thads_stats.stat_report_xlsx'


def readable(records):
    """`records` if they exist and the user may read every one of them
    (record rules included), else an empty recordset: the routes then
    answer 404 without telling whether the record exists elsewhere."""
    existing = records.exists()
    if len(existing) != len(records):
        return records.browse()
    try:
        existing.check_access_rights('read')
        existing.check_access_rule('read')
    except AccessError:
        return records.browse()
    return existing


class ThadsStatsController(http.Controller):

    @http.route('/thads_stats/drill/<int:report_id>/<int:line_id>/<string:code>', type='http', auth='user')
    def drill(self, report_id, line_id, code):
        """The records behind one cell of a report: a link into the web
        client, which lists them (server action thads_stats.
        action_server_stat_drill, read with the user's rights); 404 for a
        row the user may not read."""
        line = readable(request.env['thads.stat.report.line'].browse(line_id))
        if not line or line.report_id.id != report_id or not readable(line.report_id) \
                or code not in line.report_id.form_id.column_ids.mapped('code'):
            return request.not_found()
        return werkzeug.utils.redirect('/web#action=thads_stats.action_server_stat_drill&active_id=%d&code=%s' % (
            line.id, werkzeug.urls.url_quote(code)), 303)

    @http.route('/thads_stats/report/<int:report_id>/pdf', type='http', auth='user')
    def report_pdf(self, report_id):
        report = readable(request.env['thads.stat.report'].browse(report_id))
        if not report:
            return request.not_found()
        filename = '%s.pdf' % report.export_filename()
        return request.make_response(report.render_pdf(), headers=[
            ('Content-Type', 'application/pdf'),
            ('Content-Disposition', http.content_disposition(filename))])


class ThadsStatsReportController(ReportController):
    """The xlsx export of a report the user may not read answers 404 (the
    report engine would raise AccessError, a 500 in Odoo 11)."""

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        if reportname == XLSX_REPORT and docids:
            try:
                ids = [int(i) for i in docids.split(',')]
            except ValueError:
                return request.not_found()
            if not readable(request.env['thads.stat.report'].browse(sorted(set(ids)))):
                return request.not_found()
        return super(ThadsStatsReportController, self).report_routes(reportname, docids, converter, **data)
