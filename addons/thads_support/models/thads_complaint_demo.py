import datetime

from odoo import api, fields, models

from .thads_support_request import on_day


class ThadsComplaintDemo(models.Model):
    """Demo complaints, denunciations and reception entries in several
    states, dated back from the install day."""
    _inherit = 'thads.complaint'

    @api.model
    def _demo_generate(self):
        ref = self.env.ref
        office = ref('thads_accounts.office_hn_kv1_demo')
        clerk = ref('thads_accounts.user_hn_secretary_demo')
        support = ref('thads_accounts.user_hn_support_demo')
        today = fields.Date.from_string(fields.Date.context_today(self))
        case = self.env['thads.case'].search([('office_id', '=', office.id)], limit=1)

        def back(days):
            return fields.Date.to_string(today - datetime.timedelta(days=days))

        Complaint = self.with_context(thads_no_email=True, mail_create_nosubscribe=True)
        base = {'office_id': office.id, 'applicant_phone': '0912345678', 'applicant_address': 'Hà Nội',
                'subject_user_id': case.executor_id.id, 'case_id': case.id}
        people = [('Nguyễn Văn Khải', '001085101234'), ('Trần Thị Nga', '079190104321'),
                  ('Lê Văn Tâm', '048088107777'), ('Phạm Thị Hương', '001192103333'),
                  ('Đỗ Minh Quân', '036087102222')]
        # (received, known, measure, accept, decide, outcome)
        plans = [(1, 3, 'general', None, None, None), (6, 10, 'coercion', 5, None, None),
                 (20, 60, 'general', None, None, 'late'), (30, 33, 'general', 29, 20, 'rejected'),
                 (40, 42, 'security', 39, 35, 'partly')]
        for (received, known, measure, accept, decide, outcome), (name, number) in zip(plans, people):
            complaint = on_day(Complaint, back(received)).create(dict(
                base, kind='complaint', channel='desk' if received % 2 else 'post', applicant_name=name,
                applicant_id_number=number, applicant_email='%s@example.com' % number, measure=measure,
                date_known=back(known), subject='decision', subject_author='executor',
                content='Khiếu nại quyết định của Chấp hành viên (dữ liệu mẫu).'))
            if outcome == 'late':
                on_day(complaint, back(received - 1)).action_refuse_late()
                continue
            if accept:
                on_day(complaint, back(accept)).action_accept()
                complaint.user_id = clerk
            if decide:
                complaint.write({'proposed_outcome': outcome, 'decision_number': '%d/QĐ-GQKN' % decide,
                                 'verification_note': 'Đã xác minh, đối thoại với người khiếu nại.'})
                on_day(complaint, back(decide)).action_decide()
                if outcome == 'rejected':
                    on_day(complaint, back(decide - 2)).action_second_round()
        for received, accept, decide in ((2, None, None), (15, 14, None), (70, 69, 10)):
            denunciation = on_day(Complaint, back(received)).create({
                'kind': 'denunciation', 'office_id': office.id, 'channel': 'post',
                'denouncer_name': 'Người tố cáo %d' % received, 'denouncer_id_number': '0010851%05d' % received,
                'content': 'Tố cáo hành vi của Chấp hành viên (dữ liệu mẫu).'})
            denunciation.user_id = clerk
            if accept:
                on_day(denunciation, back(accept)).action_accept()
            if decide:
                denunciation.write({'proposed_outcome': 'partly', 'decision_number': '%d/KL-TC' % decide})
                on_day(denunciation, back(decide)).action_decide()
        Reception = self.env['thads.citizen.reception'].with_context(thads_no_email=True)
        for days, kind, outcome, name in ((0, 'complaint', None, 'Hoàng Văn Lộc'),
                                          (3, 'petition', 'answered', 'Vũ Thị Mai'),
                                          (8, 'other', 'transferred', 'Ngô Văn Phúc'),
                                          (12, 'complaint', 'filed', 'Đinh Thị Yến')):
            entry = Reception.create({
                'name': name, 'office_id': office.id, 'receiver_id': support.id, 'case_id': case.id,
                'date': fields.Datetime.to_string(datetime.datetime.combine(
                    today - datetime.timedelta(days=days), datetime.time(2, 30))),
                'content_kind': kind, 'content': 'Công dân trình bày về việc thi hành án (dữ liệu mẫu).',
                'answer': outcome == 'answered' and 'Đã giải thích quy định về thời hạn tự nguyện.' or False,
                'transfer_authority': outcome == 'transferred' and 'UBND phường' or False})
            if outcome == 'answered':
                entry.action_answer()
            elif outcome == 'transferred':
                entry.action_transfer()
            elif outcome == 'filed':
                on_day(entry, back(days)).action_file_complaint()
        self.env["thads.support.request"]._cron_sla()
        return True
