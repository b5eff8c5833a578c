import re

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import HttpCase, at_install, post_install

from .common import ThadsCaseCase
from .pdf_text import pdf_text

HEADING = ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc')


class TestDocuments(ThadsCaseCase):
    """Official documents printed from a case, an event and a handover
    (lib/documents.py), read back from the PDF."""

    @classmethod
    def setUpClass(cls):
        super(TestDocuments, cls).setUpClass()
        cls.region_a1.name = 'Phòng Thi hành án dân sự khu vực A1 - Tỉnh A'
        cls.province_a.name = 'Thi hành án dân sự tỉnh Lào Cai'

    def setUp(self):
        super(TestDocuments, self).setUp()
        self.case = self.make_case(due=60000000)
        self.case.write({'judgment_number': '41/2026/DS-ST', 'judgment_date': '2026-02-20',
                         'decision_signer': 'Lê Văn Thủ'})
        self.advance(self.case, ('decide', '2026-03-03', {'document_number': '07/QĐ-THADS',
                                                           'executor_id': self.users['executor'].id}),
                     ('notify', '2026-03-05', {'document_number': '08/TB-THADS'}))

    def report(self, xmlid):
        return self.env.ref('thads_case.' + xmlid)

    def text(self, xmlid, records, user=None):
        report = self.report(xmlid)
        if user:
            report = report.sudo(user)
        pdf = report.render_thads_pdf(records.ids)
        self.assertTrue(pdf.startswith(b'%PDF'))
        self.lines = '\n'.join(pdf_text(pdf)).splitlines()
        return ' '.join(' '.join(self.lines).split())  # lines wrapped inside a cell joined again

    def assertOfficial(self, text, place_date):
        for line in HEADING:
            self.assertIn(line, text)
        self.assertIn('THI HÀNH ÁN DÂN SỰ TỈNH LÀO CAI', text, 'the superior agency')
        self.assertIn('PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC A1', text, 'the issuing agency')
        self.assertIn(place_date, text)

    def test_decision_and_its_notice(self):
        text = self.text('report_case_decision', self.case)
        self.assertOfficial(text, 'Lào Cai, ngày 03 tháng 3 năm 2026')
        self.assertIn('Số: 07/QĐ-THADS', text)
        self.assertIn('QUYẾT ĐỊNH', text)
        self.assertIn('41/2026/DS-ST', text)
        self.assertIn('60.000.000 đồng', text)
        self.assertIn('Nguyễn Văn Nợ', text)
        self.assertIn('Lê Văn Thủ', text)
        text = self.text('report_case_decision_notice', self.case)
        self.assertOfficial(text, 'Lào Cai, ngày 05 tháng 3 năm 2026')
        self.assertIn('Số: 08/TB-THADS', text)
        self.assertIn('THÔNG BÁO', text)
        self.assertRegex(text, r'có 10 ngày kể từ ngày nhận')
        notify = self.case.event_ids.filtered(lambda e: e.event_type == 'notify')
        self.assertEqual(self.text('report_event_decision_notice', notify), text)

    def test_collection_receipt(self):
        event = self.record(self.case, 'collect', '2026-03-10', document_number='0000123',
                            amount=60000000, obligation_id=self.case.obligation_ids.id)
        text = self.text('report_event_receipt', event)
        self.assertOfficial(text, 'Lào Cai, ngày 10 tháng 3 năm 2026')
        self.assertIn('BIÊN LAI THU TIỀN', text)
        self.assertIn('60.000.000 đồng', text)
        self.assertIn('Sáu mươi triệu đồng', text)
        self.assertNotIn('60,000,000', text)
        notify = self.case.event_ids.filtered(lambda e: e.event_type == 'notify')
        with self.assertRaises(UserError):
            self.report('report_event_receipt').render_thads_pdf(notify.ids)

    def test_verification_notice(self):
        with self.assertRaises(UserError):
            self.report('report_case_verification_notice').render_thads_pdf(self.case.ids)
        event = self.record(self.case, 'verify', '2026-03-16', result='none',
                            document_number='09/XM')
        text = self.text('report_case_verification_notice', self.case)
        self.assertOfficial(text, 'Lào Cai, ngày 16 tháng 3 năm 2026')
        self.assertIn('chưa có điều kiện thi hành án', text)
        self.assertEqual(self.text('report_event_verification_notice', event), text)

    def test_handover_minutes(self):
        self.record(self.case, 'collect', '2026-03-10', amount=1250000, obligation_id=self.case.obligation_ids.id)
        other = self.make_case(due=5000000)
        handover = self.env['thads.case.handover'].create({
            'office_id': self.region_a1.id, 'date': '2026-02-02', 'from_user_id': self.users['executor'].id,
            'to_user_id': self.users['executor2'].id, 'reason': 'Đi học', 'case_ids': [(6, 0, (self.case | other).ids)]})
        text = self.text('report_handover_minutes', handover)
        self.assertOfficial(text, 'Lào Cai, ngày 02 tháng 02 năm 2026')
        self.assertIn('BIÊN BẢN', text)
        self.assertIn('bàn giao', text)
        self.assertIn(self.case.name, text)
        self.assertIn(other.name, text)
        self.assertIn('1.250.000 đồng', text, 'collected, not paid out')
        self.assertIn('63.750.000 đồng', text, 'total still to enforce')
        self.assertIn('Đã thu chưa chi trả: 1.250.000 đồng'.lower(), text.lower())
        for value in ('58.750.000', '63.750.000', '5.000.000', self.case.name, other.name, 'STT'):
            self.assertIn(value, self.lines, 'whole on one line, not split in its cell')
        for before, after in zip(self.lines, self.lines[1:]):
            self.assertFalse(re.search(r'\d\.?$', before) and re.match(r'^\.?\d{3}\b', after), (before, after))

    def test_access_rules_apply(self):
        with self.assertRaises(AccessError):
            self.report('report_case_decision').sudo(self.users_b['executor']).render_thads_pdf(self.case.ids)
        text = self.text('report_case_decision', self.case, user=self.users['reader'])
        self.assertIn('07/QĐ-THADS', text)

    def test_print_menu(self):
        bindings = self.env['ir.actions.actions'].get_bindings('thads.case')['report']
        names = {b['report_name'] for b in bindings}
        self.assertLessEqual({'thads_case.decision', 'thads_case.decision_notice',
                              'thads_case.verification_notice'}, names)
        self.assertIn('thads_case.receipt',
                      {b['report_name'] for b in self.env['ir.actions.actions'].get_bindings(
                          'thads.case.event')['report']})
        self.assertIn('thads_case.handover_minutes',
                      {b['report_name'] for b in self.env['ir.actions.actions'].get_bindings(
                          'thads.case.handover')['report']})


@at_install(False)
@post_install(True)
class TestDocumentRoute(HttpCase):
    """The download route: a PDF for a readable record, 403 outside the
    user's scope, 404 for an unknown record or report, never 500."""

    def test_route(self):
        case = self.env['thads.case'].search([('decision_number', '!=', False),
                                              ('office_id.code', '=', 'HN-KV01')], limit=1)
        self.assertTrue(case, 'demo data: a decided case of HN-KV01')
        self.authenticate('lanhdao.hn1', 'Thads@2026')
        response = self.url_open('/report/thads_pdf/thads_case.decision/%d' % case.id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers['Content-Type'], 'application/pdf')
        self.assertIn('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '\n'.join(pdf_text(response.content)))
        self.assertEqual(self.url_open('/report/thads_pdf/thads_case.decision/999999999').status_code, 404)
        self.assertEqual(self.url_open('/report/thads_pdf/thads_case.nothing/%d' % case.id).status_code, 404)
        other = self.env['thads.case'].search([('office_id.code', '=like', 'HCM%')], limit=1)
        self.assertTrue(other)
        self.assertEqual(self.url_open('/report/thads_pdf/thads_case.decision/%d' % other.id).status_code, 403)
