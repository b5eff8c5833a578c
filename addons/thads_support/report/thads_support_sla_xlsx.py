from odoo import _, models


class ThadsSupportSlaXlsx(models.AbstractModel):
    """SLA compliance of the selected requests as xlsx: a summary per office
    and procedure (counted in SQL), then one row per request."""
    _name = 'report.thads_support.sla_xlsx'
    _description = 'SLA compliance export'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, requests):
        head = workbook.add_format({'bold': True, 'border': 1, 'bg_color': '#F2F2F2', 'text_wrap': True})
        cell = workbook.add_format({'border': 1})
        percent = workbook.add_format({'border': 1, 'num_format': '0.0'})
        Request = self.env['thads.support.request']
        procedures = dict(Request._fields['procedure_code']._description_selection(self.env))
        slas = dict(Request._fields['sla_state']._description_selection(self.env))
        states = dict(Request._fields['state']._description_selection(self.env))
        summary = workbook.add_worksheet(_('Summary')[:31])
        columns = [_('Office'), _('Procedure'), _('Requests'), _('Closed'), _('Met'), _('Breached'),
                   _('Overdue'), _('On time (%)')]
        for col, title in enumerate(columns):
            summary.write(0, col, title, head)
        summary.set_column(0, 1, 36)
        self.env.cr.execute("""
            SELECT o.name, r.procedure_code, COUNT(*),
                   COUNT(*) FILTER (WHERE r.sla_state IN ('met', 'breached')),
                   COUNT(*) FILTER (WHERE r.sla_state = 'met'), COUNT(*) FILTER (WHERE r.sla_state = 'breached'),
                   COUNT(*) FILTER (WHERE r.sla_state = 'overdue')
              FROM thads_support_request r JOIN thads_office o ON o.id = r.office_id
             WHERE r.id IN %s GROUP BY o.name, o.parent_left, r.procedure_code
             ORDER BY o.parent_left, r.procedure_code""", (tuple(requests.ids) or (0,),))
        for row, (office, code, total, closed, met, breached, overdue) in enumerate(self.env.cr.fetchall(), 1):
            values = [office, procedures.get(code), total, closed, met, breached, overdue]
            for col, value in enumerate(values):
                summary.write(row, col, value, cell)
            summary.write(row, 7, 100.0 * met / closed if closed else '', percent)
        detail = workbook.add_worksheet(_('Requests')[:31])
        columns = [_('Receipt code'), _('Procedure'), _('Office'), _('Received on'), _('Step'), _('State'),
                   _('Step deadline'), _('Total deadline'), _('Used (working days)'), _('SLA'), _('Closed on')]
        for col, title in enumerate(columns):
            detail.write(0, col, title, head)
        detail.set_column(0, 10, 18)
        for row, req in enumerate(requests, 1):
            values = [req.name, procedures.get(req.procedure_code), req.office_id.name, req.date_received,
                      req.step_id.name, states.get(req.state), req.step_deadline or '', req.total_deadline or '',
                      req.consumed_days, slas.get(req.sla_state), req.date_done or '']
            for col, value in enumerate(values):
                detail.write(row, col, value, cell)
