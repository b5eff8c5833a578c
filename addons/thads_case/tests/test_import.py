import base64
import io

import xlsxwriter

from .common import ThadsCaseCase

HEADER = ('key,office,kind,court,judgment_number,judgment_date,decision_number,decision_date,executor,'
          'creditor_name,creditor_id,debtor_name,debtor_id,obligation,amount_due,event,event_date,document,'
          'ground,amount')


class TestImport(ThadsCaseCase):

    def _csv(self, *lines):
        text = '\n'.join((HEADER,) + lines).replace('EXEC', self.users['executor'].login)
        return base64.b64encode(text.encode('utf-8'))

    def _import(self, data, filename='cases.csv'):
        job = self.env['thads.case.import'].create({'file': data, 'filename': filename})
        job.with_context(test_queue_job_no_delay=True).action_import()
        return job

    def good_file(self):
        return self._csv(
            'L-1,T-A-1,theo_yeu_cau,TAND,1/2025,10/01/2025,5/QĐ,05/02/2025,EXEC,Trần Có,079185000456,'
            'Lê Nợ,001090000777,Trả nợ,50.000.000,notify,10/02/2025,TB-5,,',
            'L-1,,,,,,,,,,,,,,,verify,10/03/2025,BB-1,has,',
            'L-1,,,,,,,,,,,,,,,collect,20/03/2025,PT-1,,20000000',
            'L-2,T-A-1,chu_dong,TAND,2/2025,,6/QĐ,2025-02-06,EXEC,,,Phạm Phạt,001090000888,Nộp phạt,'
            '3000000,,,,,')

    def test_good_file_then_reimport_changes_nothing(self):
        job = self._import(self.good_file())
        self.assertEqual((job.state, job.created_count, job.error_count), ('done', 2, 0))
        case = self.env['thads.case'].search([('external_key', '=', 'L-1')])
        self.assertEqual((case.state, case.amount_collected, case.amount_remaining, case.decision_number),
                         ('verification', 20000000, 30000000, '5/QĐ'))
        self.assertEqual(case.party_ids.filtered(lambda p: p.role == 'debtor').partner_id.thads_id_number,
                         '001090000777')
        count = self.env['thads.case'].search_count([])
        events = self.env['thads.case.event'].search_count([])
        again = self._import(self.good_file())
        self.assertEqual((again.created_count, again.skipped_count, again.error_count), (0, 2, 0))
        self.assertEqual(self.env['thads.case'].search_count([]), count)
        self.assertEqual(self.env['thads.case.event'].search_count([]), events)

    def test_bad_rows_reported_and_good_rows_kept(self):
        job = self._import(self._csv(
            'B-1,T-A-1,theo_yeu_cau,,,,1/QĐ,05/02/2025,EXEC,,,Nợ Một,12345,,100,,,,,',
            'B-2,XX-9,theo_yeu_cau,,,,2/QĐ,05/02/2025,EXEC,,,Nợ Hai,001090000111,,100,,,,,',
            'B-3,T-A-1,theo_yeu_cau,,,,3/QĐ,05/02/2025,EXEC,,,Nợ Ba,001090000222,,-100,,,,,',
            'B-4,T-A-1,theo_yeu_cau,,,,4/QĐ,31/02/2025,EXEC,,,Nợ Bốn,001090000333,,100,,,,,',
            'B-5,T-A-1,theo_yeu_cau,,,,5/QĐ,05/02/2025,EXEC,,,Nợ Năm,001090000444,,100,,,,,',
            'B-5,T-A-1,theo_yeu_cau,,,,6/QĐ,05/02/2025,EXEC,,,Nợ Sáu,001090000555,,100,,,,,',
            'B-5,,,,,,,,,,,,,,,complete,06/02/2025,,,',
        ))
        self.assertEqual(job.created_count, 1)
        reasons = [(e.row, e.message) for e in job.error_ids.sorted('row')]
        self.assertEqual([row for row, _m in reasons], [2, 3, 4, 5, 7, 8])
        self.assertIn('"debtor_id": "12345" is not a CCCD', reasons[0][1])
        self.assertIn('Unknown office code "XX-9"', reasons[1][1])
        self.assertIn('is negative', reasons[2][1])
        self.assertIn('is not a date', reasons[3][1])
        self.assertIn('appears twice', reasons[4][1])
        self.assertIn('is not possible for a case in state', reasons[5][1])  # complete before notify
        self.assertTrue(self.env['thads.case'].search([('external_key', '=', 'B-5')]))

    def test_xlsx_file_in_background_chunks(self):
        buf = io.BytesIO()
        book = xlsxwriter.Workbook(buf)
        sheet = book.add_worksheet()
        columns = HEADER.split(',')
        sheet.write_row(0, 0, columns)
        for index in range(6):
            sheet.write_row(index + 1, 0, [
                'X-%d' % index, 'T-A-1', 'theo_yeu_cau', 'TAND', '', '', '%d/QĐ' % index, '05/02/2025',
                self.users['executor'].login, '', '', 'Nợ %d' % index, '', 'Trả', 1000000 + index])
        book.close()
        self.env['ir.config_parameter'].set_param('thads_case.import_sync_limit', '2')
        self.env['ir.config_parameter'].set_param('thads_case.import_chunk', '4')
        job = self._import(base64.b64encode(buf.getvalue()), 'cases.xlsx')
        self.assertEqual((job.state, job.case_total, job.case_done, job.created_count), ('done', 6, 6, 6))
        self.assertEqual(self.env['thads.case'].search([('external_key', '=', 'X-5')]).amount_due, 1000005)
