from unittest import mock

from odoo.addons.web.models.models import Base as WebBase

from .common import ThadsCaseCase

BAR = {'field': 'deadline_status', 'colors': {'ok': 'success', 'soon': 'warning', 'overdue': 'danger'}}


class TestKanbanProgressBar(ThadsCaseCase):
    """The case kanban's column progress bars are counted by read_group
    (thads_accounts/models/thads_kanban_progress_mixin.py), with the result Odoo 11 computes by
    reading every record, record rules included."""

    def setUp(self):
        super(TestKanbanProgressBar, self).setUp()
        self.cases = [self.make_case() for _ in range(3)] + [self.make_case(executor=self.users_b['executor'])]
        self.record(self.cases[0], 'decide', '2026-03-03', executor_id=self.users['executor'].id)
        self.record(self.cases[1], 'decide', '2026-03-03', executor_id=self.users['executor'].id)
        self.record(self.cases[1], 'notify', '2026-03-04')

    def compare(self, user, group_by, domain=None):
        Case = self.env['thads.case'].sudo(user)
        odoo = WebBase.read_progress_bar(Case, domain or [], group_by, BAR)
        with mock.patch.object(type(Case), 'search_read', side_effect=AssertionError('read every record')):
            ours = Case.read_progress_bar(domain or [], group_by, BAR)
        self.assertEqual(ours, odoo)
        return ours

    def test_same_counts_as_odoo_per_role(self):
        self.assertEqual(set(self.compare(self.users['leader'], 'state')), {'received', 'new', 'voluntary'})
        self.assertEqual(set(self.compare(self.users['leader'], 'office_id')), {'Khu vực A1'},
                         'record rules: the leader of A1 does not count B1\'s case')
        self.assertLessEqual({'Khu vực A1', 'Khu vực B1'}, set(self.compare(self.users['national'], 'office_id')))
        self.compare(self.users['executor'], 'executor_id', [('state', '!=', 'closed')])

    def test_dates_keep_odoo_way(self):
        Case = self.env['thads.case'].sudo(self.users['leader'])
        result = Case.read_progress_bar([], 'date_received:month', BAR)
        self.assertEqual(result, WebBase.read_progress_bar(Case, [], 'date_received:month', BAR))
