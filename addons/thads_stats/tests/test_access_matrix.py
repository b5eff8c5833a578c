"""The access table's rows of thads_stats, cell by cell, as every demo role
over XML-RPC (harness: thads_accounts/tests/access_matrix.py)."""
import base64
import itertools

from odoo.addons.thads_accounts.tests.access_matrix import AccessMatrixCase, Factory, role_tests

from ..models.thads_stat_internal import internal

SERIAL = itertools.count(1)


def period_vals(env, office, owner, tag=None):
    return {'name': 'Kỳ thử %d' % next(SERIAL), 'kind': 'adhoc', 'date_start': '2026-01-01',
            'date_end': '2026-01-31'}


def form_vals(env, office, owner, tag=None):
    return {'code': 'MT-%d' % next(SERIAL), 'name': 'Biểu thử', 'unit': 'count', 'regime': 'Thử'}


def column_vals(env, office, owner, tag=None):
    return {'form_id': env['thads.stat.form'].create(form_vals(env, office, owner)).id,
            'code': 'c%d' % next(SERIAL), 'label': 'Cột thử'}


def report_vals(env, office, owner, tag=None):
    period = env['thads.stat.period'].create(period_vals(env, office, owner))
    return {'form_id': env.ref('thads_stats.form_tk_viec').id, 'period_id': period.id, 'office_id': office.id}


def report(env, office, owner, closed=False):
    record = env['thads.stat.report'].create(report_vals(env, office, owner))
    if closed:
        internal(record).write({'state': 'closed'})
    return record


def line_vals(env, office, owner, tag=None):
    return {'report_id': report(env, office, owner).id, 'level': 'office', 'office_id': office.id,
            'values_json': '{}'}


def lock_vals(env, office, owner, tag=None):
    return {'office_id': office.id, 'date_end': '2019-09-30'}


def unlock_vals(env, office, owner, tag=None):
    return {'report_id': report(env, office, owner, closed=True).id, 'reason': 'Sai số liệu'}


def reconciliation_vals(env, office, owner, tag=None):
    return {'report_id': report(env, office, owner).id, 'file': base64.b64encode(b'office,c1\n'),
            'filename': 'tay.csv'}


def reconciliation_line_vals(env, office, owner, tag=None):
    reconciliation = env['thads.stat.reconciliation'].create(reconciliation_vals(env, office, owner))
    return {'reconciliation_id': reconciliation.id, 'office_id': office.id, 'column_code': 'c1'}


class TestAccessMatrixStats(AccessMatrixCase):
    ADDON = 'thads_stats'

    def factories(self):
        return {
            'thads.stat.period': Factory(period_vals, ('name', 'Đã đổi'), office=False),
            'thads.stat.form': Factory(form_vals, ('name', 'Đã đổi'), office=False),
            'thads.stat.form.column': Factory(column_vals, ('label', 'Đã đổi'), office=False),
            'thads.stat.report': Factory(report_vals, ('form_id', self.env.ref('thads_stats.form_tk_tien').id)),
            'thads.stat.report.line': Factory(line_vals, ('values_json', '{"c1": 1}'), writer=internal),
            'thads.stat.lock': Factory(lock_vals, ('date_end', '2019-12-31'), writer=internal),
            'thads.stat.unlock.request': Factory(unlock_vals, ('reason', 'Lý do khác')),
            'thads.stat.reconciliation': Factory(reconciliation_vals, ('filename', 'khac.csv')),
            'thads.stat.reconciliation.line': Factory(reconciliation_line_vals, ('manual', 7.0), writer=internal),
        }


role_tests(TestAccessMatrixStats)
