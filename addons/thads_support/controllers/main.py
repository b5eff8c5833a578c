"""Public pages of the online support (no login): one form per procedure,
the status lookup and the published list of debtors without conditions.
Everything a citizen types is validated here; on an error the form comes
back with the message and what was typed, and nothing is stored."""
import base64
import datetime

from odoo import _, fields, http
from odoo.http import request

from odoo.addons.thads_case.lib import identity
from odoo.addons.website.controllers.main import Website

from ..lib import validation

PROCEDURE_SLUGS = {'yeu-cau-thi-hanh-an': 'enforcement', 'kien-nghi-phan-anh': 'petition',
                   'xac-nhan-ket-qua': 'confirmation'}
TEXT_FIELDS = ('applicant_name', 'applicant_id_number', 'applicant_phone', 'applicant_email', 'applicant_address',
               'content', 'court', 'judgment_number', 'debtor_name', 'case_reference', 'petition_type')
MAX_TEXT = 5000


class SupportController(http.Controller):

    # ------------------------------------------------------------ helpers
    def _offices(self):
        return request.env['thads.office'].sudo().search(
            [('is_system', '=', True), ('kind', 'in', ('province', 'region')), ('date_end', '=', False)],
            order='parent_left')

    def _office_groups(self):
        """The offices of the selector by province: [(province, [province,
        its regions...])], in tree order."""
        groups, index = [], {}
        for office in self._offices():
            if office.kind == 'province' or office.parent_id.id not in index:
                index[office.id] = len(groups)
                groups.append((office, [office]))
            else:
                groups[index[office.parent_id.id]][1].append(office)
        return groups

    @staticmethod
    def _date(value):
        """dd/mm/yyyy of an ISO date (or '')."""
        return fields.Date.from_string(value).strftime('%d/%m/%Y') if value else ''

    def _read_files(self, files):
        """(attachments [(name, data)], errors) of uploaded files, checked
        by their content and size (system parameter thads_support.max_upload_mb)."""
        max_mb = int(request.env['ir.config_parameter'].sudo().get_param('thads_support.max_upload_mb', 10))
        messages = {
            'type': _('"%s": only PDF, JPG, PNG and DOCX files are accepted.'),
            'size': _('"%s" is larger than {} MB.').format(max_mb),
            'empty': _('"%s" is empty.'),
            'content': _('"%s" is not what its name says (the content does not match the file type).'),
        }
        attachments, errors = [], []
        max_bytes = max_mb * 1024 * 1024
        for upload in files:
            data = upload.read(max_bytes + 1)  # enough to know it is too big, never more
            problem = validation.file_problem(upload.filename, data, max_bytes)
            if problem:
                errors.append(messages[problem] % upload.filename)
            else:
                attachments.append((upload.filename, data))
        return attachments, errors

    @staticmethod
    def _attach(support, attachments):
        for filename, data in attachments:
            # sudo: the visitor's checked files on the request they sent
            request.env['ir.attachment'].sudo().create({
                'name': filename, 'datas_fname': filename, 'datas': base64.b64encode(data),
                'res_model': support._name, 'res_id': support.id})

    def _procedure_label(self, code):
        Request = request.env['thads.support.request']
        return dict(Request._fields['procedure_code']._description_selection(request.env))[code]

    def _render_form(self, slug, values=None, errors=None):
        code = PROCEDURE_SLUGS[slug]
        return request.render('thads_support.support_form_page', {
            'slug': slug, 'code': code, 'page_title': self._procedure_label(code), 'offices': self._offices(),
            'office_groups': self._office_groups(),
            'values': values or {}, 'errors': errors or [],
        })

    def _validate(self, code, post, files):
        errors = []
        values = {name: (post.get(name) or '').strip()[:MAX_TEXT] for name in TEXT_FIELDS}
        required = [('applicant_name', _('Full name')), ('applicant_id_number', _('Identity number')),
                    ('applicant_email', _('Email')), ('content', _('Content'))]
        if code == 'enforcement':
            required += [('court', _('Court')), ('judgment_number', _('Judgment number'))]
        if code == 'confirmation':
            required += [('case_reference', _('Case number'))]
        for name, label in required:
            if not values[name]:
                errors.append(_('%s is required.') % label)
        if values['applicant_id_number'] and not (validation.check_identity_digits(values['applicant_id_number'])
                                                  and identity.check_person_id(values['applicant_id_number'])):
            errors.append(_('The identity number must have 12 digits (CCCD) or 9 digits (CMND).'))
        if values['applicant_email'] and not validation.check_email(values['applicant_email']):
            errors.append(_('The email address is not valid.'))
        if values['applicant_phone'] and not validation.check_phone(values['applicant_phone']):
            errors.append(_('The phone number is not valid.'))
        office = False
        try:
            office = self._offices().filtered(lambda o: o.id == int(post.get('office_id') or 0))
        except ValueError:
            pass
        if not office:
            errors.append(_('Choose the enforcement office.'))
        attachments, file_errors = self._read_files(files)
        errors += file_errors
        values['office_id'] = office.id if office else False
        return values, attachments, errors

    def _rate_limited(self):
        """The configured number of submissions from one address is reached:
        in the last 60 minutes (stored requests), or in the current clock hour
        (the atomic counter, which also holds for concurrent submissions)."""
        limit = int(request.env['ir.config_parameter'].sudo().get_param('thads_support.rate_limit_per_hour', 5))
        since = fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(hours=1))
        client_ip = request.httprequest.remote_addr
        # sudo: a public visitor counts the requests of their own address only
        count = request.env['thads.support.request'].sudo().search_count(
            [('client_ip', '=', client_ip), ('create_date', '>=', since)])
        if count >= limit:
            return True
        # sudo: the counter is internal bookkeeping, written by this method only
        return not request.env['thads.support.rate.counter'].sudo()._thads_take(client_ip, limit)

    # ------------------------------------------------------------ pages
    @http.route('/ho-tro-truc-tuyen', type='http', auth='public', website=True)
    def index(self, **kw):
        return request.render('thads_support.support_index_page', {
            'procedures': [(slug, self._procedure_label(code)) for slug, code in PROCEDURE_SLUGS.items()]})

    @http.route('/ho-tro-truc-tuyen/gui/<string:slug>', type='http', auth='public', website=True,
                methods=['GET'])
    def form(self, slug, **kw):
        if slug not in PROCEDURE_SLUGS:
            raise request.not_found()
        return self._render_form(slug)

    @http.route('/ho-tro-truc-tuyen/gui/<string:slug>', type='http', auth='public', website=True,
                methods=['POST'])
    def submit(self, slug, **post):
        if slug not in PROCEDURE_SLUGS:
            raise request.not_found()
        code = PROCEDURE_SLUGS[slug]
        files = [f for f in request.httprequest.files.getlist('attachments') if f and f.filename]
        values, attachments, errors = self._validate(code, post, files)
        if not errors and self._rate_limited():
            errors.append(_('Too many requests from your address in the last hour; please try again later.'))
        if errors:
            return self._render_form(slug, values, errors)
        vals = dict(values, procedure_code=code, client_ip=request.httprequest.remote_addr,
                    applicant_id_number=identity.normalize(values['applicant_id_number']))
        vals['petition_type'] = vals['petition_type'] if vals['petition_type'] in (
            'de_nghi', 'kien_nghi', 'phan_anh') else False
        support = request.env['thads.support.request'].sudo().with_context(
            mail_create_nosubscribe=True, tracking_disable=True).create(vals)
        self._attach(support, attachments)
        return request.render('thads_support.support_thanks_page', {'code': support.name,
                                                                     'deadline': self._date(support.total_deadline)})

    @http.route('/ho-tro-truc-tuyen/tra-cuu', type='http', auth='public', website=True, methods=['GET', 'POST'])
    def lookup(self, code=None, id_number=None, **kw):
        result, error = None, None
        if request.httprequest.method == 'POST':
            result = request.env['thads.support.request'].public_lookup(code, id_number)
            if not result:
                error = _('No request matches this receipt code and identity number.')
        return request.render('thads_support.support_lookup_page', {
            'result': result, 'error': error, 'code': code or ''})

    @http.route('/ho-tro-truc-tuyen/chua-co-dieu-kien', type='http', auth='public', website=True)
    def published_debtors(self, page=1, **kw):
        """The public list of debtors without conditions to execute (only
        cases whose publication was decided)."""
        Case = request.env['thads.case'].sudo()
        domain = [('publication_state', '=', 'published')]
        total = Case.search_count(domain)
        pages = (total + 49) // 50
        try:
            page = int(str(page)[:12])
        except ValueError:
            page = 1
        page = min(max(page, 1), max(pages, 1))  # bounded: any page number answers a page
        cases = Case.search(domain, order='publication_date desc, id desc', limit=50, offset=(page - 1) * 50)
        citations = self._citations()
        rows = []
        for case in cases:
            ground = case.no_condition_ground or ''
            debtors = case.party_ids.filtered(lambda p: p.role == 'debtor')
            rows.append({'debtor': case.debtor_names, 'office': case.office_id.name,
                         'address': '; '.join(a for a in debtors.mapped('address') if a),
                         'decision': citations.get(' '.join(ground.split()).lower()) or validation.citation(ground),
                         'date': self._date(case.publication_date)})
        return request.render('thads_support.support_debtors_page', {'rows': rows, 'page': page, 'total': total,
                                                                      'pages': pages})

    @staticmethod
    def _citations():
        """{code, citation or alias (lower case): citation} of the grounds of
        "no conditions to execute" (public reference data)."""
        citations = {}
        # sudo: the list of legal grounds is public reference data
        for ground in request.env['thads.case.ground'].sudo().search([('event_type', '=', 'no_condition')]):
            for spelling in [ground.code, ground.citation] + (ground.aliases or '').split(','):
                if spelling and spelling.strip():
                    citations[' '.join(spelling.split()).lower()] = ground.citation
        return citations

    @http.route('/ho-tro-truc-tuyen/bo-sung', type='http', auth='public', website=True, methods=['GET', 'POST'])
    def complete(self, code=None, id_number=None, **kw):
        """The applicant sends the missing documents after an "incomplete"
        notice: the receipt code and the identity number find the request
        (the same answer for a wrong code and a wrong number), only while it
        waits for them; the files are checked like those of the forms."""
        values = {'code': code or '', 'errors': [], 'done': False}
        if request.httprequest.method == 'POST':
            files = [f for f in request.httprequest.files.getlist('attachments') if f and f.filename]
            Request = request.env['thads.support.request']
            support = Request._public_find(code, id_number)
            errors = []
            if not support:
                errors.append(_('No request matches this receipt code and identity number.'))
            elif support.state != 'waiting':
                errors.append(_('This request is not waiting for documents.'))
            if not files and not errors:
                errors.append(_('Choose the documents to send.'))
            attachments, file_errors = self._read_files(files) if not errors else ([], [])
            errors += file_errors
            if not errors and self._rate_limited():
                errors.append(_('Too many requests from your address in the last hour; please try again later.'))
            if not errors:
                self._attach(support, attachments)
                support._public_documents_received([name for name, _data in attachments])
                values.update(done=True, code=support.name, count=len(attachments))
            values['errors'] = errors
        return request.render('thads_support.support_complete_page', values)

    @http.route('/ho-tro-truc-tuyen/lien-he', type='http', auth='public', website=True)
    def contact(self, **kw):
        """The agency and the offices with their contact data, by province."""
        return request.render('thads_support.support_contact_page', {'office_groups': self._office_groups()})


class SupportWebsite(Website):
    """The site root leads to the online support."""

    @http.route('/', type='http', auth='public', website=True)
    def index(self, **kw):
        return request.redirect('/ho-tro-truc-tuyen')
