"""Issue 20: the citizen reception register, filing from a visit, and
form i) cell by cell (statistical year 2025-2026, 6 months)."""
from odoo.exceptions import UserError

from odoo.addons.thads_stats.tests.common import FormReportMixin

from .test_complaint import ComplaintCase

CODES = ['c%d' % i for i in range(1, 12)]


class TestReception(FormReportMixin, ComplaintCase):

    @classmethod
    def setUpClass(cls):
        super(TestReception, cls).setUpClass()
        cls.period = cls._form_period(2025, 6)

    def visit(self, when, kind='complaint', office=None, **vals):
        values = {'name': 'Trần Văn Đến', 'id_number': '001085002222', 'email': 'den@example.com',
                  'office_id': (office or self.region_a1).id, 'date': when, 'content_kind': kind,
                  'content': 'Hỏi về việc thi hành án.', 'receiver_id': self.users['support'].id}
        values.update(vals)
        return self.env['thads.citizen.reception'].with_context(thads_no_email=True).create(values)

    def test_file_complaint_denunciation_and_request(self):
        case = self.make_case()
        entry = self.visit('2026-02-12 02:00:00', case_id=case.id)
        action = entry.action_file_complaint()
        complaint = self.env['thads.complaint'].browse(action['res_id'])
        self.assertEqual((entry.complaint_id, entry.outcome), (complaint, 'filed'))
        self.assertEqual((complaint.kind, complaint.channel, complaint.case_id, complaint.applicant_name),
                         ('complaint', 'desk', case, 'Trần Văn Đến'))
        with self.assertRaises(UserError):
            entry.action_file_request()  # once per visit
        with self.assertRaises(UserError):
            entry.write({'complaint_id': False})  # links follow the buttons
        secret = self.visit('2026-02-12 03:00:00', kind='denunciation', name='Người Giấu Tên')
        denunciation = self.env['thads.complaint'].browse(secret.action_file_complaint()['res_id'])
        self.assertEqual(denunciation.kind, 'denunciation')
        self.assertNotIn('Giấu', denunciation.applicant_name)
        self.assertEqual(self.env['thads.denunciation.identity'].search(
            [('complaint_id', '=', denunciation.id)]).name, 'Người Giấu Tên')
        petition = self.visit('2026-02-12 04:00:00', kind='petition')
        request = self.env['thads.support.request'].browse(petition.action_file_request()['res_id'])
        self.assertEqual((request.procedure_code, petition.request_id), ('petition', request))

    def test_form_i_cell_by_cell(self):
        entries = {
            # 30/09/2025 23:30 in Vietnam is 16:30 UTC: before the year
            'before': self.visit('2025-09-30 16:30:00'),
            # 01/10/2025 00:30 in Vietnam is 30/09 17:30 UTC: in the year
            'first': self.visit('2025-09-30 17:30:00', visitor_count=3, outcome='answered', answer='Đã giải thích'),
            'den': self.visit('2026-01-05 02:00:00', kind='denunciation', outcome='guided'),
            'pet': self.visit('2026-02-02 02:00:00', kind='petition', transfer_authority='UBND phường',
                              outcome='transferred'),
            'other': self.visit('2026-03-31 10:00:00', kind='other'),
            'after': self.visit('2026-03-31 17:30:00'),  # 01/04/2026 in Vietnam
            'a2': self.visit('2026-01-05 02:00:00', office=self.region_a2, visitor_count=2),
        }
        entries['filed'] = self.visit('2026-03-02 02:00:00')
        entries['filed'].action_file_complaint()
        report = self.report(self.env.ref('thads_support.form_tk_tcd'), self.national)
        self.assertFalse(report.violations)
        a1 = self.row(report, self.region_a1)
        #            c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11
        self.assertEqual([a1.value(c) for c in CODES], [5, 7, 2, 1, 1, 1, 1, 1, 1, 1, 1])
        province = self.row(report, self.province_a)
        self.assertEqual([province.value(c) for c in ('c1', 'c2', 'c3', 'c11')], [6, 9, 3, 2])
        self.assertEqual(set(a1._record_ids('c3')), {entries['first'].id, entries['filed'].id})
        self.assertEqual(a1._record_ids('c10'), entries['filed'].ids)
