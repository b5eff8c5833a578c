from .common import ThadsCaseCase


class TestCaseSearch(ThadsCaseCase):
    """Accent-insensitive search over numbers and parties (lib/search.py),
    partial ID numbers, and the record rules around it."""

    @classmethod
    def setUpClass(cls):
        super(TestCaseSearch, cls).setUpClass()
        cls.dung = cls.env['res.partner'].create({'name': 'Bùi Quốc Dũng', 'thads_id_number': '001089012345'})
        cls.dang = cls.env['res.partner'].create({'name': 'ĐẶNG THỊ HOA', 'thads_id_number': '079190054321'})

    def setUp(self):
        super(TestCaseSearch, self).setUp()
        self.case = self.make_case()
        self.case.write({'judgment_number': '41/2026/DS-ST',
                         'party_ids': [(0, 0, {'partner_id': self.dung.id, 'role': 'debtor'})]})
        self.record(self.case, 'decide', '2026-03-03', document_number='07/QĐ-THADS',
                    executor_id=self.users['executor'].id)
        self.other = self.make_case()  # same default judgment 12/2026/DS-ST, no Dũng
        self.other.write({'party_ids': [(0, 0, {'partner_id': self.dang.id, 'role': 'creditor'})]})
        self.remote = self.make_case(executor=self.users_b['executor'])
        self.remote.write({'judgment_number': '41/2026/DS-ST',
                           'party_ids': [(0, 0, {'partner_id': self.dung.id, 'role': 'debtor'})]})

    def find(self, field, value, user=None, operator='ilike'):
        Case = self.env['thads.case']
        if user:
            Case = Case.sudo(user)
        # among this test's cases (the demo data has random names and numbers)
        mine = (self.case | self.other | self.remote).ids
        return Case.search([(field, operator, value), ('id', 'in', mine)])

    def test_names_without_accents(self):
        found = self.find('search_party', 'bui quoc dung', self.users['executor'])
        self.assertEqual(found, self.case)
        self.assertEqual(self.find('search_text', 'BUI QUOC', self.users['executor']), self.case)
        self.assertEqual(self.find('search_party', 'dang thi', self.users['executor']), self.other,
                         '"Đ" is found as "d"')
        self.assertEqual(self.find('search_party', 'Dũng Bùi'), self.env['thads.case'], 'the words in order')

    def test_judgment_decision_and_case_numbers(self):
        self.assertEqual(self.find('search_judgment', '41/2026/DS-ST', self.users['executor']), self.case)
        self.assertEqual(self.find('search_text', '41/2026/ds-st', self.users['executor']), self.case)
        self.assertEqual(self.find('search_decision', '07/QD-THADS', self.users['executor']), self.case,
                         '"QD" finds "QĐ"')
        self.assertEqual(self.find('search_case_number', self.case.name, operator='='), self.case)
        # each option searches only what its label says
        self.assertFalse(self.find('search_case_number', '41/2026/DS-ST'))
        self.assertFalse(self.find('search_judgment', self.case.name))
        self.assertFalse(self.find('search_judgment', 'bui quoc dung'))
        self.assertFalse(self.find('search_party', '41/2026'))

    def test_like_wildcards_are_literal(self):
        self.assertFalse(self.find('search_judgment', '41%DS'))
        self.assertFalse(self.find('search_judgment', '4_/2026'))

    def test_partial_id_number(self):
        self.assertEqual(self.find('search_id_number', '89012', self.users['executor']), self.case)
        self.assertEqual(self.find('search_id_number', '001 089 012 345', self.users['executor']), self.case)
        self.assertEqual(self.find('search_id_number', '054321', self.users['executor']), self.other)
        self.assertFalse(self.find('search_id_number', '999999'))

    def test_negative_operator(self):
        cases = self.case | self.other
        found = self.env['thads.case'].search([('id', 'in', cases.ids), ('search_party', 'not ilike', 'bui quoc')])
        self.assertEqual(found, self.other)

    def test_access_rules_still_apply(self):
        self.assertEqual(self.find('search_party', 'bui quoc dung', self.users['leader']), self.case)
        self.assertEqual(self.find('search_party', 'bui quoc dung', self.users_b['executor']), self.remote)
        self.assertEqual(self.find('search_party', 'dang thi hoa', self.users_b['executor']),
                         self.env['thads.case'], 'an executor of another province finds nothing')
        self.assertEqual(self.find('search_id_number', '89012', self.users_b['executor']), self.remote)
        self.assertEqual(self.find('search_judgment', '41/2026', self.users['national']), self.case | self.remote)

    def test_name_search(self):
        found = self.env['thads.case'].sudo(self.users['executor']).name_search('bui quoc dung')
        self.assertEqual([row[0] for row in found], [self.case.id])
        found = self.env['thads.case'].sudo(self.users['executor']).name_search('07/qd-thads')
        self.assertEqual([row[0] for row in found], [self.case.id])

    def test_indexes_exist(self):
        self.env.cr.execute("""SELECT indexname FROM pg_indexes
                                WHERE indexname IN ('thads_case_name_trgm_idx', 'thads_case_judgment_trgm_idx',
                                                    'thads_case_decision_trgm_idx',
                                                    'res_partner_name_unaccent_trgm_idx',
                                                    'res_partner_thads_id_number_trgm_idx')""")
        self.assertEqual(len(self.env.cr.fetchall()), 5)
        self.env.cr.execute("SELECT thads_unaccent('Bùi Quốc Dũng, Đặng')")
        self.assertEqual(self.env.cr.fetchone()[0], 'Bui Quoc Dung, Dang')
