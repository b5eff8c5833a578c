from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import html_escape

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
        """The cases behind one cell of a report (read with the user's rights)."""
        line = readable(request.env['thads.stat.report.line'].browse(line_id))
        if not line or line.report_id.id != report_id or not readable(line.report_id) \
                or code not in line.report_id.form_id.column_ids.mapped('code'):
            return request.not_found()
        model = line.report_id.form_id._record_model()
        records = request.env[model].search([('id', 'in', line._record_ids(code))])
        column = line.report_id.form_id.column_ids.filtered(lambda c: c.code == code)
        title = '%s - %s %s: %s' % (line.report_id.name, column.code, column.label,
                                     line.executor_id.name if line.level == 'executor' else line.office_id.name)
        if model != 'thads.case':
            return self._drill_page(title, records)
        cases = records
        states = dict(cases._fields['state']._description_selection(request.env))
        rows = ''.join(
            '<tr><td><a href="/web#id=%d&amp;model=thads.case&amp;view_type=form">%s</a></td><td>%s</td>'
            '<td>%s</td><td>%s</td><td>%s</td></tr>' % (
                case.id, html_escape(case.name), html_escape(case.debtor_names or ''),
                html_escape(states.get(case.state, '')), html_escape(case.office_id.name),
                html_escape(case.executor_id.name or '')) for case in cases)
        body = ('<html><head><meta charset="utf-8"/><title>%s</title>'
                '<link rel="stylesheet" href="/web/static/lib/bootstrap/css/bootstrap.css"/></head>'
                '<body class="container"><h3>%s</h3><p>%s</p><table class="table table-condensed">'
                '<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>'
                '<tbody>%s</tbody></table></body></html>') % (
            html_escape(title), html_escape(title), html_escape(_('%d cases') % len(cases)),
            _('Number'), _('Debtor'), _('State'), _('Office'), _('Enforcement officer'), rows)
        return request.make_response(body, headers=[('Content-Type', 'text/html; charset=utf-8')])

    @staticmethod
    def _drill_page(title, records):
        """The records behind a cell of a form computed from a process
        (complaints, coercion...): their names, linked to their forms."""
        rows = ''.join('<tr><td><a href="/web#id=%d&amp;model=%s&amp;view_type=form">%s</a></td></tr>' % (
            record.id, records._name, html_escape(record.display_name)) for record in records)
        body = ('<html><head><meta charset="utf-8"/><title>%s</title>'
                '<link rel="stylesheet" href="/web/static/lib/bootstrap/css/bootstrap.css"/></head>'
                '<body class="container"><h3>%s</h3><p>%s</p><table class="table table-condensed">'
                '<tbody>%s</tbody></table></body></html>') % (
            html_escape(title), html_escape(title), html_escape(_('%d records') % len(records)), rows)
        return request.make_response(body, headers=[('Content-Type', 'text/html; charset=utf-8')])

    @http.route('/thads_stats/report/<int:report_id>/pdf', type='http', auth='user')
    def report_pdf(self, report_id):
        report = readable(request.env['thads.stat.report'].browse(report_id))
        if not report:
            return request.not_found()
        filename = '%s.pdf' % (report.name or 'report').replace('/', '-')
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
