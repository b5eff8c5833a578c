from odoo import models

from ..lib import pdf


class ThadsStatReportXlsx(models.AbstractModel):
    """The statistical form as an xlsx file (OCA report_xlsx), in the layout
    of the official form: header, headings, rows, signature block."""
    _name = 'report.thads_stats.stat_report_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, reports):
        bold = workbook.add_format({'bold': True})
        italic = workbook.add_format({'italic': True})
        center = workbook.add_format({'bold': True, 'align': 'center'})
        title = workbook.add_format({'bold': True, 'align': 'center', 'font_size': 13})
        head = workbook.add_format({'bold': True, 'align': 'center', 'valign': 'vcenter', 'text_wrap': True,
                                    'border': 1, 'bg_color': '#F2F2F2'})
        cell = workbook.add_format({'border': 1})
        office_cell = workbook.add_format({'border': 1, 'bold': True})
        number = workbook.add_format({'border': 1, 'num_format': '#,##0'})
        office_number = workbook.add_format({'border': 1, 'num_format': '#,##0', 'bold': True})
        percent = workbook.add_format({'border': 1, 'num_format': '0.00'})
        for report in reports:
            layout = report.export_layout()
            sheet = workbook.add_worksheet(report.form_id.code[:31])
            width = len(layout['columns'])
            sheet.set_column(0, 0, 42)
            sheet.set_column(1, width, 12)
            sheet.write(0, 0, layout['agency'], bold)
            sheet.write(1, 0, layout['office'], bold)
            # the national heading between the office and the form's identity
            middle = (width - 3) // 2
            if 0 < middle < width - 3:
                sheet.write(0, middle, pdf.NATIONAL_HEADING, center)
                sheet.write(1, middle, pdf.MOTTO, center)
            # the form's identity: official number, regime, legal basis, validity
            sheet.write(0, width - 3, layout['form_code'], bold)
            sheet.write(1, width - 3, layout['form_ref'])
            sheet.write(2, width - 3, layout['legal_basis'])
            sheet.merge_range(3, 0, 3, width, layout['title'], title)
            sheet.merge_range(4, 0, 4, width, layout['period'], center)
            sheet.write(5, 0, layout['validity'])
            sheet.write(5, width - 2, layout['unit'])
            if layout['working_note']:
                sheet.write(6, 0, layout['working_note'], italic)
            sheet.write(7, 0, '', head)
            for index, (code, label) in enumerate(layout['columns'], start=1):
                sheet.write(7, index, '%s\n%s' % (label, code), head)
            sheet.set_row(7, 60)
            row_index = 8
            money = report.form_id.unit == 'money'
            columns = report.form_id.column_ids.sorted('sequence')
            for row in layout['rows']:
                is_office = row['level'] == 'office'
                sheet.write(row_index, 0, row['label'] if is_office else '    ' + row['label'],
                            office_cell if is_office else cell)
                for index, (column, value) in enumerate(zip(columns, row['raw']), start=1):
                    if value is None:
                        sheet.write_blank(row_index, index, None, cell)
                    elif column.is_percent:
                        sheet.write_number(row_index, index, round(value, 2), percent)
                    else:
                        shown = round(value / 1000.0) if money else value
                        sheet.write_number(row_index, index, shown, office_number if is_office else number)
                row_index += 1
            row_index += 2
            sheet.write(row_index - 1, width - 3, layout['place_date'], italic)
            preparer, head_title = layout['signers']
            sheet.write(row_index, 0, preparer, center)
            sheet.write(row_index, width - 3, head_title, center)
            sheet.write(row_index + 1, 0, layout['signers_note'])
            sheet.write(row_index + 1, width - 3, layout['head_note'])
