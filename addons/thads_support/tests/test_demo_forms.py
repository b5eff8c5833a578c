"""Issue 19: the demo's closed quarter (thads_stats) shows every form in
force, including the forms this addon adds: h) complaints and
denunciations, i) citizen reception."""
from odoo.tests import common


class TestDemoQuarter(common.TransactionCase):

    def test_demo_quarter_closed_in_forms_h_and_i(self):
        if not self.env['ir.module.module'].search([('name', '=', 'thads_support')]).demo:
            return  # installed without demo data
        Report = self.env['thads.stat.report']
        first = Report.search([('form_id', '=', self.env.ref('thads_stats.form_tk_viec').id),
                               ('state', '=', 'closed')], order='id', limit=1)
        self.assertTrue(first, 'the demo closes a quarter in form a)')
        closed = Report.search([('period_id', '=', first.period_id.id), ('office_id', '=', first.office_id.id),
                                ('state', '=', 'closed')])
        codes = set(closed.mapped('form_id.code'))
        for xmlid in ('thads_support.form_tk_kntc', 'thads_support.form_tk_tcd'):
            self.assertIn(self.env.ref(xmlid).code, codes)
        # every form in force for the quarter is closed, none twice
        in_force = self.env['thads.stat.form'].search([]).filtered(
            lambda form: form._valid_on(first.period_id.date_end)
            and (not form._months() or first.period_id.months in form._months()))
        self.assertEqual(set(in_force.mapped('code')), codes)
        self.assertEqual(len(closed), len(in_force))
