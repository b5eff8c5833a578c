# -*- coding: utf-8 -*-
"""The access table: who may do what to which THADS record.

One declarative table for the four addons.  A row per model names where the
record's office is (a field path, or several OR-ed: a delegation belongs to
the office that sends it and to the one that receives it), who owns it (a
field path to res.users) and, per role, the scope of each operation:

    -        none (no ACL: the operation is refused)
    own      records the user owns (own cases, steps assigned to them)
    office   records of the user's office subtree
    nation   every record
    <name>   a scope of the row itself (``scopes``), e.g. petitions nationwide

A user holds several roles (groups, with the groups they imply): their right
on an operation is the union of the scopes of their roles.  Odoo implements
exactly that when every role that has an ACL on an operation also has a
record rule for it (group rules are OR-ed only among the rules that apply to
the user), so the generator writes one rule per role and scope, ``nation``
included.

Generated from this file (``tools/gen_access.py``; ``tests/unit`` fails when
the files differ): every addon's ``security/ir.model.access.csv`` and
``security/<addon>_access_rules.xml``; the README's access table
(``tools/gen_access.py --markdown``).  The matrix tests
(``thads_*/tests/test_access_matrix.py``) log in as every demo role over
XML-RPC and check every cell against the *meaning* of the scopes (the
office tree, the owner), not against the generated domains.

Field-level limits sit on top of the table, in the models: fields derived
from events are written by the replay alone, events are append-only, a
handover is sent and confirmed by the right people, statistics rows are
written by the compute method.  The account administration models
(res.users, role lines, audit trail, login attempts) are not THADS records:
their rules are in thads_accounts/security/thads_security.xml.

Pure Python (no Odoo import): the unit tests and the tools load it alone.
"""
from collections import OrderedDict, namedtuple

OPS = ('read', 'write', 'create', 'unlink')
NONE, OWN, OFFICE, NATION = '-', 'own', 'office', 'nation'
ORDER = {NONE: 0, OWN: 1, OFFICE: 2, NATION: 3}

Role = namedtuple('Role', 'key group label_vi label_en')

# Roles, from the widest audience to the narrowest.  ``group``: the xml id.
ROLES = OrderedDict((r.key, r) for r in (
    Role('employee', 'base.group_user', 'Mọi người dùng nội bộ', 'Every internal user'),
    Role('reader', 'thads_accounts.group_thads_user', 'Người đọc (mọi người dùng THADS)',
         'Reader (every THADS user)'),
    Role('executor', 'thads_accounts.group_thads_executor', 'Chấp hành viên', 'Enforcement officer'),
    Role('officer', 'thads_accounts.group_thads_officer', 'Thư ký, thụ lý', 'Clerk'),
    Role('leader', 'thads_accounts.group_thads_leader', 'Lãnh đạo cơ quan', 'Office leader'),
    Role('support', 'thads_accounts.group_thads_support', 'Công chức hỗ trợ trực tuyến',
         'Online support officer'),
    Role('statistician', 'thads_accounts.group_thads_statistician', 'Cán bộ thống kê', 'Statistician'),
    Role('office_admin', 'thads_accounts.group_thads_office_admin', 'Quản trị cơ quan',
         'Office administrator'),
    Role('complaints', 'thads_support.group_thads_complaint_national', 'Cán bộ khiếu nại toàn quốc',
         'National complaint officer'),
    Role('national', 'thads_accounts.group_thads_national', 'Đọc toàn quốc', 'National reader'),
    Role('national_admin', 'thads_accounts.group_thads_national_admin', 'Quản trị toàn quốc',
         'National administrator'),
    Role('system', 'base.group_system', 'Quản trị hệ thống', 'Settings'),
))

_Model = namedtuple('Model', 'model addon label_vi office own scopes grants global_domain given note')


def Model(model, addon, label_vi, grants, office=None, own=None, scopes=None, global_domain=None, given=(),
          note=''):
    """A row.  ``grants``: role -> "read write create unlink" scopes.
    ``given``: roles whose cells Odoo itself grants (base ACLs): described
    here and checked by the matrix test, not generated."""
    parsed = OrderedDict()
    for role, spec in grants.items():
        if role not in ROLES:
            raise ValueError('%s: unknown role %s' % (model, role))
        cells = spec.split()
        if len(cells) != 4:
            raise ValueError('%s/%s: four scopes expected, got %r' % (model, role, spec))
        for cell in cells:
            if cell not in ORDER and cell not in (scopes or {}):
                raise ValueError('%s/%s: unknown scope %s' % (model, role, cell))
            if cell == OWN and not own:
                raise ValueError('%s/%s: "own" needs an owner field' % (model, role))
            if cell == OFFICE and not office:
                raise ValueError('%s/%s: "office" needs an office field' % (model, role))
        parsed[role] = dict(zip(OPS, cells))
    if isinstance(office, str):
        office = (office,)
    return _Model(model, addon, label_vi, tuple(office or ()), own, dict(scopes or {}), parsed,
                  global_domain, tuple(given), note)


PARTNER_VISIBLE = ("[(1, '=', 1)] if not user.has_group('thads_accounts.group_thads_user') "
                   "or user.has_group('thads_accounts.group_thads_national') "
                   "else ['|', ('thads_party', '=', False), "
                   "('thads_office_ids', 'child_of', user.thads_office_id.ids)] "
                   "if user.thads_office_id else [('thads_party', '=', False)]")
R = 'nation - - -'          # reference data every user reads
ADMIN = 'nation nation nation nation'

MODELS = (
    # ---------------------------------------------------------------- accounts
    Model('thads.office', 'thads_accounts', 'Cơ quan THADS',
          {'employee': R, 'national_admin': ADMIN}),
    Model('thads.calendar.day', 'thads_accounts', 'Ngày nghỉ, ngày làm bù',
          {'employee': R, 'national_admin': ADMIN}),
    Model('thads.calendar.notice', 'thads_accounts', 'Thông báo lịch nghỉ hằng năm',
          {'employee': R, 'national_admin': ADMIN}),
    Model('thads.access.denial', 'thads_accounts', 'Truy cập bị từ chối', office='office_id',
          grants={'office_admin': 'office - - -', 'national_admin': 'nation - - -'},
          note='written by the tracing hooks alone (sudo after the refusal)'),
    Model('thads.directory.office', 'thads_accounts', 'Mã đơn vị trong thư mục của Bộ', office='office_id',
          grants={'office_admin': 'office - - -', 'national_admin': ADMIN},
          note='read at sign-in by the provisioning of directory accounts (sudo, before anyone is logged in)'),
    # -------------------------------------------------------------------- cases
    Model('thads.case', 'thads_case', 'Hồ sơ thi hành án', office='office_id', own='executor_id', grants={
        'reader': 'office - - -',
        'executor': 'office own - -',
        'officer': 'office office office -',
        'leader': 'office office office office',
        'national': 'nation - - -',
        'national_admin': ADMIN}),
    Model('thads.case.event', 'thads_case', 'Sự kiện của hồ sơ', office='case_id.office_id',
          own='case_id.executor_id', grants={
              'reader': 'office - - -',
              'executor': 'office own own -',
              'officer': 'office office office -',
              'national': 'nation - - -',
              'national_admin': 'nation nation nation -'},
          note='append-only: only the note changes; corrections are new events'),
    Model('thads.case.party', 'thads_case', 'Đương sự của hồ sơ', office='case_id.office_id',
          own='case_id.executor_id', grants={
              'reader': 'office - - -',
              'executor': 'office own own own',
              'officer': 'office office office office',
              'national': 'nation - - -',
              'national_admin': ADMIN}),
    Model('thads.case.obligation', 'thads_case', 'Nghĩa vụ thi hành', office='case_id.office_id',
          own='case_id.executor_id', grants={
              'reader': 'office - - -',
              'executor': 'office own own own',
              'officer': 'office office office office',
              'national': 'nation - - -',
              'national_admin': ADMIN}),
    Model('thads.case.handover', 'thads_case', 'Bàn giao hồ sơ', office='office_id', grants={
        'reader': 'office - - -',
        'executor': 'office office office -',
        'leader': 'office office office office',
        'national': 'nation - - -',
        'national_admin': ADMIN},
          note='sent by the handing-over officer or a leader, confirmed by the receiver or a leader'),
    Model('thads.case.delegation', 'thads_case', 'Ủy thác', office=('office_id', 'origin_office_id'), grants={
        'reader': 'office - - -',
        'officer': 'office office - -',
        'national': 'nation - - -',
        'national_admin': 'nation nation - -'},
          note='created by the delegation event; state and new case set by the workflow'),
    Model('thads.case.exemption', 'thads_case', 'Đề nghị xét miễn, giảm nghĩa vụ thi hành án',
          office='case_id.office_id', own='case_id.executor_id', grants={
              'reader': 'office - - -',
              'executor': 'office own own -',
              'officer': 'office office office -',
              'leader': 'office office office office',
              'national': 'nation - - -',
              'national_admin': ADMIN},
          note='steps, dates and amounts written by the workflow (events of the case); a draft only is deleted'),
    Model('thads.case.coercion', 'thads_case', 'Cưỡng chế thi hành án', office='case_id.office_id',
          own='case_id.executor_id', grants={
              'reader': 'office - - -',
              'executor': 'office own - -',
              'officer': 'office office - -',
              'national': 'nation - - -',
              'national_admin': 'nation nation - -'},
          note='opened by the coercion decision event; its data set by the replay of its steps, only the note '
               'is written'),
    Model('thads.case.import', 'thads_case', 'Nhập hồ sơ cũ', office='office_id', grants={
        'leader': 'office office office office',
        'national_admin': ADMIN},
          note='state, progress, counts, checksum and language written by the import alone'),
    Model('thads.case.import.error', 'thads_case', 'Dòng nhập bị từ chối', office='import_id.office_id', grants={
        'leader': 'office - - -',
        'national_admin': 'nation - - -'},
          note='written by the import alone'),
    Model('thads.case.vks.list', 'thads_case', 'Danh sách việc kết thúc gửi Viện kiểm sát', office='office_id',
          grants={'reader': 'office - - -', 'leader': 'office office - -', 'national': 'nation - - -'},
          note='prepared by the system each month (NĐ 152/2026 art. 32(2)); leaders record the dispatch only'),
    Model('thads.case.vks.list.line', 'thads_case', 'Dòng của danh sách gửi Viện kiểm sát',
          office='list_id.office_id', grants={'reader': 'office - - -', 'national': 'nation - - -'},
          note='computed from the cases by the list alone'),
    Model('thads.case.vks.recommendation', 'thads_case', 'Kiến nghị, kháng nghị của Viện kiểm sát',
          office='office_id', own='user_id', grants={
              'reader': 'office - - -',
              'executor': 'office own - -',
              'officer': 'office office office -',
              'leader': 'office office office office',
              'national': 'nation - - -',
              'national_admin': ADMIN},
          note='state, deadlines and the recorded answer are written by its workflow alone'),
    Model('thads.case.vks.rule', 'thads_case', 'Thời hạn trả lời Viện kiểm sát',
          {'employee': R, 'national_admin': ADMIN}),
    Model('thads.case.compensation.rule', 'thads_case', 'Thời hạn giải quyết bồi thường nhà nước',
          {'employee': R, 'national_admin': ADMIN}),
    Model('thads.case.compensation', 'thads_case', 'Yêu cầu bồi thường nhà nước', office='office_id', grants={
        'reader': 'office - - -',
        'officer': 'office office office -',
        'leader': 'office office office office',
        'national': 'nation - - -',
        'national_admin': ADMIN},
          note="the claimant's name, ID number and address are fields of the claim: seen only in its scope"),
    Model('thads.deadline.rule', 'thads_case', 'Quy tắc thời hạn',
          {'employee': R, 'national_admin': ADMIN}),
    Model('thads.exemption.threshold', 'thads_case', 'Mức miễn, giảm',
          {'employee': R, 'national_admin': ADMIN}),
    Model('thads.case.ground', 'thads_case', 'Căn cứ pháp lý',
          {'employee': R, 'national_admin': ADMIN}),
    Model('res.partner', 'thads_case', 'Đối tác (đương sự mang số định danh)', office='thads_office_ids',
          scopes={
              # a global rule: THADS users see the parties of their subtree's
              # cases only (national roles: all); other partners stay visible
              'visible': PARTNER_VISIBLE,
              # what the case's people may change: the parties of their
              # subtree, and a partner they have just created (not yet a party)
              'parties': "['|', ('thads_office_ids', 'child_of', user.thads_office_id.ids), "
                         "'&', ('thads_party', '=', False), ('create_uid', '=', user.id)]",
              # office administrators: the contacts of the accounts they manage
              'managed': "[('thads_managed_by', '=', user.id)]"},
          global_domain=PARTNER_VISIBLE, given=('employee', 'office_admin', 'national_admin'),
          grants={
              'employee': 'visible - - -',
              'executor': '- parties nation -',
              'officer': '- parties nation -',
              'office_admin': '- managed nation -',
              'national_admin': '- nation nation -'},
          note='parties carry names and ID numbers: a global rule hides those of other offices from every '
               'THADS user (national roles excepted); reading is Odoo\'s own right of every employee; the '
               'administrators\' cells are the account administration rules (thads_security.xml)'),
    # ------------------------------------------------------------------ support
    Model('thads.support.procedure', 'thads_support', 'Thủ tục hỗ trợ trực tuyến',
          {'reader': R, 'national_admin': ADMIN}),
    Model('thads.support.step', 'thads_support', 'Bước của thủ tục',
          {'reader': R, 'national_admin': ADMIN}),
    Model('thads.support.request', 'thads_support', 'Yêu cầu trực tuyến', office='office_id', own='user_id',
          scopes={'petitions': "[('procedure_code', 'in', ('petition', 'complaint'))]",
                  # the clerks handle the complaints and denunciations of their subtree (thads.complaint)
                  'complaints_office': "[('procedure_code', 'in', ('complaint', 'denunciation')), "
                                       "('office_id', 'child_of', user.thads_office_id.ids)]"}, grants={
              'reader': 'own own - -',
              'officer': 'complaints_office complaints_office complaints_office -',
              'support': 'office office office -',
              'leader': 'office office office -',
              'complaints': 'petitions petitions - -',
              'national': 'nation - - -'},
          note='the clock fields (dates, deadlines, SLA) are written by the workflow alone'),
    Model('thads.support.rate.counter', 'thads_support', 'Bộ đếm giới hạn gửi công khai',
          {'system': 'nation - - -'}, note='written by the public routes alone (atomic upsert)'),
    Model('thads.complaint.limit', 'thads_support', 'Thời hạn luật định của khiếu nại, tố cáo',
          {'reader': R, 'national_admin': ADMIN}),
    Model('thads.complaint', 'thads_support', 'Khiếu nại, tố cáo', office='request_id.office_id',
          own='request_id.user_id', scopes={'complaints_only': "[('kind', '=', 'complaint')]"}, grants={
              'reader': 'own own - -',
              'officer': 'office office office -',
              'support': 'office office office -',
              'leader': 'office office office -',
              'complaints': 'complaints_only complaints_only - -',
              'national': 'nation - - -'},
          note='status, dates, time limits and outcome are written by the workflow alone'),
    Model('thads.citizen.reception', 'thads_support', 'Sổ tiếp công dân', office='office_id', own='receiver_id',
          grants={
              'reader': 'own own - -',
              'officer': 'office office office -',
              'support': 'office office office -',
              'leader': 'office office office -',
              'national': 'nation - - -'},
          note='what was filed from a visit is linked by the register\'s buttons alone'),
    Model('thads.denunciation.identity', 'thads_support', 'Danh tính người tố cáo',
          office='complaint_id.request_id.office_id', own='complaint_id.request_id.user_id', grants={
              'reader': 'own - - -',
              'leader': 'office - - -'},
          note='read only by the officer handling the denunciation and the leaders; each read is written to '
               'the audit log; created with the denunciation alone'),
    # --------------------------------------------------------------- statistics
    Model('thads.stat.period', 'thads_stats', 'Kỳ thống kê', grants={
        'reader': R, 'statistician': 'nation nation nation -'}),
    Model('thads.stat.form', 'thads_stats', 'Biểu mẫu thống kê', {'reader': R, 'national_admin': ADMIN}),
    Model('thads.stat.form.column', 'thads_stats', 'Cột của biểu mẫu', {'reader': R, 'national_admin': ADMIN}),
    Model('thads.stat.report', 'thads_stats', 'Báo cáo thống kê', office='office_id', grants={
        'reader': 'office - - -',
        'statistician': 'office office office office',
        'national': 'nation - - -'},
          note='reopened only through an approved unlock request'),
    Model('thads.stat.report.line', 'thads_stats', 'Dòng số liệu của báo cáo', office='report_id.office_id',
          grants={'reader': 'office - - -', 'national': 'nation - - -'},
          note='written by the compute method alone'),
    Model('thads.stat.lock', 'thads_stats', 'Khóa số liệu', office='office_id',
          grants={'reader': 'office - - -', 'national': 'nation - - -'},
          note='written by closing alone'),
    Model('thads.stat.unlock.request', 'thads_stats', 'Đề nghị mở khóa', office='report_id.office_id', grants={
        'reader': 'office - - -',
        'statistician': 'office office office -',
        'national': 'nation - - -'},
          note='approved by a national statistician'),
    Model('thads.stat.reconciliation', 'thads_stats', 'Đối chiếu số liệu', office='report_id.office_id', grants={
        'reader': 'office - - -',
        'statistician': 'office office office office',
        'national': 'nation - - -'}),
    Model('thads.stat.reconciliation.line', 'thads_stats', 'Chênh lệch khi đối chiếu',
          office='reconciliation_id.report_id.office_id',
          grants={'reader': 'office - - -', 'national': 'nation - - -'},
          note='written by the compare method alone'),
)

# ACLs on models that are not THADS records (account administration), kept
# in the generated csv of their addon so that each csv has one source.
# (addon, xml id, model xml id, group xml id, "rwcu" flags)
EXTRA_ACLS = (
    ('thads_accounts', 'access_res_users_office_admin', 'base.model_res_users', 'group_thads_office_admin', '1110'),
    ('thads_accounts', 'access_res_partner_office_admin', 'base.model_res_partner', 'group_thads_office_admin',
     '1110'),
    ('thads_accounts', 'access_res_users_role_office_admin', 'base_user_role.model_res_users_role',
     'group_thads_office_admin', '1000'),
    ('thads_accounts', 'access_res_users_role_line_office_admin', 'base_user_role.model_res_users_role_line',
     'group_thads_office_admin', '1111'),
    ('thads_accounts', 'access_auditlog_log_office_admin', 'auditlog.model_auditlog_log',
     'group_thads_office_admin', '1000'),
    ('thads_accounts', 'access_auditlog_log_line_office_admin', 'auditlog.model_auditlog_log_line',
     'group_thads_office_admin', '1000'),
    ('thads_accounts', 'access_auditlog_http_request_office_admin', 'auditlog.model_auditlog_http_request',
     'group_thads_office_admin', '1000'),
    ('thads_accounts', 'access_auditlog_http_session_office_admin', 'auditlog.model_auditlog_http_session',
     'group_thads_office_admin', '1000'),
    ('thads_accounts', 'access_res_authentication_attempt_office_admin',
     'auth_brute_force.model_res_authentication_attempt', 'group_thads_office_admin', '1000'),
    ('thads_accounts', 'access_res_users_pass_history_office_admin',
     'password_security.model_res_users_pass_history', 'group_thads_office_admin', '1010'),
)

SCOPE_LABELS = {NONE: '—', OWN: 'của mình', OFFICE: 'cây cơ quan', NATION: 'toàn quốc'}
OP_LETTERS = {'read': 'Đ', 'write': 'S', 'create': 'T', 'unlink': 'X'}


def model_row(model):
    for row in MODELS:
        if row.model == model:
            return row
    raise KeyError(model)


def effective(row, role_keys, op):
    """The scopes a user with these roles has on ``op`` (their union)."""
    scopes = set()
    for key in role_keys:
        cell = row.grants.get(key, {}).get(op, NONE)
        if cell != NONE:
            scopes.add(cell)
    if NATION in scopes:
        return {NATION}
    return scopes


def domain_of(row, scope):
    """The record-rule domain (as Odoo evaluates it) of a scope of a row."""
    if scope == NATION:
        return "[(1, '=', 1)]"
    if scope == OWN:
        return "[('%s', '=', user.id)]" % row.own
    if scope == OFFICE:
        parts = ["('%s', 'child_of', user.thads_office_id.ids)" % path for path in row.office]
        return '[%s%s]' % ("'|', " * (len(parts) - 1), ', '.join(parts))
    return row.scopes[scope]
