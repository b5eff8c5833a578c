"""The access table's rows of thads_support, cell by cell, as every demo
role over XML-RPC (harness: thads_accounts/tests/access_matrix.py)."""
import itertools

from odoo import fields
from odoo.addons.thads_accounts.tests.access_matrix import AccessMatrixCase, Factory, role_tests

from ..models.thads_denunciation_identity import identity_writer

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


def limit_vals(env, office, owner, tag=None):
    return {'procedure_id': env['thads.support.procedure'].create(procedure_vals(env, office, owner)).id,
            'kind': 'decision', 'count': 15, 'unit': 'days', 'legal_basis': 'Điều thử'}


def complaint_vals(env, office, owner, tag=None):
    vals = {'kind': tag or 'complaint', 'office_id': office.id, 'content': 'Khiếu nại thử %d' % next(SERIAL),
            'date_known': fields.Date.context_today(env.user)}
    if vals['kind'] == 'denunciation':
        vals['denouncer_name'] = 'Người tố cáo %d' % next(SERIAL)
    else:
        vals.update(applicant_name='Người khiếu nại %d' % next(SERIAL), applicant_email='kn@example.vn')
    return vals


def identity_vals(env, office, owner, tag=None):
    # a new denunciation of the office, handled by the owner; its identity
    # (made by the receipt) is replaced by the fixture's
    denunciation = env['thads.complaint'].with_context(thads_no_email=True).create(
        complaint_vals(env, office, owner, 'denunciation'))
    denunciation.user_id = owner
    env['thads.denunciation.identity'].search([('complaint_id', '=', denunciation.id)]).unlink()
    return {'complaint_id': denunciation.id, 'name': 'Người tố cáo %d' % next(SERIAL), 'id_number': '001085000001'}


def reception_vals(env, office, owner, tag=None):
    return {'name': 'Công dân %d' % next(SERIAL), 'office_id': office.id, 'receiver_id': owner.id,
            'content_kind': 'other', 'content': 'Hỏi tiến độ thi hành án.'}


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
            'thads.complaint.limit': Factory(limit_vals, ('legal_basis', 'Đã đổi'), office=False,
                                             group_by='kind'),
            'thads.complaint': Factory(complaint_vals, ('verification_note', 'Đã xác minh'), after=assign, places=[
                (kv1, 'hotro.hn1', 'complaint'), (kv1, 'chv.hn1', 'denunciation'), (kv2, 'chv.hn3', 'complaint'),
                (hcm, 'chv.hcm1', 'complaint')]),
            'thads.citizen.reception': Factory(reception_vals, ('answer', 'Đã trả lời')),
            'thads.denunciation.identity': Factory(identity_vals, ('phone', '0900000000'), writer=identity_writer,
                                                   places=[(kv1, 'thuky.hn1', None), (kv1, 'chv.hn1', None),
                                                           (kv2, 'chv.hn3', None), (hcm, 'chv.hcm1', None)]),
        }


role_tests(TestAccessMatrixSupport, extra=('khieunai.cuc',))
