from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import formulas


def _fmt(day):
    return '%s/%s/%s' % (day[8:10], day[5:7], day[:4]) if day else ''


class ThadsStatForm(models.Model):
    """A statistical form as data (e.g. results in cases / in money), with
    its official number, legal basis, regime and validity: a new version
    of a form (same code) is a new record whose validity follows the
    previous one's.  A report may only use the version valid at the end of
    its period."""
    _name = 'thads.stat.form'
    _description = 'Statistical form'
    _order = 'code, date_from desc'

    code = fields.Char(required=True, help='Internal code shared by the versions of one form, e.g. TK-VIEC.')
    official_number = fields.Char(help='The number printed on the form ("Biểu số ...").')
    number_verified = fields.Boolean(
        string='Number verified',
        help='The official number was checked against a source. Unchecked: the number is a working one, and the '
             'exports say so (each column has its own working-model mark).')
    name = fields.Char(required=True, translate=True)
    unit = fields.Selection([('count', 'Cases'), ('money', 'Money (thousand đồng)')], required=True)
    row_levels = fields.Selection(
        [('office', 'Offices'), ('executor', 'Offices and enforcement officers')], string='Rows',
        required=True, default='office',
        help='Offices: a row per office and every level above. Offices and enforcement officers: also a row '
             'per enforcement officer under each office.')
    source = fields.Selection(
        '_selection_source', string='Computed from', required=True, default='cases',
        help='The records the base measures of the columns are computed from (the case journal, or a process '
             'such as exemption, coercion or complaints).')
    money_scope = fields.Selection(
        [('all', 'All obligations'), ('budget', 'Obligations owed to the state budget')],
        string='Obligations counted', required=True, default='all')
    regime = fields.Char(required=True, help='Regulation of this version, e.g. TT 05/2024/TT-BTP.')
    legal_basis = fields.Char(help='The regulation and article that prescribe the form, printed on the exports.')
    period_months = fields.Char(
        string='Period lengths', help='Lengths in months of the periods this form is made for, e.g. "3,6,10,12" for '
                                      'the interagency forms of TTLT 12/2021; empty: every period.')
    date_from = fields.Date(string='Valid from')
    date_to = fields.Date(string='Valid until')
    note = fields.Text(help='What is known and not known about this version (sources, working model).')
    column_ids = fields.One2many('thads.stat.form.column', 'form_id', string='Columns', copy=True)
    working_model = fields.Boolean(compute='_compute_working_model', string='Working model',
                                   help='Some column headings are not verified against an official source.')
    invariants = fields.Text(help='One check per line, "c6 = c7 + c14": differences are listed on the report.')
    active = fields.Boolean(default=True)

    @api.model
    def _selection_source(self):
        return sorted((code, label) for code, (label, _model, _measures)
                      in self.env['thads.stat.engine']._sources().items())

    def _record_model(self):
        """The model of the records behind a cell of this form."""
        self.ensure_one()
        return self.env['thads.stat.engine']._sources()[self.source][1]

    @api.multi
    def name_get(self):
        """The versions of a form share its title: show number and regime."""
        return [(form.id, '%s%s (%s)' % ('%s ' % form.official_number if form.official_number else '', form.name,
                                         form.regime)) for form in self]

    @api.depends('column_ids.working_model', 'number_verified')
    def _compute_working_model(self):
        for form in self:
            form.working_model = not form.number_verified or any(form.column_ids.mapped('working_model'))

    @api.constrains('column_ids', 'invariants')
    def _check_formulas(self):
        for form in self:
            try:
                values = formulas.evaluate(form._columns(), {})
                formulas.violations(form._invariants(), values)
            except (formulas.FormulaError, KeyError) as error:
                raise ValidationError(_('Form %s: %s') % (form.code, error))

    @api.constrains('code', 'date_from', 'date_to', 'active')
    def _check_versions(self):
        for form in self:
            if form.date_from and form.date_to and form.date_to < form.date_from:
                raise ValidationError(_('Form %s: a version cannot end before it starts.') % form.code)
            others = self.search([('code', '=', form.code), ('id', '!=', form.id)])
            for other in others:
                if (form.date_to or '9999') >= (other.date_from or '0000') \
                        and (other.date_to or '9999') >= (form.date_from or '0000'):
                    raise ValidationError(_(
                        'Form %s: the version valid %s overlaps the version valid %s; end the older version '
                        'the day before the new one starts.') % (form.code, form._validity(), other._validity()))

    def _validity(self):
        if self.date_to:
            return _('from %s to %s') % (_fmt(self.date_from) or '...', _fmt(self.date_to))
        return _('from %s') % (_fmt(self.date_from) or '...')

    @api.constrains('period_months')
    def _check_period_months(self):
        for form in self:
            parts = form.period_months.split(',') if form.period_months else []
            if any(not part.strip().isdigit() for part in parts):
                raise ValidationError(_('Form %s: the period lengths are numbers of months separated by commas, '
                                        'e.g. 3,6,10,12.') % form.code)

    def _months(self):
        return [int(part) for part in (self.period_months or '').split(',') if part.strip()]

    def _valid_on(self, day):
        return (not self.date_from or self.date_from <= day) and (not self.date_to or day <= self.date_to)

    @api.model
    def _version_for(self, code, day):
        """The version of form `code` valid on `day` (a period's end)."""
        return self.search([('code', '=', code), '|', ('date_from', '=', False), ('date_from', '<=', day),
                            '|', ('date_to', '=', False), ('date_to', '>=', day)], limit=1)

    def _check_period(self, period):
        """Refuse a version not valid at the end of the period: the form of
        a report is the one in force when the period ends."""
        months = self._months()
        if months and (period.kind != 'periodic' or period.months not in months):
            raise ValidationError(_('The form %s is made for the periods of %s months from 01/10 only, not for the '
                                    'period "%s".') % (self.official_number or self.code,
                                                       ', '.join(str(m) for m in months), period.name))
        if not self._valid_on(period.date_end):
            valid = self._version_for(self.code, period.date_end)
            hint = _('use the version of %s (%s).') % (valid.regime, valid._validity()) if valid \
                else _('no version of this form is valid on that date.')
            raise ValidationError(_(
                'The form %s (%s, %s) is valid %s: it cannot be used for the period "%s", which ends on %s; %s') % (
                self.official_number or self.code, self.code, self.regime, self._validity(), period.name,
                _fmt(period.date_end), hint))

    @api.multi
    def action_new_version(self):
        """A new version of the form (national administrators, no code):
        a copy with its columns, valid from the day after this version
        ends (or from today, ending this one the day before)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        if self.date_to:
            start = fields.Date.to_string(fields.Date.from_string(self.date_to) + _one_day())
        else:
            start = max(today, fields.Date.to_string(fields.Date.from_string(self.date_from or today) + _one_day()))
            self.date_to = fields.Date.to_string(fields.Date.from_string(start) - _one_day())
        version = self.copy({'date_from': start, 'date_to': False, 'number_verified': False,
                             'note': _('New version of %s (%s), to complete: regime, legal basis, headings.')
                             % (self.code, self.regime)})
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': version.id,
                'view_mode': 'form', 'target': 'current'}

    def _columns(self):
        return [(c.code, c.measure, c.formula) for c in self.column_ids.sorted('sequence')]

    def _invariants(self):
        checks = []
        for line in (self.invariants or '').splitlines():
            if '=' in line:
                left, right = line.split('=', 1)
                checks.append((left.strip(), right.strip()))
        return checks


def _one_day():
    import datetime
    return datetime.timedelta(days=1)
