from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import ThadsAccountsCase


class TestOffice(ThadsAccountsCase):

    def test_subtree_uses_parent_store(self):
        subtree = self.env['thads.office'].search([('id', 'child_of', self.province_a.id)])
        self.assertEqual(subtree, self.province_a | self.region_a1 | self.region_a2)
        self.env.cr.execute('SELECT id, parent_left, parent_right FROM thads_office WHERE id IN %s',
                            [(self.province_a.id, self.region_a1.id)])
        bounds = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        left, right = bounds[self.province_a.id]
        self.assertTrue(left < bounds[self.region_a1.id][0] < right, bounds)

    def test_successor_follows_merges(self):
        old_district = self.env['thads.office'].create({
            'name': 'Chi cục cũ', 'code': 'CC-OLD', 'kind': 'district', 'parent_id': self.province_a.id,
            'date_start': '2010-01-01', 'date_end': '2025-06-30', 'successor_id': self.region_a1.id})
        self.assertEqual(old_district.successor_at('2025-06-30'), old_district)
        self.assertEqual(old_district.successor_at('2025-07-01'), self.region_a1)
        self.region_a1.write({'date_end': '2026-06-30', 'successor_id': self.region_a2.id})
        self.assertEqual(old_district.successor_at('2026-09-30'), self.region_a2)

    def test_constraints(self):
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            self.province_a.parent_id = self.region_a1
        self.assertIn('cannot be its own parent', ctx.exception.name)
        with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
            self.region_a2.write({'date_start': '2026-01-01', 'date_end': '2025-01-01'})
        self.assertIn('cannot end before it starts', ctx.exception.name)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.region_a2.successor_id = self.region_a2

    def test_code_unique_and_search_by_code(self):
        with self.assertRaises(IntegrityError), self.env.cr.savepoint(), mute_logger('odoo.sql_db'):
            self.env['thads.office'].create({'name': 'Dup', 'code': 'T-A'})
        found = self.env['thads.office'].name_search('T-B')
        self.assertIn(self.province_b.id, [r[0] for r in found])

    def test_leaders_for_escalation(self):
        self.assertEqual(self.users['executor'].thads_office_leaders(), self.users['leader'])
        # without a head, the leaders of the office
        self.assertEqual(self.users_b['executor'].thads_office_leaders(), self.users_b['leader'])
