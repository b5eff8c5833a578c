import datetime
import random

from odoo import api, fields, models

# (event, days after the start, extra values); amounts are shares of the debt
DEMO_PATHS = [
    [],
    [('decide', 3, {})],
    [('decide', 2, {}), ('notify', 4, {})],
    [('decide', 2, {}), ('notify', 4, {}), ('verify', 25, {'result': 'has'})],
    [('decide', 2, {}), ('notify', 4, {}), ('verify', 25, {'result': 'has'}), ('enforce', 30, {}),
     ('collect', 40, {'share': 0.3})],
    [('decide', 2, {}), ('notify', 4, {}), ('verify', 25, {'result': 'none'}),
     ('no_condition', 28, {'ground': 'Điều 44a khoản 1 điểm a'}), ('publish', 31, {})],
    [('decide', 2, {}), ('notify', 4, {}), ('postpone', 9, {'ground': 'Điều 48 khoản 1 điểm c'})],
    [('decide', 2, {}), ('notify', 4, {}), ('verify', 25, {'result': 'has'}),
     ('suspend', 30, {'ground': 'Điều 49 khoản 1'})],
    [('decide', 2, {}), ('notify', 4, {}), ('collect', 10, {'share': 1.0}), ('pay_out', 12, {'share': 1.0}),
     ('complete', 13, {})],
    [('decide', 2, {}), ('notify', 4, {}), ('verify', 25, {'result': 'has'}),
     ('terminate', 40, {'ground': 'Điều 50 khoản 1 điểm c'})],
    [('decide', 2, {}), ('notify', 4, {}), ('verify', 25, {'result': 'has'}), ('delegate', 35, {})],
    [('decide', 2, {}), ('revoke', 6, {'ground': 'Điều 37 khoản 1'})],
    [('decide', 2, {}), ('notify', 4, {}), ('collect', 8, {'share': 1.0}), ('pay_out', 9, {'share': 1.0}),
     ('complete', 10, {}), ('close', 12, {}), ('archive', 20, {})],
    [('decide', 2, {}), ('notify', 4, {}), ('verify', 25, {'result': 'none'}),
     ('no_condition', 28, {'ground': 'Điều 44a khoản 1 điểm c'}), ('reverify', 200, {'result': 'none'}),
     ('reverify', 390, {'result': 'none'}), ('separate_register', 400, {})],
]
SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ']
GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thu Hà', 'Văn Hùng', 'Thị Lan', 'Đức Long',
         'Ngọc Mai', 'Văn Nam', 'Thị Oanh', 'Hữu Phúc', 'Thanh Tâm', 'Văn Tuấn', 'Thị Yến']


class ThadsCase(models.Model):
    _inherit = 'thads.case'

    @api.model
    def _demo_generate(self, per_executor=len(DEMO_PATHS), seed=2026):
        """Demo cases in every state and deadline situation for each
        enforcement officer of a regional office (demo data only)."""
        rng = random.Random(seed)
        executors = self.env['res.users'].search([
            ('groups_id', 'in', self.env.ref('thads_accounts.group_thads_executor').id),
            ('thads_office_id', '!=', False), ('thads_office_id.kind', '=', 'region')], order='id')
        if not executors:
            return False
        other_offices = self.env['thads.office'].search([('kind', '=', 'region')])
        today = fields.Date.from_string(fields.Date.context_today(self))
        Case = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True,
                                 auditlog_disabled=True)
        Event = self.env['thads.case.event'].with_context(Case.env.context)
        for index in range(per_executor * len(executors)):
            path = DEMO_PATHS[index % len(DEMO_PATHS)]
            executor = executors[(index // per_executor) % len(executors)]
            span = (path[-1][1] if path else 0) + rng.randint(0, 40)
            start = today - datetime.timedelta(days=span)
            debtor = self.env['res.partner'].create({
                'name': '%s %s' % (rng.choice(SURNAMES), rng.choice(GIVEN)),
                'thads_id_number': '0%02d%09d' % (rng.randint(1, 96), rng.randint(0, 999999999)),
                'street': 'Số %d, phường %d' % (rng.randint(1, 200), rng.randint(1, 20)),
            })
            creditor = self.env['res.partner'].create({
                'name': '%s %s' % (rng.choice(SURNAMES), rng.choice(GIVEN)),
                'thads_id_number': '0%02d%09d' % (rng.randint(1, 96), rng.randint(0, 999999999)),
            })
            due = rng.choice([1500000, 4500000, 12000000, 35000000, 80000000, 150000000, 620000000])
            budget = index % 3 == 0
            case = Case.create({
                'office_id': executor.thads_office_id.id, 'kind': 'chu_dong' if budget else 'theo_yeu_cau',
                'date_received': fields.Date.to_string(start),
                'court': 'Tòa án nhân dân khu vực %d' % rng.randint(1, 12),
                'judgment_number': '%d/%d/DS-ST' % (rng.randint(1, 400), start.year),
                'judgment_date': fields.Date.to_string(start - datetime.timedelta(days=40)),
                'judgment_type': rng.choice(['civil', 'criminal', 'family', 'business', 'labour']),
                'executor_id': executor.id,
                'party_ids': [(0, 0, {'partner_id': debtor.id, 'role': 'debtor'}),
                              (0, 0, {'partner_id': creditor.id, 'role': 'creditor'})],
                'obligation_ids': [(0, 0, {'name': 'Nộp án phí, tiền phạt' if budget else 'Trả nợ cho người được thi hành án',
                                           'kind': 'money', 'budget': budget, 'amount_due': due,
                                           'debtor_id': debtor.id,
                                           'creditor_id': False if budget else creditor.id})],
            })
            for number, (event_type, offset, extra) in enumerate(path, start=1):
                vals = {'case_id': case.id, 'event_type': event_type,
                        'date': fields.Date.to_string(start + datetime.timedelta(days=offset)),
                        'document_number': '%d/QĐ-THADS' % (index * 20 + number)}
                if 'share' in extra:
                    vals['amount'] = int(due * extra['share'])
                if 'result' in extra:
                    vals['result'] = extra['result']
                if 'ground' in extra:
                    vals['ground'] = extra['ground']
                if event_type == 'decide':
                    vals['executor_id'] = executor.id
                if event_type == 'delegate':
                    vals['target_office_id'] = (other_offices - executor.thads_office_id)[0].id
                Event.create(vals)
        return True
