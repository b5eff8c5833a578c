from odoo import _, api, fields, models
from odoo.exceptions import UserError

CONTENTS = [('complaint', 'Complaint'), ('denunciation', 'Denunciation'), ('petition', 'Request or petition'),
            ('other', 'Other')]
OUTCOMES = [('answered', 'Answered, explained'), ('guided', 'Guided'), ('transferred', 'Transferred'),
            ('filed', 'Filed as a complaint, denunciation or request')]


class ThadsCitizenReception(models.Model):
    """An entry of the citizen reception register (sổ tiếp công dân): who
    came, when, about what case, who received them and what they were
    answered, where they were sent, or what was filed from the visit."""
    _name = 'thads.citizen.reception'
    _description = 'Citizen reception register entry'
    _inherit = ['mail.thread', 'thads.office.mixin']
    _order = 'date desc, id desc'

    name = fields.Char(string='Visitor', required=True, track_visibility='onchange')
    id_number = fields.Char(string='Identity number')
    address = fields.Char()
    phone = fields.Char()
    email = fields.Char()
    visitor_count = fields.Integer(string='Number of people', default=1, required=True)
    date = fields.Datetime(string='Received at', required=True, default=fields.Datetime.now, index=True)
    receiver_id = fields.Many2one('res.users', string='Received by', required=True, index=True,
                                  default=lambda self: self.env.user)
    case_id = fields.Many2one('thads.case', string='Case', index=True)
    content_kind = fields.Selection(CONTENTS, string='About', required=True, default='complaint')
    content = fields.Text(string='What the visitor raised', required=True)
    outcome = fields.Selection(OUTCOMES, index=True, track_visibility='onchange')
    answer = fields.Text(string='Answer or guidance')
    transfer_authority = fields.Char(string='Transferred to')
    complaint_id = fields.Many2one('thads.complaint', string='Complaint or denunciation filed', readonly=True,
                                   copy=False)
    request_id = fields.Many2one('thads.support.request', string='Request filed', readonly=True, copy=False)

    @api.constrains('visitor_count')
    def _check_count(self):
        if any(entry.visitor_count < 1 for entry in self):
            raise UserError(_('At least one person came.'))

    @api.multi
    def write(self, vals):
        if {'complaint_id', 'request_id'} & set(vals) and not self.env.context.get('thads_reception_link') is _LINK:
            raise UserError(_('What was filed from a visit is linked by the buttons of the register.'))
        return super(ThadsCitizenReception, self).write(vals)

    def _check_open(self):
        self.ensure_one()
        if self.complaint_id or self.request_id:
            raise UserError(_('Something was already filed from this visit.'))

    def _link(self, values):
        self.check_access_rights('write')
        self.check_access_rule('write')
        self.with_context(thads_reception_link=_LINK).write(values)

    @api.multi
    def action_answer(self):
        for entry in self:
            if not entry.answer:
                raise UserError(_('Write what the visitor was answered.'))
            entry.outcome = 'answered' if entry.outcome != 'guided' else 'guided'
        return True

    @api.multi
    def action_transfer(self):
        for entry in self:
            if not entry.transfer_authority:
                raise UserError(_('Name the authority the visitor was sent to.'))
            entry.outcome = 'transferred'
        return True

    @api.multi
    def action_file_complaint(self):
        """File a complaint (or a denunciation, by the entry's subject) from
        the visit, received at the desk, and link it."""
        self._check_open()
        kind = 'denunciation' if self.content_kind == 'denunciation' else 'complaint'
        vals = {'kind': kind, 'channel': 'desk', 'office_id': self.office_id.id, 'case_id': self.case_id.id,
                'content': self.content}
        if kind == 'denunciation':
            vals.update(denouncer_name=self.name, denouncer_id_number=self.id_number,
                        denouncer_address=self.address, denouncer_phone=self.phone, denouncer_email=self.email)
        else:
            vals.update(applicant_name=self.name, applicant_id_number=self.id_number, applicant_address=self.address,
                        applicant_phone=self.phone, applicant_email=self.email)
        complaint = self.env['thads.complaint'].create(vals)
        self._link({'complaint_id': complaint.id, 'outcome': 'filed'})
        return complaint._open()

    @api.multi
    def action_file_request(self):
        """File a petition (online support procedure 2) from the visit."""
        self._check_open()
        if not self.email:
            raise UserError(_('A request needs the e-mail address of the visitor.'))
        request = self.env['thads.support.request'].create({
            'procedure_code': 'petition', 'office_id': self.office_id.id, 'case_id': self.case_id.id,
            'applicant_name': self.name, 'applicant_id_number': self.id_number, 'applicant_address': self.address,
            'applicant_phone': self.phone, 'applicant_email': self.email, 'content': self.content})
        self._link({'request_id': request.id, 'outcome': 'filed'})
        return {'type': 'ir.actions.act_window', 'res_model': request._name, 'res_id': request.id,
                'view_mode': 'form', 'target': 'current'}


class _Link(object):
    """Marker of the register's own path (a client context cannot hold it)."""


_LINK = _Link()
