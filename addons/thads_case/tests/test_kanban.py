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
        if Case._fields[group_by].type == 'selection':
            # Odoo 11 keys a selection column by its raw value, the web
            # client looks it up by its label: its bars stay empty
            labels = dict(Case._fields[group_by]._description_selection(Case.env))
            odoo = {labels[key]: counts for key, counts in odoo.items()}
        with mock.patch.object(type(Case), 'search_read', side_effect=AssertionError('read every record')):
            ours = Case.read_progress_bar(domain or [], group_by, BAR)
        self.assertEqual(ours, odoo)
        return ours

    def test_same_counts_as_odoo_per_role(self):
        self.assertEqual(set(self.compare(self.users['leader'], 'state')),
                         {'Received', 'Decision issued', 'Voluntary period'})
        self.assertEqual(set(self.compare(self.users['leader'], 'office_id')), {'Khu vực A1'},
                         'record rules: the leader of A1 does not count B1\'s case')
        self.assertLessEqual({'Khu vực A1', 'Khu vực B1'}, set(self.compare(self.users['national'], 'office_id')))
        self.compare(self.users['executor'], 'executor_id', [('state', '!=', 'closed')])

    def test_dates_keep_odoo_way(self):
        Case = self.env['thads.case'].sudo(self.users['leader'])
        result = Case.read_progress_bar([], 'date_received:month', BAR)
        self.assertEqual(result, WebBase.read_progress_bar(Case, [], 'date_received:month', BAR))

    def test_bars_count_by_deadline_status_under_the_column_label(self):
        """The bars of a state column count the cases by their stored
        deadline status, under the name the web client gives the column."""
        Case = self.env['thads.case'].sudo(self.users['leader'])
        # a notified case has the end of the voluntary period ahead
        self.env.cr.execute("UPDATE thads_case SET deadline_status = 'overdue' WHERE id = %s", (self.cases[1].id,))
        self.env.cr.execute("UPDATE thads_case SET deadline_status = 'soon' WHERE id = %s", (self.cases[0].id,))
        Case.invalidate_cache()
        bars = Case.with_context(lang='vi_VN').read_progress_bar([], 'state', BAR)
        labels = dict(Case._fields['state']._description_selection(Case.with_context(lang='vi_VN').env))
        self.assertEqual(bars[labels['voluntary']], {'ok': 0, 'soon': 0, 'overdue': 1})
        self.assertEqual(bars[labels['new']], {'ok': 0, 'soon': 1, 'overdue': 0})
        self.assertNotEqual(labels['voluntary'], 'Voluntary period', 'the Vietnamese label')


class TestKanbanColumns(ThadsCaseCase):
    """Columns by state follow the life cycle (lib/lifecycle.py) and start
    folded when empty or closed."""

    def test_columns_in_life_cycle_order_and_folded(self):
        from odoo.addons.thads_case.lib import lifecycle
        case = self.make_case()
        self.record(case, 'decide', '2026-03-03', executor_id=self.users['executor'].id)
        Case = self.env['thads.case'].sudo(self.users['leader'])
        groups = Case.read_group([], ['state'], ['state'])
        columns = lifecycle.queue_columns()
        self.assertEqual([g['state'] for g in groups], [state for state, _folded in columns])
        self.assertLess([state for state, _f in columns].index('received'),
                        [state for state, _f in columns].index('enforcing'))
        self.assertLess([state for state, _f in columns].index('suspended'),
                        [state for state, _f in columns].index('done'))
        by_state = {g['state']: g for g in groups}
        self.assertFalse(by_state['new']['__fold'])
        self.assertEqual(by_state['new']['state_count'], 1)
        self.assertTrue(by_state['enforcing']['__fold'], 'empty')
        self.assertEqual(dict(columns)['closed'], True)
        self.assertEqual(dict(columns)['done'], False, 'a completed case still waits to be closed')
        self.assertEqual(dict(columns)['enforcing'], False)

    def test_list_colours_and_single_deadline_column(self):
        arch = self.env['thads.case'].fields_view_get(
            view_id=self.env.ref('thads_case.thads_case_view_tree').id, view_type='tree')['arch']
        self.assertIn("deadline_status == 'soon'", arch)
        self.assertIn("deadline_status == 'overdue'", arch)
        self.assertIn('next_deadline_display', arch)
        self.assertNotIn('name="next_deadline_rule_id"', arch)

    def test_deadline_display(self):
        case = self.make_case()
        self.record(case, 'decide', '2026-03-03', executor_id=self.users['executor'].id)
        self.assertTrue(case.next_deadline_date, 'a decision must be notified within a legal period')
        self.assertTrue(case.next_deadline_display.startswith(
            '%s/%s/%s' % tuple(reversed(case.next_deadline_date.split('-')))))
        self.assertIn(case.next_deadline_rule_id.name, case.next_deadline_display)
