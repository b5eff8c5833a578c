from odoo.addons.thads_accounts.tests.common import ThadsAccountsCase


class ThadsCaseCase(ThadsAccountsCase):
    """Cases in region A1 (executor: users['executor']) and region B1."""

    @classmethod
    def setUpClass(cls):
        super(ThadsCaseCase, cls).setUpClass()
        cls.debtor = cls.env['res.partner'].create({'name': 'Nguyễn Văn Nợ', 'thads_id_number': '001090000123'})
        cls.creditor = cls.env['res.partner'].create({'name': 'Trần Thị Có', 'thads_id_number': '079185000456'})

    def make_case(self, executor=None, office=None, due=100000000, date='2026-03-02', kind='theo_yeu_cau',
                  budget=False):
        executor = executor or self.users['executor']
        return self.env['thads.case'].create({
            'office_id': (office or executor.thads_office_id).id, 'kind': kind, 'date_received': date,
            'executor_id': executor.id, 'court': 'TAND khu vực 1', 'judgment_number': '12/2026/DS-ST',
            'party_ids': [(0, 0, {'partner_id': self.debtor.id, 'role': 'debtor'}),
                          (0, 0, {'partner_id': self.creditor.id, 'role': 'creditor'})],
            'obligation_ids': [(0, 0, {'name': 'Trả tiền', 'kind': 'money', 'amount_due': due,
                                       'budget': budget})],
        })

    def record(self, case, event_type, date, user=None, lang=None, **vals):
        """Record an event through the wizard, as `user` (default superuser)."""
        wizard = self.env['thads.case.event.wizard']
        if lang:
            wizard = wizard.with_context(lang=lang)
        if user:
            wizard = wizard.sudo(user)
        values = {'case_id': case.id, 'event_type': event_type, 'date': date,
                  'document_number': vals.pop('document_number', '%s/QĐ' % event_type)}
        values.update(vals)
        wizard.create(values).action_record()
        case.invalidate_cache()
        return case.event_ids.sorted(lambda e: (e.date, e.sequence))[-1]

    def advance(self, case, *steps):
        for step in steps:
            event_type, date = step[0], step[1]
            vals = step[2] if len(step) > 2 else {}
            self.record(case, event_type, date, **vals)
        return case
