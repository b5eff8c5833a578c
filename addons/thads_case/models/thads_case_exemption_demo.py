import datetime

from odoo import api, fields, models

DAY = datetime.timedelta(days=1)


def quarter_closed_by_demo(today):
    """The quarter the statistics demo closes (thads_stats
    thads_stat_demo.py): the latest that ended at least a month ago, and
    the start of its statistical year (01/10)."""
    limit = today - datetime.timedelta(days=30)
    end = max(datetime.date(year, month, day) for year in (limit.year, limit.year - 1)
              for month, day in ((3, 31), (6, 30), (9, 30), (12, 31))
              if datetime.date(year, month, day) < limit)
    year_start = datetime.date(end.year if end.month >= 10 else end.year - 1, 10, 1)
    return year_start, end


class ThadsCaseExemption(models.Model):
    _inherit = 'thads.case.exemption'

    @api.model
    def _demo_generate(self):
        """Demo: old budget debts in the regions of Hà Nội, proposed for
        exemption or reduction in every state, dated in the quarter the
        statistics demo closes (so that form e) shows them)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        year_start, end = quarter_closed_by_demo(today)
        hanoi = self.env.ref('thads_accounts.office_hn_demo', raise_if_not_found=False)
        if not hanoi:
            return False
        executors = self.env['res.users'].search([
            ('groups_id', 'in', self.env.ref('thads_accounts.group_thads_executor').id),
            ('thads_office_id', 'child_of', hanoi.id), ('thads_office_id.kind', '=', 'region')], order='id')
        if not executors:
            return False
        debtor = self.env['res.partner'].create({'name': 'Đinh Văn Khó', 'thads_id_number': '001080007777',
                                                 'street': 'Số 3, phường Khương Đình'})
        decided = end - datetime.timedelta(days=7 * 366)
        D = fields.Date.to_string

        def old_case(index, due):
            executor = executors[index % len(executors)]
            case = self.env['thads.case'].create({
                'office_id': executor.thads_office_id.id, 'kind': 'chu_dong', 'executor_id': executor.id,
                'date_received': D(decided - 3 * DAY), 'court': 'Tòa án nhân dân khu vực %d' % (index + 1),
                'judgment_number': '%d/%d/HS-ST' % (100 + index, decided.year - 1),
                'judgment_type': 'criminal',
                'party_ids': [(0, 0, {'partner_id': debtor.id, 'role': 'debtor'})],
                'obligation_ids': [(0, 0, {'name': 'Nộp tiền phạt, án phí', 'kind': 'money', 'budget': True,
                                           'amount_due': due, 'debtor_id': debtor.id})]})
            Event = self.env['thads.case.event']
            for offset, event_type, extra in ((0, 'decide', {'executor_id': executor.id}), (2, 'notify', {}),
                                              (20, 'verify', {'result': 'none'}),
                                              (25, 'no_condition', {'ground': 'Điều 44a khoản 1 điểm a'})):
                Event.create(dict(extra, case_id=case.id, event_type=event_type, date=D(decided + offset * DAY),
                                  document_number='%d/QĐ-THADS-MG' % (index * 10 + offset)))
            return case

        def proposal(index, due, action, amount=0):
            case = old_case(index, due)
            return self.create({'case_id': case.id, 'obligation_id': case.obligation_ids.id, 'action': action,
                                'amount_proposed': amount})

        def step(record, method, day, document=None):
            record.write({'step_date': D(day), 'step_document': document})
            getattr(record, method)()

        path = ('action_open', 'action_verify', 'action_file', 'action_send_vks', 'action_vks_answer',
                'action_send_court', 'action_court_accept')

        def run(record, start, offsets, stop=None):
            for method, offset in zip(path, offsets):
                step(record, method, start + offset * DAY,
                     document='%s/%s' % (method[7:].upper(), record.id) if method in (
                         'action_file', 'action_vks_answer') else None)
                if method == stop:
                    break

        def decide(record, result, day, amount=0):
            record.write({'result': result, 'decision_number': '%d/%d/QĐ-MGNVTHA' % (record.id, day.year),
                          'date_decision': D(day), 'amount_decided': amount})
            step(record, 'action_decision', day + 2 * DAY)

        offsets = (0, 5, 9, 13, 25, 30, 31)
        # carried over from the previous year, exempted in this one: the case is terminated
        carried = proposal(0, 1500000, 'exempt')
        run(carried, year_start - 45 * DAY, offsets)
        decide(carried, 'exempt', end - 60 * DAY)
        # reduced by less than proposed
        reduced = proposal(1, 50000000, 'reduce', 12000000)
        run(reduced, end - 75 * DAY, offsets)
        decide(reduced, 'reduce', end - 25 * DAY, 10000000)
        # rejected by the court
        rejected = proposal(2, 1800000, 'exempt')
        run(rejected, end - 70 * DAY, offsets)
        decide(rejected, 'rejected', end - 20 * DAY)
        # under way: at the procuracy
        pending = proposal(3, 60000000, 'reduce', 15000000)
        run(pending, end - 50 * DAY, offsets, stop='action_send_vks')
        # withdrawn after the verification
        withdrawn = proposal(4, 1200000, 'exempt')
        run(withdrawn, end - 60 * DAY, offsets, stop='action_verify')
        step(withdrawn, 'action_withdraw', end - 40 * DAY)
        # a draft not started yet
        proposal(5, 900000, 'exempt')
        return True
