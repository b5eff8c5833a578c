from odoo import _, http
from odoo.http import request
from odoo.tools import html_escape


class ThadsStatsController(http.Controller):

    @http.route('/thads_stats/drill/<int:report_id>/<int:line_id>/<string:code>', type='http', auth='user')
    def drill(self, report_id, line_id, code):
        """The cases behind one cell of a report (read with the user's rights)."""
        line = request.env['thads.stat.report.line'].browse(line_id).exists()
        if not line or line.report_id.id != report_id or code not in line.report_id.form_id.column_ids.mapped('code'):
            return request.not_found()
        line.report_id.check_access_rule('read')
        cases = request.env['thads.case'].search([('id', 'in', line.case_ids(code))])
        column = line.report_id.form_id.column_ids.filtered(lambda c: c.code == code)
        states = dict(cases._fields['state']._description_selection(request.env))
        rows = ''.join(
            '<tr><td><a href="/web#id=%d&amp;model=thads.case&amp;view_type=form">%s</a></td><td>%s</td>'
            '<td>%s</td><td>%s</td><td>%s</td></tr>' % (
                case.id, html_escape(case.name), html_escape(case.debtor_names or ''),
                html_escape(states.get(case.state, '')), html_escape(case.office_id.name),
                html_escape(case.executor_id.name or '')) for case in cases)
        title = '%s - %s %s: %s' % (line.report_id.name, column.code, column.label,
                                     line.executor_id.name if line.level == 'executor' else line.office_id.name)
        body = ('<html><head><meta charset="utf-8"/><title>%s</title>'
                '<link rel="stylesheet" href="/web/static/lib/bootstrap/css/bootstrap.css"/></head>'
                '<body class="container"><h3>%s</h3><p>%s</p><table class="table table-condensed">'
                '<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>'
                '<tbody>%s</tbody></table></body></html>') % (
            html_escape(title), html_escape(title), html_escape(_('%d cases') % len(cases)),
            _('Number'), _('Debtor'), _('State'), _('Office'), _('Enforcement officer'), rows)
        return request.make_response(body, headers=[('Content-Type', 'text/html; charset=utf-8')])

    @http.route('/thads_stats/report/<int:report_id>/pdf', type='http', auth='user')
    def report_pdf(self, report_id):
        report = request.env['thads.stat.report'].browse(report_id).exists()
        if not report:
            return request.not_found()
        report.check_access_rule('read')
        filename = '%s.pdf' % (report.name or 'report').replace('/', '-')
        return request.make_response(report.render_pdf(), headers=[
            ('Content-Type', 'application/pdf'),
            ('Content-Disposition', http.content_disposition(filename))])
