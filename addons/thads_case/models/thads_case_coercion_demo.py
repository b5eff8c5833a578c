from odoo import api, models

# Demo coercions in every state, in the offices of Hà Nội, dated in the
# statistical year 2025-2026 so that the demo's closed quarter shows form g):
# (officer, measure, [steps]); a step: (event, date, extra values).  The
# times are UTC (09:00 local = 02:00 UTC).  Steps before 01/07/2026 follow
# the 2014 law, after it Law 106/2025 (notice 02 working days before).
DEMO_COERCIONS = [
    ('thads_accounts.user_hn_chv1_demo', 'seizure', [
        ('coercion_plan', '2026-03-02', {'coercion_at': '2026-03-10 02:00:00'}),
        ('coercion_carry', '2026-03-10', {'coercion_at': '2026-03-10 02:00:00', 'coercion_result': 'success',
                                          'coercion_cost': 4500000}),
        ('coercion_cost', '2026-03-12', {'coercion_cost': 350000})]),
    ('thads_accounts.user_hn_chv1_demo', 'account', [
        ('coercion_carry', '2026-03-03', {'coercion_at': '2026-03-03 03:00:00', 'coercion_result': 'success'})]),
    ('thads_accounts.user_hn_chv2_demo', 'eviction', [
        ('coercion_plan', '2026-03-04', {'coercion_at': '2026-03-18 01:30:00'}),
        ('coercion_postpone', '2026-03-17', {'coercion_cost': 1200000})]),
    ('thads_accounts.user_hn_chv2_demo', 'income', []),
    ('thads_accounts.user_hn_chv3_demo', 'auction', [
        ('coercion_plan', '2026-08-20', {'coercion_at': '2026-08-22 01:00:00'}),
        ('coercion_carry', '2026-08-22', {'coercion_at': '2026-08-22 01:00:00', 'coercion_result': 'failed',
                                          'coercion_cost': 2000000})]),
    ('thads_accounts.user_hn_chv3_demo', 'act', [
        ('coercion_plan', '2026-09-07', {'coercion_at': '2026-09-10 07:00:00'}),
        ('coercion_carry', '2026-09-10', {'coercion_at': '2026-09-10 07:00:00', 'coercion_result': 'partial',
                                          'coercion_cost': 800000})]),
    ('thads_accounts.user_hn_chv1_demo', 'handover', [
        ('coercion_plan', '2026-09-14', {'coercion_at': '2026-09-21 02:00:00'})]),
]


class ThadsCaseCoercionDemo(models.Model):
    _inherit = 'thads.case.coercion'

    @api.model
    def _demo_generate(self):
        """Demo data only: a case per coercion, received in February 2026,
        notified, verified, then the coercion's steps."""
        Case = self.env['thads.case'].with_context(tracking_disable=True, mail_create_nolog=True)
        Event = self.env['thads.case.event'].with_context(Case.env.context)
        for number, (login, kind, steps) in enumerate(DEMO_COERCIONS, start=1):
            executor = self.env.ref(login, raise_if_not_found=False)
            if not executor:
                continue
            debtor = self.env['res.partner'].create({'name': 'Người phải thi hành án cưỡng chế %d' % number})
            creditor = self.env['res.partner'].create({'name': 'Người được thi hành án %d' % number})
            case = Case.create({
                'office_id': executor.thads_office_id.id, 'executor_id': executor.id, 'kind': 'theo_yeu_cau',
                'date_received': '2026-02-02', 'court': 'Tòa án nhân dân khu vực 3',
                'judgment_number': '%d/2025/DS-PT' % (40 + number), 'judgment_type': 'civil',
                'party_ids': [(0, 0, {'partner_id': debtor.id, 'role': 'debtor'}),
                              (0, 0, {'partner_id': creditor.id, 'role': 'creditor'})],
                'obligation_ids': [(0, 0, {'name': 'Trả nợ cho người được thi hành án', 'kind': 'money',
                                           'amount_due': 250000000 + number * 10000000, 'debtor_id': debtor.id,
                                           'creditor_id': creditor.id})],
            })
            base = {'case_id': case.id}
            Event.create(dict(base, event_type='decide', date='2026-02-03', executor_id=executor.id,
                              document_number='%d/QĐ-THADS-CC' % number))
            Event.create(dict(base, event_type='notify', date='2026-02-04', document_number='%d/TB-THADS' % number))
            Event.create(dict(base, event_type='verify', date='2026-02-25', result='has'))
            Event.create(dict(base, event_type='coercion_decide', date='2026-02-26', coercion_kind=kind,
                              document_number='%d/QĐ-CCTHA' % number))
            coercion = case.coercion_ids
            for index, (event_type, date, extra) in enumerate(steps, start=1):
                Event.create(dict(base, event_type=event_type, date=date, coercion_id=coercion.id,
                                  document_number='%d.%d/CC' % (number, index), **extra))
        return True
