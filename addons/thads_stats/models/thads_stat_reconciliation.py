import base64
import json

import xlrd

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .thads_stat_internal import internal

# changing one of these compares the file with the report again
INPUT_FIELDS = ('file', 'threshold')


class ThadsStatReconciliation(models.Model):
    """Hand-made figures of a period (xlsx: one row per office code, one
    column per form column code) compared with the software's report, like
    the comparison tables the Tổng cục sends to the provinces: differences
    above the threshold are highlighted and the offices to fix listed."""
    _name = 'thads.stat.reconciliation'
    _description = 'Reconciliation with hand-made figures'
    _order = 'id desc'

    report_id = fields.Many2one('thads.stat.report', required=True, ondelete='cascade')
    file = fields.Binary(required=True, attachment=True, help='xlsx: column A office code, then c1, c2... headings.')
    filename = fields.Char()
    threshold = fields.Float(default=0.0, help='Differences up to this many units (cases, or thousand đồng) are '
                                                'tolerated.')
    line_ids = fields.One2many('thads.stat.reconciliation.line', 'reconciliation_id', readonly=True)
    offices_to_fix = fields.Text(compute='_compute_offices_to_fix')

    @api.depends('line_ids.flagged')
    def _compute_offices_to_fix(self):
        for rec in self:
            names = sorted(set(rec.line_ids.filtered('flagged').mapped('office_id.name')))
            rec.offices_to_fix = '\n'.join(names)

    @api.model
    def create(self, vals):
        if vals.get('line_ids'):
            raise AccessError(_('Reconciliation differences are written only by comparing the hand-made file with '
                                'the report; they cannot be created, changed or deleted directly.'))
        return super(ThadsStatReconciliation, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'line_ids' in vals:
            raise AccessError(_('Reconciliation differences are written only by comparing the hand-made file with '
                                'the report; they cannot be created, changed or deleted directly.'))
        if 'report_id' in vals and any(rec.report_id.id != vals['report_id'] for rec in self):
            raise UserError(_('A reconciliation stays with its report: create a new one for another report.'))
        result = super(ThadsStatReconciliation, self).write(vals)
        if any(name in vals for name in INPUT_FIELDS):
            for rec in self.filtered(lambda r: r.line_ids):
                rec._compare()  # the differences always match the file and the threshold
        return result

    @api.multi
    def action_compare(self):
        self.ensure_one()
        # the differences are written with sudo below: only for those who may
        # change this reconciliation (statisticians of the report's subtree)
        self.check_access_rights('write')
        self.check_access_rule('write')
        self._compare()
        return True

    def _compare(self):
        try:
            book = xlrd.open_workbook(file_contents=base64.b64decode(self.file))
        except Exception:
            raise UserError(_('The file is not a readable Excel workbook.'))
        sheet = book.sheet_by_index(0)
        header = [str(sheet.cell_value(0, col)).strip().lower() for col in range(sheet.ncols)]
        columns = {c.code: c for c in self.report_id.form_id.column_ids}
        money = self.report_id.form_id.unit == 'money'
        offices = {o.code: o for o in self.env['thads.office'].sudo().search([])}
        lines = {l.office_id.id: l for l in self.report_id.line_ids.filtered(lambda l: l.level == 'office')}
        # sudo: the caller may change this reconciliation (checked by
        # action_compare, or by write); the rows are derived from its file
        Line = internal(self.env['thads.stat.reconciliation.line'].sudo())
        Line.search([('reconciliation_id', '=', self.id)]).unlink()
        errors = []
        for row in range(1, sheet.nrows):
            code = str(sheet.cell_value(row, 0)).strip()
            if not code:
                continue
            office = offices.get(code)
            if not office:
                errors.append(_('Row %d: unknown office code "%s".') % (row + 1, code))
                continue
            software = json.loads(lines[office.id].values_json) if office.id in lines else {}
            for col, column_code in enumerate(header[1:], start=1):
                column = columns.get(column_code)
                if not column or column.is_percent:
                    continue
                manual = sheet.cell_value(row, col)
                if manual in ('', None):
                    continue
                try:
                    manual = float(manual)
                except ValueError:
                    errors.append(_('Row %d, column %s: "%s" is not a number.') % (row + 1, column_code, manual))
                    continue
                value = software.get(column_code) or 0
                value = round(value / 1000.0) if money else value
                difference = value - manual
                Line.create({
                    'reconciliation_id': self.id, 'office_id': office.id, 'column_code': column_code,
                    'column_label': column.label, 'software': value, 'manual': manual,
                    'difference': difference, 'flagged': abs(difference) > self.threshold,
                })
        if errors:
            raise UserError('\n'.join(errors))
        self.invalidate_cache(['line_ids'], self.ids)
