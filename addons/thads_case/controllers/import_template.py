from odoo import http
from odoo.http import request

from ..lib import legacy_template


class LegacyImportTemplate(http.Controller):
    """The legacy import's template, for the users who may import."""

    @http.route('/thads_case/import/template.<string:kind>', type='http', auth='user')
    def template(self, kind, **kwargs):
        if kind not in ('csv', 'xlsx') or not request.env['thads.case.import'].check_access_rights(
                'create', raise_exception=False):
            return request.not_found()
        user = request.env.user
        rows = legacy_template.template_rows(user.thads_office_id.code or 'MA-CQ',
                                             user.login if user.has_group('thads_accounts.group_thads_executor')
                                             else 'chv.dangnhap')
        if kind == 'csv':
            data, mimetype = legacy_template.to_csv(rows), 'text/csv; charset=utf-8'
        else:
            data = legacy_template.to_xlsx(rows)
            mimetype = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        return request.make_response(data, [
            ('Content-Type', mimetype),
            ('Content-Disposition', 'attachment; filename="mau_nhap_ho_so.%s"' % kind)])
