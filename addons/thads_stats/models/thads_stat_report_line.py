import json

from odoo import _, fields, models
from odoo.exceptions import UserError

from .thads_stat_internal import refuse_direct


class ThadsStatReportLine(models.Model):
    """One row of a report (an executor, or an office with everything under
    it); the values of all columns as JSON, since columns are data."""
    _name = 'thads.stat.report.line'
    _inherit = ['thads.stat.figures.mixin']
    _description = 'Statistical report row'
    _order = 'sort_key'

    report_id = fields.Many2one('thads.stat.report', required=True, ondelete='cascade', index=True)
    level = fields.Selection([('office', 'Office'), ('executor', 'Enforcement officer')], required=True)
    office_id = fields.Many2one('thads.office', required=True, index=True)
    executor_id = fields.Many2one('res.users')
    values_json = fields.Text(required=True)
    sort_key = fields.Char(index=True)
    # for the dashboard: stored when the row is computed
    completion_rate = fields.Float(group_operator='avg', help='The first rate column of the form (%).')
    period_end = fields.Date(related='report_id.period_id.date_end', store=True)
    form_unit = fields.Selection(related='report_id.form_id.unit', store=True)
    report_state = fields.Selection(related='report_id.state', store=True)
    # the dashboard's default filter: rows of the reports of the user's subtree
    in_my_subtree = fields.Boolean(string='In my office subtree', compute='_compute_in_my_subtree',
                                   search='_search_in_my_subtree')

    def _my_subtree_domain(self):
        return [('report_id.office_id', 'child_of', self.env.user.thads_office_id.ids)]

    def _compute_in_my_subtree(self):
        mine = self.search([('id', 'in', self.ids)] + self._my_subtree_domain())
        for line in self:
            line.in_my_subtree = line in mine

    def _search_in_my_subtree(self, operator, value):
        if (operator in ('=', '==')) == bool(value):
            return self._my_subtree_domain()
        return ['!'] + self._my_subtree_domain()

    # ------------------------------------------------- written by the report
    def _refuse_direct(self):
        refuse_direct(self, _('Statistical report rows are written only by computing or closing their report; '
                              'they cannot be created, changed or deleted directly.'))

    def value(self, code):
        return json.loads(self.values_json).get(code)

    @staticmethod
    def format_value(value, column, money):
        if value is None:
            return ''
        if column.is_percent:
            return ('%.2f' % value).replace('.', ',')
        if money:
            value = round(value / 1000.0)  # shown in thousand đồng
        return '{:,.0f}'.format(value).replace(',', '.')

    def _record_ids(self, code):
        """Records behind a cell (cases for the case forms, the source's
        model for the others, see thads.stat.engine._sources): base
        measures are sets of records, so a formula of sums and differences
        is a union and difference of sets (a rate drills into its
        numerator)."""
        import ast
        from ..lib import formulas
        report = self.report_id
        columns = {c.code: c for c in report.form_id.column_ids}
        offices = report._scope_offices().filtered(
            lambda o: o.successor_at(report.period_id.date_end) in
            report.env['thads.office'].search([('id', 'child_of', self.office_id.id)]))
        engine = self.env['thads.stat.engine']
        executor = self.executor_id.id if self.level == 'executor' else None

        def cases(col_code):
            column = columns[col_code]
            if column.measure:
                return set(engine._form_record_ids(report.form_id, report.period_id.year_start(),
                                                   report.period_id.date_end, offices.ids, column.measure,
                                                   executor))
            return walk(formulas.parse(column.formula).body)

        def walk(node):
            if isinstance(node, ast.Name):
                return cases(node.id)
            if isinstance(node, ast.BinOp):
                left = walk(node.left)
                if isinstance(node.op, ast.Add):
                    return left | walk(node.right)
                if isinstance(node.op, ast.Sub):
                    return left - walk(node.right)
                return left
            return set()
        return sorted(cases(code))

    def _drill_action(self, code):
        """The window action listing the records behind a cell (the form's
        source model: cases for the case forms), opened in the web client
        with a breadcrumb back to the report; the list of cases shows the
        amounts for a money form.  The row must be readable by the user;
        the list itself is searched with the user's rights."""
        self.ensure_one()
        self.check_access_rights('read')
        self.check_access_rule('read')
        report = self.report_id
        column = report.form_id.column_ids.filtered(lambda c: c.code == code)
        if not column:
            raise UserError(_('The form %s has no column %s.') % (report.form_id.code, code))
        model = report.form_id._record_model()
        views = [(False, 'list'), (False, 'form')]
        if model == 'thads.case':
            view = 'thads_stats.thads_case_view_tree_drill_money' if report.form_id.unit == 'money' \
                else 'thads_stats.thads_case_view_tree_drill'
            views[0] = (self.env.ref(view).id, 'list')
        who = self.executor_id.name if self.level == 'executor' else self.office_id.name
        return {
            'type': 'ir.actions.act_window',
            'name': '%s %s: %s' % (column.code, column.label, who),
            'res_model': model,
            'view_mode': 'list,form',
            'views': views,
            'domain': [('id', 'in', self._record_ids(code))],
            'context': {'create': False, 'edit': False, 'delete': False},
            'target': 'current',
        }
