"""The access table's rows of thads_support, cell by cell, as every demo
role over XML-RPC (harness: thads_accounts/tests/access_matrix.py)."""
import itertools

from odoo import fields
from odoo.addons.thads_accounts.tests.access_matrix import AccessMatrixCase, Factory, role_tests

SERIAL = itertools.count(1)


def procedure_vals(env, office, owner, tag=None):
    # a version of a year long gone (one year each: versions never overlap)
    year = 1100 + next(SERIAL)
    return {'code': 'confirmation', 'name': 'Thủ tục thử %d' % year, 'date_start': '%d-01-01' % year,
            'date_end': '%d-12-31' % year, 'legal_basis': 'Điều thử'}


def step_vals(env, office, owner, tag=None):
    return {'procedure_id': env['thads.support.procedure'].create(procedure_vals(env, office, owner)).id,
            'sequence': 1, 'name': 'Bước thử', 'kind': 'receive', 'role': 'support', 'days': 1}


def request_vals(env, office, owner, tag=None):
    return {'procedure_code': tag or 'confirmation', 'office_id': office.id, 'user_id': owner.id,
            'applicant_name': 'Người yêu cầu %d' % next(SERIAL), 'applicant_email': 'nguoi@example.vn',
            'applicant_id_number': '001090%06d' % next(SERIAL), 'content': 'Xin xác nhận kết quả thi hành án.'}


def assign(request, owner):
    # the first step assigns the request to the office's support officer:
    # hand it to the fixture's owner, as a leader would
    request.write({'user_id': owner.id})


def counter_vals(env, office, owner, tag=None):
    return {'client_ip': '10.0.%d.1' % (next(SERIAL) % 250), 'count': 1, 'hour': fields.Datetime.now()}


class TestAccessMatrixSupport(AccessMatrixCase):
    ADDON = 'thads_support'

    def factories(self):
        kv1, kv2, hcm = ('thads_accounts.office_hn_kv1_demo', 'thads_accounts.office_hn_kv2_demo',
                         'thads_accounts.office_hcm_kv1_demo')
        requests = [(kv1, 'hotro.hn1', None), (kv1, 'chv.hn1', None), (kv2, 'chv.hn3', None),
                    (hcm, 'chv.hcm1', 'petition')]
        return {
            'thads.support.procedure': Factory(procedure_vals, ('legal_basis', 'Đã đổi'), office=False),
            'thads.support.step': Factory(step_vals, ('description', 'Đã đổi'), office=False),
            'thads.support.request': Factory(request_vals, ('internal_note', 'Ghi chú ma trận'), places=requests,
                                             after=assign),
            'thads.support.rate.counter': Factory(counter_vals, ('count', 5), office=False,
                                                  group_by='client_ip'),
        }


role_tests(TestAccessMatrixSupport, extra=('khieunai.cuc',))
