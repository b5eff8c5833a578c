"""A hand-built journal whose every figure is known, for region A1, province
A and the nation, in cases and in money; closing, locking and unlocking."""
import io

import xlrd
from PyPDF2 import PdfFileReader

from odoo.exceptions import AccessError, UserError

from odoo.addons.queue_job.job import Job

from odoo.addons.thads_accounts.tests.common import ROLE_GROUPS
from odoo.addons.thads_case.tests.common import ThadsCaseCase

M = 1000000


class TestStatistics(ThadsCaseCase):

    @classmethod
    def setUpClass(cls):
        super(TestStatistics, cls).setUpClass()
        cls.env['thads.stat.period'].generate_year(2025)
        # every report computed in the request, but in the queue job test
        cls.env['ir.config_parameter'].sudo().set_param('thads_stats.sync_office_limit', '100000')
        cls.period = cls.env['thads.stat.period'].search([('stat_year', '=', 2025), ('months', '=', 6)])
        cls.form_count = cls.env.ref('thads_stats.form_tk_viec')
        cls.form_money = cls.env.ref('thads_stats.form_tk_tien')
        # forms d) and đ): the same figures with a row per enforcement officer
        cls.form_count_chv = cls.env.ref('thads_stats.form_tk_viec_chv')
        cls.form_money_chv = cls.env.ref('thads_stats.form_tk_tien_chv')

    def case(self, received, due, executor=None, office=None):
        return self.make_case(executor=executor, office=office, due=due, date=received)

    def build(self):
        ex, ex2 = self.users['executor'], self.users['executor2']
        cases = {}
        # carried over: completed in the year
        cases['K1'] = self.advance(self.case('2025-04-28', 10 * M), ('decide', '2025-05-01'), ('notify', '2025-05-02'),
                                   ('verify', '2025-06-01', {'result': 'has'}), ('enforce', '2025-07-01'),
                                   ('collect', '2026-01-10', {'amount': 10 * M}), ('complete', '2026-01-12'))
        # carried over: without conditions, 5 M collected before the year
        cases['K2'] = self.advance(self.case('2025-05-28', 20 * M), ('decide', '2025-06-01'), ('notify', '2025-06-02'),
                                   ('collect', '2025-06-05', {'amount': 5 * M}),
                                   ('verify', '2025-06-20', {'result': 'none'}),
                                   ('no_condition', '2025-07-01', {'ground': '44a_1a'}))
        # carried over: postponed during the year (other executor)
        cases['K3'] = self.advance(self.case('2025-05-28', 30 * M, executor=ex2), ('decide', '2025-06-01'),
                                   ('notify', '2025-06-02'), ('postpone', '2025-11-03', {'ground': '48_1a'}))
        # carried over: suspended before the year
        cases['K12'] = self.advance(self.case('2025-05-28', 7 * M), ('decide', '2025-06-01'), ('notify', '2025-06-02'),
                                    ('suspend', '2025-09-01', {'ground': 'Điều 49'}))
        # new: partly collected, being enforced
        cases['K4'] = self.advance(self.case('2025-10-10', 8 * M), ('decide', '2025-10-13'), ('notify', '2025-10-14'),
                                   ('collect', '2025-11-10', {'amount': 4 * M}))
        # new: delegated to another province
        cases['K5'] = self.advance(self.case('2025-10-28', 6 * M), ('decide', '2025-11-03'), ('notify', '2025-11-04'),
                                   ('delegate', '2025-12-01', {'target_office_id': self.region_b1.id}))
        # new: decision revoked
        cases['K6'] = self.advance(self.case('2025-11-03', 2 * M), ('decide', '2025-11-05'),
                                   ('revoke', '2025-11-20', {'ground': 'Điều 37'}))
        # new: 1 M collected, then terminated
        cases['K7'] = self.advance(self.case('2026-01-02', 3 * M), ('decide', '2026-01-05'), ('notify', '2026-01-06'),
                                   ('collect', '2026-01-20', {'amount': 1 * M}),
                                   ('terminate', '2026-02-02', {'ground': 'Điều 50'}))
        # outside the period: decided after it, completed before the year
        self.advance(self.case('2026-04-06', 9 * M), ('decide', '2026-04-10'))
        self.advance(self.case('2025-03-03', 4 * M), ('decide', '2025-03-05'), ('notify', '2025-03-06'),
                     ('collect', '2025-08-01', {'amount': 4 * M}), ('complete', '2025-08-01'))
        # province A, other region: new, being enforced
        cases['K10'] = self.advance(self.case('2025-11-28', 1 * M, office=self.region_a2), ('decide', '2025-12-01'))
        return cases

    def report(self, form, office):
        report = self.env['thads.stat.report'].create(
            {'form_id': form.id, 'period_id': self.period.id, 'office_id': office.id})
        report.action_compute()
        return report

    def row(self, report, office, executor=None):
        line = report.line_ids.filtered(lambda l: l.office_id == office and (
            l.level == 'executor' and l.executor_id == executor if executor else l.level == 'office'))
        self.assertEqual(len(line), 1, 'one row for %s' % office.name)
        return line

    def values(self, line, codes):
        return [line.value(code) for code in codes]

    def test_period_arithmetic(self):
        self.assertEqual((self.period.date_start, self.period.date_end), ('2025-10-01', '2026-03-31'))
        periods = self.env['thads.stat.period'].search([('stat_year', '=', 2025)])
        self.assertEqual(sorted(periods.mapped('months')), list(range(1, 13)))
        self.assertEqual(periods.filtered(lambda p: p.months == 12).date_end, '2026-09-30')

    def test_figures_in_cases(self):
        self.build()
        codes = ['c%d' % i for i in range(1, 17)]
        report = self.report(self.form_count, self.national)
        self.assertFalse(report.violations)
        a1 = self.row(report, self.region_a1)
        self.assertEqual(self.values(a1, codes), [8, 4, 4, 1, 1, 6, 5, 1, 1, 1, 1, 1, 0, 1, 40.0, 4])
        province = self.row(report, self.province_a)
        self.assertEqual(self.values(province, ['c1', 'c2', 'c3', 'c6', 'c7', 'c10', 'c16']), [9, 4, 5, 7, 6, 2, 5])
        self.assertAlmostEqual(province.value('c15'), 200 / 6.0)
        # each level is the sum of the levels under it (the demo offices are there too)
        national = self.row(report, self.national)
        provinces = report.line_ids.filtered(lambda l: l.level == 'office' and l.office_id.parent_id == self.national)
        for code in ('c1', 'c6', 'c8', 'c14', 'c16'):
            self.assertEqual(national.value(code), sum(p.value(code) for p in provinces), code)
        self.assertIn(self.province_a, provinces.mapped('office_id'))
        # form a) has office rows only; form d) adds the enforcement officers
        self.assertEqual(set(report.line_ids.mapped('level')), {'office'})
        chv = self.report(self.form_count_chv, self.national)
        self.assertEqual(self.row(chv, self.region_a1, self.users['executor2']).value('c11'), 1)
        self.assertEqual(self.row(chv, self.region_a1, self.users['executor']).value('c1'), 7)
        self.assertEqual(self.values(self.row(chv, self.region_a1), codes), self.values(a1, codes))
        # drill-down: the cases behind a cell, formulas as set arithmetic
        self.assertEqual(len(a1._record_ids('c1')), 8)
        self.assertEqual(len(a1._record_ids('c6')), 6)
        self.assertEqual(len(a1._record_ids('c15')), 2)

    def journal(self, case):
        self.env.cr.execute("""SELECT event_type, date::text, stat_next_date::text, stat_cum_done::bigint,
                                      stat_cum_delegated::bigint, stat_decided_date::text, stat_terminated
                                 FROM thads_case_event WHERE case_id = %s ORDER BY date, sequence, id""", (case.id,))
        return self.env.cr.fetchall()

    def test_running_totals_follow_every_write(self):
        """The triggers keep the running totals right whatever writes the
        journal: the ORM, a backdated event, a plain SQL delete."""
        cases = self.build()
        rows = self.journal(cases['K7'])
        self.assertEqual([r[0] for r in rows], ['receive', 'decide', 'notify', 'collect', 'terminate'])
        for row, following in zip(rows, rows[1:] + [None]):
            self.assertEqual(row[2], following and following[1])
        self.assertEqual([r[3] for r in rows], [0, 0, 0, 1 * M, 1 * M])
        self.assertEqual([r[5] for r in rows], [None] + ['2026-01-05'] * 4)
        self.assertEqual([r[6] for r in rows], [False] * 4 + [True])
        # a backdated collection between two events shifts the totals after it
        first_collect = self.env['thads.case.event'].search(
            [('case_id', '=', cases['K7'].id), ('event_type', '=', 'collect')])
        first_collect.copy({'date': '2026-01-07', 'amount': 500000})
        rows = self.journal(cases['K7'])
        self.assertEqual([(r[1], r[3]) for r in rows][2:], [('2026-01-06', 0), ('2026-01-07', 500000),
                                                            ('2026-01-20', 1500000), ('2026-02-02', 1500000)])
        self.assertEqual(rows[2][2], '2026-01-07')
        # deleting the termination in SQL: the last event is open again
        self.env.cr.execute("DELETE FROM thads_case_event WHERE case_id = %s AND event_type = 'terminate'",
                            (cases['K7'].id,))
        rows = self.journal(cases['K7'])
        self.assertEqual((rows[-1][0], rows[-1][2], rows[-1][6]), ('collect', None, False))

    def test_figures_in_money(self):
        self.build()
        report = self.report(self.form_money, self.province_a)
        self.assertFalse(report.violations)
        a1 = self.row(report, self.region_a1)
        self.assertEqual(self.values(a1, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11',
                                          'c12', 'c13', 'c14', 'c16']),
                         [81 * M, 62 * M, 19 * M, 6 * M, 2 * M, 73 * M, 58 * M, 15 * M, 2 * M, 4 * M, 30 * M,
                          7 * M, 0, 15 * M, 56 * M])
        self.assertAlmostEqual(a1.value('c15'), 1700 / 58.0)
        self.assertIn('81.000', report.table_html)  # shown in thousand đồng

    def test_close_locks_and_unlock(self):
        cases = self.build()
        statistician = self.users['statistician']
        report = self.env['thads.stat.report'].sudo(statistician).create(
            {'form_id': self.form_count.id, 'period_id': self.period.id, 'office_id': self.region_a1.id})
        report.action_close()
        self.assertEqual((report.state, report.version), ('closed', 1))
        lock = self.env['thads.stat.lock'].search([('report_id', '=', report.id)])
        self.assertEqual((lock.office_id, lock.date_end), (self.region_a1, '2026-03-31'))
        with self.assertRaises(UserError):
            self.env['thads.stat.lock']._check_locked(self.region_a1, '2026-03-20')
        k4 = cases['K4']
        self.assertEqual(k4.office_id, self.region_a1)
        with self.assertRaises(UserError) as ctx, self.env.cr.savepoint():
            self.record(k4, 'collect', '2026-03-20', amount=1 * M)
        self.assertIn('are closed up to 2026-03-31', ctx.exception.name)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            k4.event_ids.filtered(lambda e: e.event_type == 'collect').write({'note': 'sửa'})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            k4.event_ids.with_context(thads_case_unlink=True).unlink()
        # after the period: allowed; another region: allowed
        self.record(k4, 'collect', '2026-04-02', amount=1 * M)
        self.record(cases['K10'], 'notify', '2026-03-02')
        # unlock: requested with a reason, approved by the national statistics role
        request = self.env['thads.stat.unlock.request'].sudo(statistician).create(
            {'report_id': report.id, 'reason': 'Nhập thiếu biên lai thu tiền tháng 3'})
        with self.assertRaises(UserError):
            request.sudo(statistician).action_approve()
        request.sudo(self.users['national']).action_approve()
        self.assertEqual((request.state, report.state), ('approved', 'draft'))
        self.record(k4, 'collect', '2026-03-20', amount=1 * M)
        report.sudo(statistician).action_close()
        self.assertEqual((report.state, report.version), ('closed', 2))
        logs = self.env['auditlog.log'].search([('model_id.model', '=', 'thads.stat.unlock.request')])
        self.assertTrue(logs, 'unlock requests are audited')

    def test_large_scope_closes_in_a_queue_job(self):
        """A province (more offices than thads_stats.sync_office_limit) is
        closed by a queue job: nothing is closed or locked until the job
        runs, the user cannot queue it twice, the job closes and tells."""
        self.build()
        self.env['ir.config_parameter'].sudo().set_param('thads_stats.sync_office_limit', '1')
        statistician = self._make_user('province_statistician', self.province_a, ROLE_GROUPS['statistician'])
        report = self.env['thads.stat.report'].sudo(statistician).create(
            {'form_id': self.form_count.id, 'period_id': self.period.id, 'office_id': self.province_a.id})
        report.action_close()
        queued = self.env['queue.job'].search([('uuid', '=', report.job_uuid)])
        self.assertEqual((queued.channel, queued.state, queued.user_id), ('root.thads_stats', 'pending', statistician))
        self.assertEqual((report.state, report.job_action, report.job_running), ('draft', 'close', True))
        self.assertFalse(self.env['thads.stat.lock'].search([('report_id', '=', report.id)]))
        with self.assertRaises(UserError):
            report.action_compute()
        Job.load(self.env, report.job_uuid).perform()
        report.invalidate_cache()
        self.assertEqual((report.state, report.version, report.job_action), ('closed', 1, False))
        self.assertTrue(self.env['thads.stat.lock'].search([('report_id', '=', report.id)]))
        self.assertEqual(self.row(report, self.province_a).value('c3'), 5)  # new in the period
        self.assertIn(statistician.partner_id, report.message_follower_ids.mapped('partner_id'))
        self.assertIn('version 1', report.message_ids[0].body)

    def test_exports_read_back(self):
        self.build()
        report = self.report(self.form_money, self.province_a)
        content, kind = self.env.ref('thads_stats.stat_report_xlsx_action').render(report.ids)
        self.assertEqual(kind, 'xlsx')
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        labels = [sheet.cell_value(row, 0).strip() for row in range(sheet.nrows)]
        a1 = labels.index(self.region_a1.name)
        self.assertEqual(sheet.cell_value(7, 1), 'Tổng số thụ lý\nc1')
        self.assertEqual([sheet.cell_value(a1, col) for col in (1, 2, 3, 6, 16)],
                         [81000, 62000, 19000, 73000, 56000])  # thousand đồng
        # the form's identity: official number, regime, legal basis, validity, working model
        head = [sheet.cell_value(row, col) for row in range(7) for col in range(sheet.ncols)]
        self.assertIn('Form No. b)', head)
        self.assertIn('TK-TIEN - TT 05/2024/TT-BTP', head)
        self.assertTrue(any('Thông tư 05/2024/TT-BTP ngày 10/06/2024' in cell for cell in head))
        self.assertIn('Version valid from 26/07/2024', head)
        self.assertTrue(any(cell.startswith('Working model') for cell in head))
        self.assertIn('Prepared by', labels)
        self.assertIn('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', head)
        self.assertIn('Độc lập - Tự do - Hạnh phúc', head)
        cells = [sheet.cell_value(row, col) for row in range(sheet.nrows) for col in range(sheet.ncols)]
        self.assertIn(report.export_layout()['place_date'], cells)
        pdf = report.render_pdf()
        self.assertTrue(pdf.startswith(b'%PDF'))
        text = ''.join(page.extractText() for page in PdfFileReader(io.BytesIO(pdf)).pages)
        self.assertIn('81.000', text)
        self.assertIn('56.000', text)
        for printed in ('Form No. b)', 'TT 05/2024/TT-BTP', 'Version valid from 26/07/2024', 'Working model'):
            self.assertIn(printed, text)

    def test_reconciliation_and_dashboard(self):
        import base64
        import xlsxwriter
        self.build()
        report = self.report(self.form_count, self.province_a)
        buf = io.BytesIO()
        book = xlsxwriter.Workbook(buf)
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ['office', 'c1', 'c3', 'c8', 'c14'])
        sheet.write_row(1, 0, ['T-A-1', 8, 6, 1, 1])        # 2 new cases not entered in the software
        sheet.write_row(2, 0, ['T-A', 9, 5, 1, 4])          # province: 3 more without conditions
        book.close()
        rec = self.env['thads.stat.reconciliation'].create({
            'report_id': report.id, 'file': base64.b64encode(buf.getvalue()), 'filename': 'tay.xlsx',
            'threshold': 0})
        rec.action_compare()
        flagged = rec.line_ids.filtered('flagged')
        self.assertEqual(sorted((l.office_id.code, l.column_code, l.software, l.manual, l.difference)
                                for l in flagged),
                         [('T-A', 'c14', 1, 4, -3), ('T-A-1', 'c3', 4, 6, -2)])
        self.assertEqual(rec.offices_to_fix.split('\n'), sorted([self.province_a.name, self.region_a1.name]))
        rec.threshold = 2
        rec.action_compare()
        self.assertEqual(rec.line_ids.filtered('flagged').mapped('column_code'), ['c14'])
        # dashboard rows carry the completion rate of each office
        a1 = self.row(report, self.region_a1)
        self.assertEqual((a1.completion_rate, a1.period_end, a1.form_unit), (40.0, '2026-03-31', 'count'))

    # ------------------------------------------------------ issue 18, point 5
    def test_pdf_heading_place_date_and_unsplit_figures(self):
        """The PDF read back: national heading and motto, the place/date
        line, every figure on one line and every heading word whole."""
        from odoo.addons.thads_case.tests.pdf_text import pdf_text
        self.build()
        long_values = []
        for form in (self.form_money_chv, self.form_count):
            report = self.report(form, self.province_a)
            layout = report.export_layout()
            self.assertRegex(layout['place_date'], r'^A, ngày \d{2} tháng \d{1,2} năm \d{4}$')
            lines = [line.strip() for page in pdf_text(report.render_pdf()) for line in page.split('\n')]
            for expected in ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
                             layout['place_date']):
                self.assertIn(expected, lines, form.code)
            values = [value for row in layout['rows'] for value in row['values'] if value]
            long_values += [value for value in values if len(value) >= 6]  # thousands separators drawn
            for value in values:
                self.assertIn(value, lines, '%s: %s split' % (form.code, value))
            words = {word for line in lines for word in line.split()}
            for code, label in layout['columns']:
                for word in label.split():
                    self.assertIn(word, words, '%s: heading word %s split' % (form.code, word))
        self.assertTrue(long_values)

    def test_pdf_page_fits_the_widest_figure(self):
        """A wide form with national-size figures goes to A3; each column is
        as wide as its widest figure; a narrow one stays on A4."""
        from reportlab.lib.pagesizes import A3, A4, landscape
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from odoo.addons.thads_case.tests.pdf_text import pdf_text
        from ..lib import pdf
        self.build()
        layout = self.report(self.form_count, self.province_a).export_layout()
        self.assertEqual(pdf.page_layout(layout)[0], landscape(A4))
        big = '123.456.789.012'  # the nation's money in thousand đồng
        layout['columns'] = [('c%d' % i, 'Chuyển kỳ sau số %d' % i) for i in range(1, 17)]
        layout['rows'] = [{'label': 'Thi hành án dân sự thành phố Hồ Chí Minh', 'level': 'office',
                           'values': [big] * 16, 'raw': [0] * 16}]
        page, size, label_width, widths = pdf.page_layout(layout)
        self.assertEqual(page, landscape(A3))
        for width in widths:
            self.assertGreater(width, stringWidth(big, pdf.FONT_BOLD, size) + 2 * pdf.PADDING)
        self.assertLessEqual(label_width + sum(widths), landscape(A3)[0] - 2 * pdf.MARGIN + 0.01)
        lines = [line.strip() for page in pdf_text(pdf.render(layout)) for line in page.split('\n')]
        self.assertEqual(lines.count(big), 16)
        # wider still: A3 with a smaller font, every figure still whole
        layout['columns'] += layout['columns'][:8]
        layout['rows'][0]['values'] += [big] * 8
        page, size, label_width, widths = pdf.page_layout(layout)
        self.assertEqual(page, landscape(A3))
        self.assertLessEqual(label_width + sum(widths), landscape(A3)[0] - 2 * pdf.MARGIN + 0.01)
        lines = [line.strip() for page in pdf_text(pdf.render(layout)) for line in page.split('\n')]
        self.assertEqual(lines.count(big), 24)
        self.assertLess(size, 5)
        words = {word for line in lines for word in line.split()}
        self.assertTrue({'Chuyển', 'kỳ', 'sau'} <= words)

    def test_rows_in_tree_order_executors_under_their_office(self):
        self.build()
        report = self.report(self.form_count_chv, self.province_a)
        rows = report.line_ids.sorted('sort_key')
        labels = [row['label'] for row in report.export_layout()['rows']]
        self.assertEqual(labels, [r.executor_id.name or '(no executor)' if r.level == 'executor'
                                  else r.office_id.name for r in rows])
        self.assertEqual(rows[0].office_id, self.province_a)
        seen, current = [], None
        for row in rows:
            if row.level == 'office':
                # an office comes after its parent (depth-first tree order)
                self.assertTrue(row.office_id == self.province_a or row.office_id.parent_id in seen)
                seen.append(row.office_id)
                current, names = row.office_id, []
            else:
                self.assertEqual(row.office_id, current)  # right under its office
                names.append((row.executor_id.name or '').lower())
                self.assertEqual(names, sorted(names))
        self.assertEqual(seen, [self.province_a, self.region_a1, self.region_a2])
        self.assertTrue(rows.filtered(lambda r: r.level == 'executor' and r.office_id == self.region_a1))

    def test_export_file_names(self):
        report = self.report(self.form_count, self.province_a)
        self.assertEqual(report.export_filename(), 'TK-VIEC_T-A_6thang_2025-2026')
        action = self.env.ref('thads_stats.stat_report_xlsx_action')
        self.assertEqual(action.print_report_name, 'object.export_filename()')

    def test_close_confirmation_names_date_and_offices(self):
        statistician = self.users['statistician']
        report = self.env['thads.stat.report'].sudo(statistician).create(
            {'form_id': self.form_count.id, 'period_id': self.period.id, 'office_id': self.region_a1.id})
        action = report.action_close_confirm()
        self.assertEqual((action['res_id'], action['target']), (report.id, 'new'))
        self.assertIn('31/03/2026', report.close_summary)
        self.assertIn(self.region_a1.name, report.close_summary)
        self.assertEqual(report.state, 'draft')  # asking is not closing
        province = self.report(self.form_count, self.province_a)
        for office in (self.province_a, self.region_a1, self.region_a2):
            self.assertIn(office.name, province.close_summary)
        self.assertNotIn(self.province_b.name, province.close_summary)
        with self.assertRaises(AccessError):
            report.sudo(self.users['executor']).action_close_confirm()

    def test_drill_down_is_a_list_in_the_web_client(self):
        cases = self.build()
        statistician = self.users['statistician']
        money = self.env['thads.stat.report'].sudo(statistician).create(
            {'form_id': self.form_money.id, 'period_id': self.period.id, 'office_id': self.region_a1.id})
        money.action_compute()
        line = money.line_ids.filtered(lambda l: l.office_id == self.region_a1)
        action = money.action_drill(line.id, 'c1')
        self.assertEqual((action['type'], action['res_model'], action['target']),
                         ('ir.actions.act_window', 'thads.case', 'current'))
        self.assertEqual(action['domain'], [('id', 'in', line._record_ids('c1'))])
        self.assertIn(cases['K4'].id, action['domain'][0][2])
        view = self.env['ir.ui.view'].browse(action['views'][0][0])
        self.assertEqual(view, self.env.ref('thads_stats.thads_case_view_tree_drill_money'))
        self.assertIn('amount_collected', view.arch)
        count = self.report(self.form_count, self.region_a1)
        count_line = count.line_ids.filtered(lambda l: l.office_id == self.region_a1)
        self.assertEqual(count.action_drill(count_line.id, 'c1')['views'][0][0],
                         self.env.ref('thads_stats.thads_case_view_tree_drill').id)
        with self.assertRaises(UserError):
            money.action_drill(line.id, 'c99')
        with self.assertRaises(UserError):
            count.action_drill(line.id, 'c1')  # a row of another report
        # a statistician of province B cannot drill into A's rows
        with self.assertRaises(AccessError):
            money.sudo(self.users_b['statistician']).action_drill(line.id, 'c1')
        self.assertIn('data-line="%d"' % line.id, money.table_html)
