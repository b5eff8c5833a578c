"""What the tests of the statistical forms share: compute a report of a form
for an office on the test period, read the row of one office (or of one
officer under it), and the first cells of a row."""


class FormReportMixin(object):
    """Mixed into a test case that sets `self.period` (thads.stat.period)."""

    @classmethod
    def _form_period(cls, year, months):
        """The `months`-month period of the statistical year `year` (its
        periods generated); reports of any scope are computed at once, not
        queued."""
        cls.env['thads.stat.period'].generate_year(year)
        cls.env['ir.config_parameter'].sudo().set_param('thads_stats.sync_office_limit', '100000')
        return cls.env['thads.stat.period'].search([('stat_year', '=', year), ('months', '=', months)])

    def report(self, form, office, period=None):
        report = self.env['thads.stat.report'].create(
            {'form_id': form.id, 'period_id': (period or self.period).id, 'office_id': office.id})
        report.action_compute()
        return report

    def row(self, report, office, executor=None):
        line = report.line_ids.filtered(lambda l: l.office_id == office and (
            l.level == 'executor' and l.executor_id == executor if executor else l.level == 'office'))
        self.assertEqual(len(line), 1)
        return line

    @staticmethod
    def values(line, count):
        """The cells c1 .. c<count> of `line`."""
        return [line.value('c%d' % i) for i in range(1, count + 1)]
