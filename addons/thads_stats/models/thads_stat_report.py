import json
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from odoo.addons.queue_job.job import job
from odoo.addons.thads_accounts.lib import offices

from ..lib import formulas
from .thads_stat_internal import internal, is_internal

# written only by computing, closing and an approved unlock request
INTERNAL_FIELDS = ('state', 'version', 'computed_at', 'line_ids', 'violations', 'job_action', 'job_uuid', 'name')
# what the figures are computed for: chosen on a draft only
SCOPE_FIELDS = ('form_id', 'period_id', 'office_id')


class ThadsStatReport(models.Model):
    """A statistical form computed for a period and an office subtree, with
    rows per executor, office and every level above up to the scope office.
    Closing stores the figures (a snapshot) and locks the events of the
    period; reopening needs an approved unlock request."""
    _name = 'thads.stat.report'
    _description = 'Statistical report'
    _inherit = ['mail.thread']
    _order = 'id desc'

    name = fields.Char(compute='_compute_name', store=True)
    form_id = fields.Many2one('thads.stat.form', required=True, readonly=True,
                              states={'draft': [('readonly', False)]})
    period_id = fields.Many2one('thads.stat.period', required=True, readonly=True,
                                states={'draft': [('readonly', False)]})
    office_id = fields.Many2one('thads.office', required=True, readonly=True, index=True,
                                states={'draft': [('readonly', False)]},
                                default=lambda self: self.env.user.thads_office_id)
    state = fields.Selection([('draft', 'Draft'), ('closed', 'Closed')], default='draft', readonly=True,
                             track_visibility='onchange', copy=False)
    version = fields.Integer(default=0, readonly=True, track_visibility='onchange', copy=False)
    computed_at = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many('thads.stat.report.line', 'report_id', readonly=True)
    violations = fields.Text(readonly=True, copy=False)
    table_html = fields.Html(compute='_compute_table_html', sanitize=False)
    # large scopes (a province, the nation) are computed and closed by a
    # queue job; the form shows it until it is done
    job_action = fields.Selection([('compute', 'Compute'), ('close', 'Close the period')], string='Background action',
                                  readonly=True, copy=False)
    job_uuid = fields.Char(string='Job UUID', readonly=True, copy=False)
    job_state = fields.Char(compute='_compute_job_state', string='Background job')
    job_running = fields.Boolean(string='Job running', compute='_compute_job_state')
    close_summary = fields.Text(compute='_compute_close_summary', string='What closing locks')

    # ------------------------------------------------- direct writes (RPC)
    @api.model
    def create(self, vals):
        if any(vals.get(name) for name in INTERNAL_FIELDS if name not in ('state', 'name')) \
                or (vals.get('state') or 'draft') != 'draft':
            raise AccessError(_('A statistical report is created as a draft without figures: its figures and its '
                                'state come only from computing and closing it.'))
        return super(ThadsStatReport, self).create(vals)

    @api.multi
    def write(self, vals):
        if is_internal(self):
            return super(ThadsStatReport, self).write(vals)
        if any(name in vals for name in INTERNAL_FIELDS):
            raise AccessError(_('The state and the figures of a statistical report cannot be changed directly: '
                                'they come from computing and closing it, and a closed report is reopened only '
                                'by an approved unlock request.'))
        scope = [name for name in SCOPE_FIELDS if name in vals]
        if scope:
            if any(report.state == 'closed' for report in self):
                raise AccessError(_('A closed report cannot be changed; request an unlock with a reason.'))
            if any(report.job_running for report in self):
                raise UserError(_('This report is being computed in the background; wait until it is done.'))
        result = super(ThadsStatReport, self).write(vals)
        if scope:
            self.check_access_rule('write')  # not moved out of the user's subtree
            # figures of another form, period or office: drop them
            for report in self:
                internal(report)._store_lines([])
                internal(report).write({'computed_at': False, 'violations': False})
        return result

    @api.multi
    def unlink(self):
        if any(report.state == 'closed' or report.version for report in self):
            raise AccessError(_('A report that has been closed is part of the official record and cannot be '
                                'deleted.'))
        return super(ThadsStatReport, self).unlink()

    @api.constrains('form_id', 'period_id')
    def _check_form_version(self):
        """The form version must be valid at the end of the period."""
        for report in self:
            report.form_id._check_period(report.period_id)

    @api.onchange('period_id')
    def _onchange_period_form_version(self):
        """Another period: the version of the same form valid for it."""
        if self.form_id and self.period_id and not self.form_id._valid_on(self.period_id.date_end):
            version = self.form_id._version_for(self.form_id.code, self.period_id.date_end)
            if version:
                self.form_id = version

    def _check_can_change(self):
        """Computing and closing write the figures: only for those who may
        change the report (statisticians of its subtree)."""
        self.check_access_rights('write')
        self.check_access_rule('write')

    @api.depends('form_id', 'period_id', 'office_id')
    def _compute_name(self):
        for report in self:
            report.name = '%s - %s - %s' % (report.form_id.code or '', report.office_id.short_name
                                            or report.office_id.name or '', report.period_id.name or '')

    @api.depends('job_uuid', 'job_action')
    def _compute_job_state(self):
        states = dict(self.env['queue.job'].fields_get(['state'])['state']['selection'])
        for report in self:
            queued = report.job_uuid and self.env['queue.job'].sudo().search(
                [('uuid', '=', report.job_uuid)], limit=1)
            report.job_state = states.get(queued.state) if queued else False
            # a failed job shows its state and lets the user start again
            report.job_running = bool(report.job_action and queued and queued.state not in ('done', 'failed'))

    # ------------------------------------------------------------ compute
    def _in_background(self, action):
        """Queue the action when the scope is large (system parameter
        thads_stats.sync_office_limit, offices); True when queued."""
        limit = int(self.env['ir.config_parameter'].sudo().get_param('thads_stats.sync_office_limit', 50))
        if len(self._scope_offices()) <= limit:
            return False
        if self.job_running:
            raise UserError(_('This report is already being computed in the background; '
                              'you will be notified when it is done.'))
        self.message_subscribe(partner_ids=self.env.user.partner_id.ids)
        label = _('Close the period') if action == 'close' else _('Compute')
        delayed = self.with_delay(description='%s: %s' % (label, self.name))._job_run(action)
        if hasattr(delayed, 'uuid'):  # not run at once by queue_job's test switch
            internal(self).write({'job_action': action, 'job_uuid': delayed.uuid})
        return True

    @job(default_channel='root.thads_stats')
    @api.multi
    def _job_run(self, action):
        """The queued computation or close; its followers are told."""
        self.ensure_one()
        if action == 'close':
            self._close()
        elif self.state == 'draft':
            self._compute_lines()
            self.message_post(body=_('Figures computed.'), subtype='mail.mt_comment')
        internal(self).write({'job_action': False})
        return _('Report %s: %s done') % (self.name, action)

    def _scope_offices(self):
        return self.env['thads.office'].sudo().with_context(active_test=False).search(
            [('id', 'child_of', self.office_id.id)])

    @api.multi
    def action_compute(self):
        self._check_can_change()
        for report in self:
            if report.state == 'closed':
                raise UserError(_('A closed report keeps its figures; request an unlock to recompute it.'))
            if not report._in_background('compute'):
                report._compute_lines()
        return True

    def _compute_lines(self):
        scope = self._scope_offices()
        period = self.period_id
        form = self.form_id
        measures = self.env['thads.stat.engine']._form_measures(form, period.year_start(), period.date_end,
                                                                scope.ids)
        unit = form.unit
        per_executor = form.row_levels == 'executor'
        # the tree in one query: a national form walks a thousand offices
        self.env.cr.execute('SELECT id, parent_id, successor_id, date_end, parent_left FROM thads_office '
                            'WHERE id IN %s', (tuple(scope.ids),))
        tree = {row[0]: row[1:] for row in self.env.cr.fetchall()}

        def lookup(office_id):
            return (tree[office_id][2], tree[office_id][1]) if office_id in tree else None

        rows = {}

        def add(key, base):
            target = rows.setdefault(key, {})
            for measure, value in base.items():
                target[measure] = target.get(measure, 0) + value

        for (office_id, executor_id), values in measures.items():
            # historical offices report through their successor at the period end
            office_id = offices.successor_at(office_id, period.date_end, lookup)
            base = values.get(unit) or {}
            if per_executor:
                add(('executor', office_id, executor_id or False), base)
            node = office_id
            while node in tree:  # the office and every level above, up to the scope
                add(('office', node, False), base)
                node = tree[node][0]
        columns = self.form_id._columns()
        invariants = self.form_id._invariants()
        rate_code = self.form_id.column_ids.filtered('is_percent')[:1].code
        problems = []
        lines = []
        # executors by name under their office (the office's tree position first)
        executor_ids = sorted({key[2] for key in rows if key[2]})
        # sudo: only the names of the executors counted in the figures
        executors = self.env['res.users'].sudo().with_context(active_test=False).browse(executor_ids)
        rank = {user.id: index for index, user in enumerate(
            executors.sorted(lambda u: ((u.name or '').lower(), u.id)), start=1)}
        for (level, office_id, executor_id), base in rows.items():
            values = formulas.evaluate(columns, base)
            for left, right, lval, rval in formulas.violations(invariants, values):
                problems.append(_('%s: %s = %s but %s = %s') % (
                    self.env['thads.office'].browse(office_id).name, left, lval, right, rval))
            left_key = tree[office_id][3] if office_id in tree else 0
            lines.append((level, office_id, executor_id or None, json.dumps(values), values.get(rate_code) or 0.0,
                          '%08d-%d-%06d' % (left_key or 0, level == 'executor', rank.get(executor_id, 0))))
        self._store_lines(lines)
        internal(self).write({'computed_at': fields.Datetime.now(), 'violations': '\n'.join(problems) or False})

    def _store_lines(self, lines):
        """Replace the rows in two statements: a national form has a row per
        office and executor (thousands), which the ORM would create one by
        one. The rows have no computed fields besides the related ones
        filled here.  Private: called by computing (and by a change of the
        scope of a draft, to drop its figures) only."""
        from psycopg2.extras import execute_values
        cr = self.env.cr
        cr.execute('DELETE FROM thads_stat_report_line WHERE report_id = %s', (self.id,))
        now = fields.Datetime.now()
        common = (self.period_id.date_end, self.form_id.unit, self.state, self.env.uid, now, self.env.uid, now)
        execute_values(cr._obj, """
            INSERT INTO thads_stat_report_line
                (report_id, level, office_id, executor_id, values_json, completion_rate, sort_key,
                 period_end, form_unit, report_state, create_uid, create_date, write_uid, write_date)
            VALUES %s""", [(self.id,) + line + common for line in lines], page_size=1000)
        self.env['thads.stat.report.line'].invalidate_cache()
        self.invalidate_cache(['line_ids'], self.ids)

    # -------------------------------------------------------------- close
    @api.multi
    def action_close(self):
        """Store the figures and lock the events up to the period end."""
        self._check_can_change()
        for report in self:
            if report.state != 'closed' and not report._in_background('close'):
                report._close()
        return True

    def _close(self):
        """Figures, state, lock and message in one transaction: a close
        that dies half-way leaves the report open and nothing locked."""
        if self.state == 'closed':
            return
        self._compute_lines()
        internal(self).write({'state': 'closed', 'version': self.version + 1})
        # sudo: the closer's right to change this report was checked by
        # action_close (or by the queue job's user when it was queued)
        internal(self.env['thads.stat.lock'].sudo()).create({
            'office_id': self.office_id.id, 'date_end': self.period_id.date_end, 'report_id': self.id})
        self.message_post(body=_('Closed: version %d of the figures stored, events up to %s locked.')
                          % (self.version, self._fmt(self.period_id.date_end)), subtype='mail.mt_comment')

    def _reopen(self):
        """The only path from closed back to draft: called by the approval
        of an unlock request (thads.stat.unlock.request.action_approve)."""
        # sudo: the reviewer was checked by the unlock request
        internal(self.env['thads.stat.lock'].sudo()).search([('report_id', 'in', self.ids)]).write(
            {'active': False})
        internal(self).write({'state': 'draft'})

    # ------------------------------------------------------------ exports
    def export_layout(self):
        """What both exports print, in the official order: header, column
        headings, rows (label, values formatted), signature block."""
        self.ensure_one()
        columns = self.form_id.column_ids.sorted('sequence')
        money = self.form_id.unit == 'money'
        national = self.env.ref('thads_accounts.office_national')
        rows = []
        for line in self.line_ids.sorted('sort_key'):
            label = (line.executor_id.name or _('(no executor)')) if line.level == 'executor' \
                else line.office_id.name
            values = json.loads(line.values_json)
            rows.append({'label': label, 'level': line.level,
                         'values': [line.format_value(values.get(c.code), c, money) for c in columns],
                         'raw': [values.get(c.code) for c in columns]})
        form = self.form_id
        return {
            'place_date': self._place_date(),
            'agency': (self.office_id.parent_id or national).name.upper(),
            'office': self.office_id.name.upper(),
            'form_code': _('Form No. %s') % (form.official_number or form.code),
            'form_ref': '%s - %s' % (form.code, form.regime),
            'legal_basis': _('Issued with %s') % form.legal_basis if form.legal_basis else '',
            'validity': _('Version valid %s') % form._validity(),
            'working_note': _('Working model: the form number or some column headings are not yet verified '
                              'against the official appendix.') if form.working_model else '',
            'title': form.name.upper(),
            'period': _('Period: %s (from %s to %s)') % (self.period_id.name, self._fmt(self.period_id.date_start),
                                                          self._fmt(self.period_id.date_end)),
            'unit': _('Unit: thousand đồng') if money else _('Unit: cases'),
            'columns': [(c.code, c.label) for c in columns],
            'rows': rows,
            'version': self.version,
            'signers': (_('Prepared by'), _('Head of office')),
            'signers_note': _('(signature, full name)'),
            'head_note': _('(signature, full name, seal)'),
        }

    def _place_date(self):
        """'Hà Nội, ngày 05 tháng 4 năm 2026': the province of the office
        (Hà Nội for the national level) and the day the figures were last
        computed (today for a report never computed)."""
        from odoo.addons.thads_case.lib import documents
        province = self.office_id
        while province and province.kind != 'province':
            province = province.parent_id
        day = fields.Datetime.context_timestamp(self, fields.Datetime.from_string(self.computed_at)).date() \
            if self.computed_at else fields.Date.from_string(fields.Date.context_today(self))
        return documents.date_line(documents.place_of(province.name) if province else 'Hà Nội', day)

    @api.multi
    def export_filename(self):
        """TK-VIEC_HN_12thang_2025-2026 (form, office code, period): the
        name of the xlsx and PDF files (no extension)."""
        self.ensure_one()
        period = self.period_id
        if period.kind == 'periodic' and period.months and period.stat_year:
            when = '%dthang_%d-%d' % (period.months, period.stat_year, period.stat_year + 1)
        else:
            when = '%s_%s' % (self._fmt(period.date_start).replace('/', '-'),
                              self._fmt(period.date_end).replace('/', '-'))
        name = '%s_%s_%s' % (self.form_id.code or 'TK', self.office_id.code or self.office_id.id, when)
        return re.sub(r'[^A-Za-z0-9_.-]+', '-', name)

    # -------------------------------------------------- close confirmation
    @api.depends('office_id', 'period_id')
    def _compute_close_summary(self):
        for report in self:
            if not (report.office_id and report.period_id):
                report.close_summary = False
                continue
            # sudo: names of the offices of the report's own subtree, which
            # the lock covers (the user may change this report)
            scope = report._scope_offices().filtered(lambda o: o.id != report.office_id.id and o.active)
            names = scope[:15].mapped('name')
            if len(scope) > 15:
                names.append(_('and %d other offices') % (len(scope) - 15))
            text = _('Closing stores the figures of this report as version %d and locks, up to and including '
                     '%s, the events of %s') % (report.version + 1, report._fmt(report.period_id.date_end),
                                                report.office_id.name)
            if scope:
                text += _(' and of the %d offices under it: %s') % (len(scope), ', '.join(names))
            report.close_summary = text + '. ' + _('No event dated on or before that day can then be recorded, '
                                                   'changed or deleted there until an unlock request is '
                                                   'approved.')

    @api.multi
    def action_close_confirm(self):
        """The close confirmation: a dialog naming the date and the offices
        the close locks, whose button closes."""
        self.ensure_one()
        self._check_can_change()
        return {
            'type': 'ir.actions.act_window', 'name': _('Close the period'), 'res_model': self._name,
            'res_id': self.id, 'view_mode': 'form', 'target': 'new',
            'views': [(self.env.ref('thads_stats.thads_stat_report_view_form_close').id, 'form')],
        }

    @staticmethod
    def _fmt(day):
        return '%s/%s/%s' % (day[8:10], day[5:7], day[:4]) if day else ''

    @api.multi
    def action_export_pdf(self):
        self.ensure_one()
        return {'type': 'ir.actions.act_url', 'url': '/thads_stats/report/%d/pdf' % self.id, 'target': 'new'}

    def render_pdf(self):
        """The form as a PDF drawn with reportlab in a Vietnamese-capable
        font (DejaVu, Debian package fonts-dejavu-core)."""
        from ..lib import pdf
        return pdf.render(self.export_layout())

    @api.multi
    def action_drill(self, line_id, code):
        """The records behind one cell, as a list in the web client (the
        report table's links call this); refused for a row the user may
        not read or a column the form does not have."""
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        line = self.env['thads.stat.report.line'].browse(int(line_id)).exists()
        if not line or line.report_id != self:
            raise UserError(_('This row is not part of this report.'))
        return line._drill_action(code)

    # ------------------------------------------------------------ display
    @api.depends('line_ids')
    def _compute_table_html(self):
        for report in self:
            report.table_html = report._render_table()

    def _render_table(self):
        if not self.line_ids:
            return ''
        columns = self.form_id.column_ids.sorted('sequence')
        money = self.form_id.unit == 'money'
        head = ''.join('<th title="%s">%s<br/><small>%s</small></th>' % (html_escape(c.label), html_escape(c.code),
                                                                     html_escape(c.label)) for c in columns)
        body = []
        for line in self.line_ids.sorted('sort_key'):
            values = json.loads(line.values_json)
            cells = []
            for column in columns:
                value = values.get(column.code)
                cells.append('<td class="text-right"><a href="/thads_stats/drill/%d/%d/%s" data-line="%d" '
                             'data-code="%s">%s</a></td>' % (
                                 self.id, line.id, column.code, line.id, html_escape(column.code),
                                 html_escape(line.format_value(value, column, money))))
            label = line.executor_id.name if line.level == 'executor' else '<b>%s</b>' % html_escape(
                line.office_id.name)
            body.append('<tr><td>%s%s</td>%s</tr>' % ('&#160;' * 6 if line.level == 'executor' else '',
                                                      label if line.level == 'office' else html_escape(
                                                          label or _('(no executor)')), ''.join(cells)))
        return ('<table class="table table-condensed table-bordered o_thads_stat_table"><thead><tr><th>%s</th>%s'
                '</tr></thead><tbody>%s</tbody></table>') % (_('Unit'), head, ''.join(body))
