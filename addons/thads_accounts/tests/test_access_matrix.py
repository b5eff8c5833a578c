"""The access table's rows of thads_accounts, cell by cell, as every demo
role over XML-RPC (harness: access_matrix.py)."""
import datetime
import itertools

from .access_matrix import AccessMatrixCase, Factory, role_tests

SERIAL = itertools.count(1)


def office(env, place, owner, tag):
    return {'name': 'Cơ quan ma trận %d' % next(SERIAL), 'code': 'MATRIX-%d' % next(SERIAL), 'kind': 'region',
            'parent_id': env.ref('thads_accounts.office_hn_demo').id}


def calendar_day(env, place, owner, tag):
    # a Wednesday of 2041 per record: far from every demo deadline
    day = datetime.date(2041, 1, 2) + datetime.timedelta(weeks=next(SERIAL))
    return {'date': day.isoformat(), 'kind': 'off', 'name': 'Ngày nghỉ thử'}


def calendar_notice(env, place, owner, tag):
    return {'name': 'Thông báo thử', 'year': 2100 + next(SERIAL)}


def access_denial(env, place, owner, tag):
    return {'user_id': owner.id, 'login': owner.login, 'office_id': place.id, 'model': 'thads.case',
            'operation': 'read', 'source': 'rule', 'res_ids': '1'}


def directory_office(env, place, owner, tag):
    return {'code': 'MATRIX.DIR.%d' % next(SERIAL), 'office_id': place.id}


@role_tests
class TestAccessMatrixAccounts(AccessMatrixCase):
    ADDON = 'thads_accounts'

    def factories(self):
        return {
            'thads.office': Factory(office, ('short_name', 'MT'), office=False),
            'thads.calendar.day': Factory(calendar_day, ('name', 'Đã đổi'), office=False),
            'thads.calendar.notice': Factory(calendar_notice, ('name', 'Đã đổi'), office=False),
            'thads.access.denial': Factory(access_denial, ('model', 'thads.office')),
            'thads.directory.office': Factory(directory_office, ('note', 'Đã đổi')),
        }
