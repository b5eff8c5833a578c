"""Issue 20, the limits read in the texts on 29/11/2026 (Bộ Pháp điển copy of
the 2014 law with TT 13/2021/TT-BTP and NĐ 62/2015/NĐ-CP interleaved:
repository diepxuan/diepxuan.github.io, van-ban/thi-hanh-an/thi-hanh-an-dan-su.md).
Expected values are counted by hand from these texts and the official
calendar, not from the code:

- TT 13/2021/TT-BTP art. 9(1), in force 13/02/2022: "Trong thời hạn 05 ngày làm
  việc kể từ ngày nhận được đơn khiếu nại lần đầu, 10 ngày kể từ ngày nhận
  được đơn khiếu nại lần hai ... phải thụ lý giải quyết"; art. 33(2): complaints
  accepted before go on under TT 02/2016/TT-BTP (not read: our row is marked
  unverified);
- NĐ 62/2015/NĐ-CP art. 38(3): "Quyết định giải quyết khiếu nại lần đầu ... đối
  với quyết định áp dụng biện pháp bảo đảm thi hành án có hiệu lực thi hành"
  (no second round); Law 106/2025 art. 105(5) keeps it;
- Law 2008 (amended 2014) art. 157(2): "Thời hạn giải quyết tố cáo là 60 ngày,
  kể từ ngày thụ lý; đối với vụ việc phức tạp ... không quá 90 ngày";
- Civil Code 2015 art. 148(5): a period in days ending on a day off ends on the
  next working day; Tết 2026: the days off run to Sunday 22/02 (Monday 23/02
  is a working day)."""
from odoo.exceptions import UserError, ValidationError

from .test_complaint import ComplaintCase


class TestComplaintTexts(ComplaintCase):

    def decided_first(self, received, accepted, decided, **vals):
        first = self.complain(day=received, **vals)
        self.on(first, accepted).action_accept()
        first.write({'proposed_outcome': 'rejected', 'decision_number': '07/QĐ-GQKN'})
        self.on(first, decided).action_decide()
        return first

    def second(self, first, day):
        action = self.on(first, day).action_second_round()
        return self.env['thads.complaint'].browse(action['res_id'])

    def test_second_round_acceptance_tt_13_2021_across_tet(self):
        first = self.decided_first('2026-02-02', '2026-02-03', '2026-02-09', date_known='2026-01-30')
        second = self.second(first, '2026-02-10')
        # 10 days from Tuesday 10/02/2026 = Friday 20/02, a Tết day off -> Monday 23/02
        self.assertEqual(second.acceptance_deadline, '2026-02-23')
        self.assertIn('TT 13/2021/TT-BTP, Điều 9 khoản 1', second.legal_basis)
        self.assertTrue(second._rule('acceptance', round_='2').verified)
        # the first round keeps 05 working days (art. 148): 03, 04, 05, 06, 09/02
        self.assertEqual(first.acceptance_deadline, '2026-02-09')

    def test_second_round_acceptance_before_tt_13_2021(self):
        first = self.decided_first('2021-05-20', '2021-05-21', '2021-06-01', date_known='2021-05-18')
        self.assertEqual(first.procedure_id, self.env.ref('thads_support.procedure_complaint_2014'))
        second = self.second(first, '2021-06-07')
        # not read (TT 02/2016): 05 working days from Monday 07/06/2021 -> 08, 09, 10, 11, 14/06
        self.assertEqual(second.acceptance_deadline, '2021-06-14')
        row = second._rule('acceptance', round_='2')
        self.assertFalse(row.verified)
        self.assertIn('chưa đối chiếu', row.legal_basis)
        # the day the circular applies from picks the other row
        self.assertEqual(self.env.ref('thads_support.procedure_complaint_2014')._limit(
            'acceptance', round_='2', day='2022-02-13'), self.env.ref('thads_support.limit_complaint_2014_18'))
        self.assertEqual(self.env.ref('thads_support.procedure_complaint_2014')._limit(
            'acceptance', round_='2', day='2022-02-12'), self.env.ref('thads_support.limit_complaint_2014_19'))

    def test_first_decision_on_a_security_measure_is_final(self):
        for measure, received, known in (('freeze', '2026-03-09', '2026-03-06'),
                                         ('security', '2026-03-09', '2026-03-02')):
            first = self.decided_first(received, '2026-03-10', '2026-03-13', measure=measure, date_known=known)
            self.assertTrue(first.final_decision, measure)
            with self.assertRaisesRegex(UserError, 'Điều 38 khoản 3'):
                first.action_second_round()
            self.assertFalse(first.second_round_ids)
        # Law 106/2025 art. 105(5)
        later = self.decided_first('2026-07-06', '2026-07-07', '2026-07-10', measure='security',
                                   date_known='2026-07-01')
        self.assertEqual(later.procedure_id, self.env.ref('thads_support.procedure_complaint_2026'))
        self.assertTrue(later.final_decision)
        with self.assertRaisesRegex(UserError, 'Điều 105 khoản 5'):
            later.action_second_round()
        # other decisions and acts, and coercion, have a second round
        general = self.decided_first('2026-03-09', '2026-03-10', '2026-03-13', date_known='2026-03-02')
        self.assertFalse(general.final_decision)
        self.assertEqual(self.second(general, '2026-03-16').round, '2')

    def test_denunciation_2014_cites_article_157(self):
        denunciation = self.on(self.env['thads.complaint'].with_context(thads_no_email=True), '2026-03-02').create({
            'kind': 'denunciation', 'office_id': self.region_a1.id, 'content': 'Tố cáo.',
            'denouncer_name': 'Người Tố Cáo', 'complexity': 'complex'})
        self.on(denunciation, '2026-03-03').action_accept()
        # art. 157(2): complex, at most 90 days from the acceptance: 03/03 + 90 = 01/06/2026 (Monday)
        self.assertEqual(denunciation.decision_deadline, '2026-06-01')
        self.assertIn('Điều 157 khoản 2', denunciation.legal_basis)
        self.assertTrue(denunciation._rule('decision', complexity='complex').verified)

    def test_versions_of_a_limit_may_not_overlap(self):
        version = self.env.ref('thads_support.procedure_complaint_2014')
        values = {'procedure_id': version.id, 'kind': 'acceptance', 'round': '2', 'count': 7, 'unit': 'days',
                  'legal_basis': 'Thử'}
        for dates in ({'date_from': '2023-01-01'}, {'date_to': '2016-01-01'},
                      {'date_from': '2022-01-01', 'date_to': '2022-03-01'}):
            with self.assertRaises(ValidationError):
                self.env['thads.complaint.limit'].create(dict(values, **dates))
        # another round or another kind is another limit
        self.env['thads.complaint.limit'].create(dict(values, kind='extension', date_from='2023-01-01'))
