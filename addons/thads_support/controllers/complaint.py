"""The public complaint form (khiếu nại trực tuyến): the same protections
as the support forms (CSRF, the same validation of every field and file,
the same rate limit by address, nothing stored on an error), through the
support controller's own helpers."""
import base64
import datetime

from odoo import _, fields, http
from odoo.http import request

from odoo.addons.thads_case.lib import identity

from .main import SupportController

MEASURES = ('general', 'freeze', 'security', 'coercion')


class ComplaintController(http.Controller):

    # the support form's helpers, shared (not copied): they read `request` only
    _offices = SupportController._offices
    _office_groups = SupportController._office_groups
    _read_files = SupportController._read_files
    _validate_support = SupportController._validate
    _rate_limited = SupportController._rate_limited

    def _render(self, values=None, errors=None):
        return request.render('thads_support.complaint_form_page', {
            'offices': self._offices(), 'values': values or {}, 'errors': errors or [],
            'today': fields.Date.context_today(request.env['thads.complaint'])})

    @http.route('/khieu-nai-truc-tuyen', type='http', auth='public', website=True, methods=['GET'])
    def complaint_form(self, **kw):
        return self._render()

    @http.route('/khieu-nai-truc-tuyen', type='http', auth='public', website=True, methods=['POST'])
    def complaint_submit(self, **post):
        files = [f for f in request.httprequest.files.getlist('attachments') if f and f.filename]
        values, attachments, errors = self._validate_support('petition', post, files)
        values['measure'] = post.get('measure') if post.get('measure') in MEASURES else 'general'
        values['subject_document'] = (post.get('subject_document') or '').strip()[:500]
        known = (post.get('date_known') or '').strip()
        try:
            day = datetime.datetime.strptime(known, '%Y-%m-%d').date()
        except ValueError:
            day = None
        today = fields.Date.from_string(fields.Date.context_today(request.env['thads.complaint']))
        if not day or day > today or day.year < 2000:
            errors.append(_('Give the day you were notified of the decision or learned of the act.'))
        values['date_known'] = known
        if not errors and self._rate_limited():
            errors.append(_('Too many requests from your address in the last hour; please try again later.'))
        if errors:
            return self._render(values, errors)
        vals = {name: values[name] for name in ('applicant_name', 'applicant_phone', 'applicant_email',
                                                'applicant_address', 'content', 'case_reference', 'office_id',
                                                'measure', 'subject_document', 'date_known')}
        vals.update(kind='complaint', channel='online', round='1', client_ip=request.httprequest.remote_addr,
                    applicant_id_number=identity.normalize(values['applicant_id_number']))
        # sudo: a public visitor files one complaint of their own, validated above
        complaint = request.env['thads.complaint'].sudo().with_context(
            mail_create_nosubscribe=True, tracking_disable=True).create(vals)
        for filename, data in attachments:
            request.env['ir.attachment'].sudo().create({
                'name': filename, 'datas_fname': filename, 'datas': base64.b64encode(data),
                'res_model': complaint._name, 'res_id': complaint.id})
        return request.render('thads_support.complaint_thanks_page', {
            'code': complaint.name, 'deadline': complaint.acceptance_deadline})
