"""The access table's rows of thads_case, cell by cell, as every demo role
over XML-RPC (harness: thads_accounts/tests/access_matrix.py)."""
import base64
import datetime
import itertools

from odoo import fields

from odoo.addons.thads_accounts.tests.access_matrix import AccessMatrixCase, Factory, PLACES, role_tests

from ..models.thads_case import replaying

SERIAL = itertools.count(1)


def case(env, office, owner, tag=None):
    """A case of `office` in the charge of `owner` (as the superuser), after
    the demo's closed statistics (Hà Nội is locked until 30/09/2026)."""
    return env['thads.case'].create(case_vals(env, office, owner, tag))


def case_vals(env, office, owner, tag=None):
    return {'office_id': office.id, 'executor_id': owner.id, 'kind': 'theo_yeu_cau', 'date_received': '2026-11-02',
            'court': 'TAND khu vực 1', 'judgment_number': 'MT-%d/2026/DS-ST' % next(SERIAL)}


def event_vals(env, office, owner, tag=None):
    return {'case_id': case(env, office, owner).id, 'event_type': 'decide', 'date': '2026-11-04',
            'document_number': '%d/QĐ-THADS' % next(SERIAL)}


def party_vals(env, office, owner, tag=None):
    partner = env['res.partner'].create({'name': 'Đương sự ma trận %d' % next(SERIAL)})
    return {'case_id': case(env, office, owner).id, 'partner_id': partner.id, 'role': 'debtor'}


def obligation_vals(env, office, owner, tag=None):
    return {'case_id': case(env, office, owner).id, 'name': 'Trả tiền', 'kind': 'money', 'amount_due': 1000000}


def handover_vals(env, office, owner, tag=None):
    receiver = env['res.users'].search([('thads_office_id', '=', office.id), ('id', '!=', owner.id)], limit=1) \
        or env.ref('thads_accounts.user_hn_leader_demo')
    return {'name': 'Bàn giao %d' % next(SERIAL), 'date': '2026-11-10', 'from_user_id': owner.id,
            'to_user_id': receiver.id, 'office_id': office.id}


def delegation_vals(env, office, owner, tag=None):
    # sent to Đà Nẵng, where no demo role of the matrix works: the record
    # belongs to the user's subtree through its origin only
    return {'case_id': case(env, office, owner).id, 'date': '2026-11-10', 'origin_office_id': office.id,
            'office_id': env.ref('thads_accounts.office_dn_kv1_demo').id}


def exemption_vals(env, office, owner, tag=None):
    budget = env['thads.case.obligation'].create({'case_id': case(env, office, owner).id, 'name': 'Án phí',
                                                  'kind': 'money', 'amount_due': 1000000, 'budget': True})
    return {'case_id': budget.case_id.id, 'obligation_id': budget.id, 'action': 'exempt'}
def coercion_vals(env, office, owner, tag=None):
    # a coercion is opened by its decision event; the matrix makes the record
    # on the replay path (writer) and probes the users' own field, the note
    return {'case_id': case(env, office, owner).id, 'kind': 'seizure', 'state': 'decided',
            'decision_number': '%d/QĐ-CCTHA' % next(SERIAL), 'decision_date': '2026-11-10',
            'office_id': office.id, 'executor_id': owner.id}


def import_vals(env, office, owner, tag=None):
    return {'name': 'Nhập thử %d' % next(SERIAL), 'file': base64.b64encode(b'key\n'), 'filename': 'a.csv',
            'office_id': office.id}


def import_error_vals(env, office, owner, tag=None):
    batch = env['thads.case.import'].create(import_vals(env, office, owner))
    return {'import_id': batch.id, 'row': 2, 'key': 'K', 'message': 'Thiếu số bản án'}


def vks_list_vals(env, office, owner, tag=None):
    # one list per office and month: a month of its own for each fixture
    year, month = divmod(next(SERIAL), 12)
    start = '%d-%02d-01' % (2030 + year, month + 1)
    return {'name': 'Danh sách %s' % start, 'office_id': office.id, 'date_from': start, 'date_to': start}


def vks_line_vals(env, office, owner, tag=None):
    vks_list = replaying(env['thads.case.vks.list']).create(vks_list_vals(env, office, owner))
    return {'list_id': vks_list.id, 'sequence': 1, 'case_number': 'MT-1'}


def rule_vals(env, office, owner, tag=None):
    # valid from 2090: no case of the demo depends on it
    return {'code': 'matrix_%d' % next(SERIAL), 'name': 'Quy tắc thử', 'trigger_event': 'decide',
            'satisfied_by': 'notify', 'count': 3, 'unit': 'working_days', 'legal_basis': 'Điều thử',
            'date_from': '2090-01-01'}


def threshold_vals(env, office, owner, tag=None):
    return {'action': 'exempt', 'years': 5, 'legal_basis': 'Điều thử', 'date_from': '2090-01-01',
            'max_amount': 1000}


def ground_vals(env, office, owner, tag=None):
    return {'code': 'matrix_%d' % next(SERIAL), 'name': 'Căn cứ thử', 'citation': 'Điều thử',
            'event_type': 'no_condition', 'date_from': '2090-01-01'}


def partner_vals(env, office, owner, tag=None):
    partner = {'name': 'Người ma trận %d' % next(SERIAL)}
    if tag == 'party':  # made a party of a case of `office` (ID number: personal data)
        return dict(partner, thads_id_number='0010900%05d' % next(SERIAL),
                    thads_party_ids=[(0, 0, {'case_id': case(env, office, owner).id, 'role': 'debtor'})])
    return partner


def vks_recommendation_vals(env, office, owner, tag=None):
    return {'name': '%d/KN-VKS' % next(SERIAL), 'kind': 'recommendation', 'procuracy': 'VKSND khu vực 1',
            'document_date': '2026-11-02', 'date_received': '2026-11-03', 'content': 'Kiến nghị ma trận',
            'office_id': office.id, 'user_id': owner.id}


def vks_rule_vals(env, office, owner, tag=None):
    # versions may not overlap: a day of its own for each fixture, before the
    # first version (01/07/2015, the amended law of 2014)
    day = fields.Date.to_string(datetime.date(1900, 1, 1) + datetime.timedelta(days=next(SERIAL)))
    return {'code': 'reply', 'kind': 'protest', 'name': 'Thời hạn thử', 'count': 15, 'unit': 'days',
            'legal_basis': 'Điều thử', 'date_from': day, 'date_to': day}


def compensation_rule_vals(env, office, owner, tag=None):
    # versions of a step may not overlap: a day of its own for each fixture, before Law 10/2017 (01/07/2018)
    day = fields.Date.to_string(datetime.date(1900, 1, 1) + datetime.timedelta(days=next(SERIAL)))
    return {'step': 'verify', 'name': 'Thời hạn thử', 'count': 20, 'unit': 'days', 'legal_basis': 'Điều thử',
            'date_from': day, 'date_to': day}


def compensation_vals(env, office, owner, tag=None):
    return {'claimant_name': 'Người yêu cầu %d' % next(SERIAL), 'claimant_id_number': '001090001234',
            'date_received': '2026-11-03', 'amount_claimed': 5000000, 'office_id': office.id}


class TestAccessMatrixCase(AccessMatrixCase):
    ADDON = 'thads_case'

    def factories(self):
        parties = [(office, login, 'party') for office, login in PLACES[1:]] + [(None, None, None)]
        return {
            'thads.case': Factory(case_vals, ('court', 'TAND ma trận')),
            'thads.case.event': Factory(event_vals, ('note', 'Ghi chú ma trận')),
            'thads.case.party': Factory(party_vals, ('role', 'related')),
            'thads.case.obligation': Factory(obligation_vals, ('name', 'Giao tài sản')),
            'thads.case.handover': Factory(handover_vals, ('reason', 'Điều động')),
            'thads.case.delegation': Factory(delegation_vals, ('document_number', 'UT-1', 'workflow'),
                                             writer=replaying),
            'thads.case.coercion': Factory(coercion_vals, ('note', 'Ghi chú ma trận'), writer=replaying),
            'thads.case.vks.list': Factory(vks_list_vals, ('sent_reference', 'CV-12/THADS'), writer=replaying),
            'thads.case.vks.list.line': Factory(vks_line_vals, ('case_number', 'MT-2'), writer=replaying),
            'thads.case.exemption': Factory(exemption_vals, ('note', 'Ghi chú ma trận')),
            'thads.case.import': Factory(import_vals, ('name', 'Đã đổi')),
            'thads.case.import.error': Factory(import_error_vals, ('message', 'Đã đổi')),
            'thads.case.vks.recommendation': Factory(vks_recommendation_vals, ('subject', 'QĐ cưỡng chế')),
            'thads.case.vks.rule': Factory(vks_rule_vals, ('count', 16), office=False),
            'thads.case.compensation': Factory(compensation_vals, ('description', 'Thiệt hại do kê biên')),
            'thads.case.compensation.rule': Factory(compensation_rule_vals, ('count', 21), office=False),
            'thads.deadline.rule': Factory(rule_vals, ('remind_days', 2), office=False),
            'thads.exemption.threshold': Factory(threshold_vals, ('years', 6), office=False),
            'thads.case.ground': Factory(ground_vals, ('aliases', 'thử'), office=False),
            'res.partner': Factory(partner_vals, ('comment', 'Ghi chú ma trận'), places=parties,
                                   create_places=[(None, None, None)]),
        }


role_tests(TestAccessMatrixCase)
