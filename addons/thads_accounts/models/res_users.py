import logging
import threading
import time

import ldap

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessDenied, AccessError, UserError
from odoo.http import request

from .res_company_ldap import PASSWORD_URL_PARAM, REFUSAL

_logger = logging.getLogger(__name__)

JOB_TITLES = [
    ('executor_1', 'Enforcement officer, junior'),      # Chấp hành viên sơ cấp
    ('executor_2', 'Enforcement officer, intermediate'),  # Chấp hành viên trung cấp
    ('executor_3', 'Enforcement officer, senior'),      # Chấp hành viên cao cấp
    ('inspector', 'Inspector'),                          # Thẩm tra viên
    ('secretary', 'Enforcement secretary'),              # Thư ký thi hành án
    ('intake', 'Intake officer'),                        # Công chức thụ lý
    ('support', 'Online support officer'),               # Công chức hỗ trợ trực tuyến
    ('statistician', 'Statistics officer'),              # Công chức thống kê
    ('accountant', 'Accountant'),                        # Kế toán
    ('leader', 'Office leader'),                         # Lãnh đạo đơn vị
    ('admin', 'Administrator'),                          # Quản trị viên
]

# Fields whose change grants groups (the user form writes in_group_N / sel_groups_N_M)
GROUP_FIELD_PREFIXES = ('in_group_', 'sel_groups_')
# How long (seconds) an RPC credential check remembers that the password
# does not have to be changed: the check costs a query on every call
FRESH_PASSWORD_CACHE_TTL = 60
# The web login form: password_security signs an account whose password
# must be changed out again at once and sends it to the reset page
WEB_LOGIN_PATH = '/web/login'
# Set (per thread) while change_password() checks the old password: the one
# call an account whose password must be changed may make.  Code state, not
# client input: no RPC can set it.
_CHANGING_PASSWORD = threading.local()


class ResUsers(models.Model):
    _inherit = 'res.users'

    # {(db, uid): time of the last check that the password is not to be changed}
    _thads_fresh_password_cache = {}

    thads_office_id = fields.Many2one(
        'thads.office', string='THADS office', index=True, ondelete='restrict',
        domain=[('is_system', '=', True)],
        help='The office the user works in; they see the records of this office and its sub-offices.')
    thads_job_title = fields.Selection(JOB_TITLES, string='Job title')
    thads_national_account = fields.Boolean(
        string='National account', compute='_compute_thads_national_account',
        search='_search_thads_national_account',
        help='Holds a national group: managed by national administrators only.')
    thads_initial_password = fields.Char(
        string='Initial password', compute='_compute_thads_initial_password',
        inverse='_inverse_thads_initial_password',
        groups='thads_accounts.group_thads_office_admin',
        help='Given to the officer by the administrator; it must be changed at the first login.')

    # ---------------------------------------------- the ministry's directory
    thads_directory_user = fields.Boolean(
        string='Signs in with the ministry directory', readonly=True, copy=False,
        help='Created at the first sign-in with the ministry mail account: the password is the mail '
             'password, checked by the directory and never stored here.')
    thads_directory_dn = fields.Char(string='Directory entry', readonly=True, copy=False)
    thads_directory_missing = fields.Boolean(
        string='Gone from the directory', readonly=True, copy=False, index=True,
        help='The daily check no longer finds the mail account (removed or disabled): archive the account.')
    thads_directory_missing_since = fields.Datetime(string='Missing from the directory since', readonly=True,
                                                    copy=False)
    thads_has_role = fields.Boolean(
        string='Has a THADS role', compute='_compute_thads_has_role', search='_search_thads_has_role')

    def __init__(self, pool, cr):
        super(ResUsers, self).__init__(pool, cr)
        # the preferences form shows the directory notice to the user himself
        type(self).SELF_READABLE_FIELDS = list(self.SELF_READABLE_FIELDS) + ['thads_directory_user']

    @api.model
    def _thads_role_groups(self):
        category = self.env.ref('thads_accounts.module_category_thads')
        # sudo: the THADS groups are read to decide, only ids leave this method
        return self.env['res.groups'].sudo().search([('category_id', '=', category.id)])

    @api.multi
    def _compute_thads_has_role(self):
        roles = self._thads_role_groups()
        for user in self:
            user.thads_has_role = bool(user.sudo().groups_id & roles)

    @api.model
    def _search_thads_has_role(self, operator, value):
        users = self._thads_role_groups().with_context(active_test=False).mapped('users')
        positive = (operator in ('=', '==')) == bool(value)
        return [('id', 'in' if positive else 'not in', users.ids)]

    @api.multi
    def _compute_thads_national_account(self):
        national = self.env['res.groups']._thads_national_groups()
        for user in self:
            user.thads_national_account = bool(user.sudo().groups_id & national)

    @api.model
    def _search_thads_national_account(self, operator, value):
        national = self.env['res.groups']._thads_national_groups()
        # sudo: used by the record rules of office administrators, who
        # cannot read every group; only ids leave this method
        users = national.sudo().with_context(active_test=False).mapped('users')
        positive = (operator in ('=', '==')) == bool(value)
        return [('id', 'in' if positive else 'not in', users.ids)]

    @api.multi
    def _compute_thads_initial_password(self):
        for user in self:
            user.thads_initial_password = False  # never read back

    @api.multi
    def _inverse_thads_initial_password(self):
        """create() and write() turn it into the password beforehand."""

    @api.model
    def _thads_initial_password_vals(self, vals):
        if 'thads_initial_password' in vals:
            vals = dict(vals)
            password = vals.pop('thads_initial_password')
            if password:  # a password set by someone else is temporary (write())
                vals['password'] = password
        return vals

    # ------------------------------------------------------------- home page
    @api.model
    def _thads_home_actions(self):
        """(group xmlid, action xmlid) by priority: the first group a user
        holds decides where the web client opens after login (res.users
        action_id) instead of Discuss.  The addons with queues add theirs
        (thads_case).  Here, not in those addons' create()/write():
        auditlog wraps res.users' create and write when thads_accounts
        subscribes its rule, so overrides of addons loaded later in the same
        process would be skipped until the next restart."""
        return []

    @api.multi
    def _thads_set_home_action(self):
        """Give each THADS user without a home action (or with a THADS one
        that no longer fits the roles) the queue of their role.  A home
        action chosen by hand outside THADS is kept."""
        rules = [(self.env.ref(group, raise_if_not_found=False), self.env.ref(action, raise_if_not_found=False))
                 for group, action in self._thads_home_actions()]
        rules = [(group, action) for group, action in rules if group and action]
        if not rules:
            return True
        ours = {action.id for _group, action in rules}
        # sudo: called after the caller created or changed these users'
        # groups (or at install); it writes their home action only
        for user in self.sudo():
            if user.action_id and user.action_id.id not in ours:
                continue
            home = next((action for group, action in rules if group in user.groups_id), None)
            if (home and home.id) != user.action_id.id:
                super(ResUsers, user).write({'action_id': home and home.id})
        return True

    @api.model
    def _thads_set_all_home_actions(self):
        """At install: every existing internal user (the demo users too)."""
        self.with_context(active_test=False).search([]).filtered(
            lambda user: not user.share)._thads_set_home_action()
        return True

    # ------------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        self._thads_check_office_scope(vals.get('thads_office_id'), required=True)
        full_admin = self._thads_is_full_admin()
        if not full_admin:
            self._thads_check_requested_groups(vals, self.env['res.groups'], on_create=True)
        # no invitation e-mail: the administrator gives an initial password,
        # changed at first login (README "Accounts")
        self = self.with_context(no_reset_password=True)
        vals = self._thads_initial_password_vals(vals)
        password = vals.get('password')
        user = super(ResUsers, self).create(vals)
        if password:
            # password_security checks the policy on write only
            user._check_password_rules(password)
        if not full_admin:
            user._thads_check_granted_groups(self.env['res.groups'], on_create=True)
        if self.env.uid != SUPERUSER_ID:
            # Accounts created by an administrator must choose their own
            # password at first login (password_security treats an empty
            # write date as expired).  The superuser (data files, imports)
            # is exempt.
            user._thads_expire_password()
        user._thads_set_home_action()
        return user

    @api.multi
    def write(self, vals):
        vals = self._thads_initial_password_vals(vals)
        if vals.get('password') and self.sudo().filtered('thads_directory_user'):
            # sudo: reads the flag to decide; the directory holds the password
            raise UserError(self._thads_directory_password_message())
        if 'thads_office_id' in vals:
            self._thads_check_office_scope(vals['thads_office_id'], required=True)
        # decided before the write: the write may grant the rights it checks
        full_admin = self._thads_is_full_admin()
        if not full_admin:
            # the record rules say the same; this gives the reason
            (self - self.env.user)._thads_check_manageable()
        if not full_admin and self.env.user in self and self._thads_grants_groups(vals):
            raise AccessError(_('You cannot change your own access rights; ask an administrator of a '
                                'higher office.'))
        before = {user.id: user.sudo().groups_id for user in self}
        if not full_admin:
            for user in self:
                user._thads_check_requested_groups(vals, before[user.id])
        res = super(ResUsers, self).write(vals)
        if not full_admin:
            for user in self:
                user._thads_check_granted_groups(before[user.id])
        if vals.get('password') and self.env.uid != SUPERUSER_ID:
            others = self.filtered(lambda u: u.id != self.env.uid)
            if others:  # a password set by an administrator is temporary
                others._thads_expire_password()
        if 'thads_office_id' in vals or 'groups_id' in vals:
            self.env['ir.rule'].clear_caches()
        if {'groups_id', 'role_line_ids'} & set(vals) or any(
                key.startswith(('in_group_', 'sel_groups_')) for key in vals):
            # not from set_groups_from_roles: base_user_role's write calls it
            # again below the home action's own write
            self._thads_set_home_action()
        return res

    @api.multi
    def set_groups_from_roles(self, force=False):
        """base_user_role's public method writes the groups below every
        override of write(): the groups it adds are checked here, and the
        change is audited like a write."""
        full_admin = self._thads_is_full_admin()
        before = {user.id: user.sudo().groups_id for user in self}
        if not full_admin:
            for user in self.sudo():  # sudo: reads the roles to decide
                lines = user.role_line_ids.filtered('is_enabled')
                groups = lines.mapped('role_id.group_id') | lines.mapped('role_id.implied_ids')
                user.sudo(self.env.uid)._thads_refuse_groups(groups - before[user.id])
        res = super(ResUsers, self).set_groups_from_roles(force=force)
        for user in self:
            if not full_admin:
                user._thads_check_granted_groups(before[user.id])
            # under sudo it runs inside base_user_role's write (audited
            # itself) or the role cron
            if self.env.uid != SUPERUSER_ID and user.sudo().groups_id != before[user.id]:
                user._thads_audit_groups(before[user.id])
        return res

    @api.multi
    def _thads_audit_groups(self, before):
        self.ensure_one()
        Rule = self.env['auditlog.rule'].sudo()
        if self._name not in getattr(self.pool, '_auditlog_model_cache', {}):
            return  # no audit rule on accounts
        # sudo: the audit trail is written whoever changed the groups
        Rule.create_logs(self.env.uid, self._name, self.ids, 'write',
                         {self.id: {'id': self.id, 'groups_id': before.ids}},
                         {self.id: {'id': self.id, 'groups_id': self.sudo().groups_id.ids}},
                         {'log_type': 'full'})

    @api.multi
    def _thads_expire_password(self):
        # sudo: password_write_date is read-only; expiring is the point
        self.sudo().write({'password_write_date': False})
        for user in self:
            self._thads_fresh_password_cache.pop((self.env.cr.dbname, user.id), None)

    # ------------------------------------------- must-change on every login path
    @classmethod
    def authenticate(cls, db, login, password, user_agent_env):
        uid = super(ResUsers, cls).authenticate(db, login, password, user_agent_env)
        if uid and not cls._thads_is_web_login_form():
            cls._thads_check_password_fresh(uid)
        return uid

    @classmethod
    def check(cls, db, uid, passwd):
        """XML-RPC and JSON-RPC check (uid, password) on every call."""
        super(ResUsers, cls).check(db, uid, passwd)
        if getattr(_CHANGING_PASSWORD, 'uid', None) != uid:
            cls._thads_check_password_fresh(uid)

    @api.model
    def change_password(self, old_passwd, new_passwd):
        """The web client's "change password" checks the old password with
        check(): that check must not refuse the password being changed.
        Over RPC, the call itself goes through check() first and is refused.
        Directory users change their mail password, not this one."""
        if self.env.user.sudo().thads_directory_user:  # sudo: the user's own flag
            raise UserError(self._thads_directory_password_message())
        _CHANGING_PASSWORD.uid = self.env.uid
        try:
            return super(ResUsers, self).change_password(old_passwd, new_passwd)
        finally:
            _CHANGING_PASSWORD.uid = None

    @api.multi
    def preference_change_password(self):
        if self.env.user.sudo().thads_directory_user:  # sudo: the user's own flag
            raise UserError(self._thads_directory_password_message())
        return super(ResUsers, self).preference_change_password()

    @api.model
    def _thads_directory_password_message(self):
        url = self.env['ir.config_parameter'].sudo().get_param(PASSWORD_URL_PARAM) or ''
        message = _('This account signs in with the Ministry of Justice mail account: its password is the '
                    'mail password. Change it in the ministry mail, not here; nothing was changed.')
        if url:
            message += ' ' + _('Change the mail password at %s.') % url
        return message

    @api.multi
    def _password_has_expired(self):
        """The directory's own policy governs the mail password."""
        # sudo: reads the flag to decide
        if self and all(user.thads_directory_user for user in self.sudo()):
            return False
        return super(ResUsers, self)._password_has_expired()

    # ------------------------------------------------ sign-in with the directory
    @classmethod
    def _login(cls, db, login, password):
        REFUSAL.login = REFUSAL.code = None
        if login and password:
            cls._thads_provision_from_directory(login, password)
        return super(ResUsers, cls)._login(db, login, password)

    @classmethod
    def _thads_provision_from_directory(cls, login, password):
        """First sign-in of a directory user: the account is created in the
        office of their directory entry, with no role; the normal path then
        logs them in (login attempt, brute-force ban, password checked by the
        directory).  Nothing happens for a login that exists here."""
        try:
            with cls.pool.cursor() as cr:
                cr.execute("SELECT id FROM res_users WHERE lower(login) = lower(%s)", (login,))
                if cr.fetchone():
                    return
                env = api.Environment(cr, SUPERUSER_ID, {})
                Ldap = env['res.company.ldap']
                for conf in Ldap.get_ldap_dicts():
                    entry = Ldap.authenticate(conf, login, password)
                    if entry:
                        Ldap.get_or_create_user(conf, login, entry)
                        return
        except Exception:  # the sign-in then fails on the normal path, traced there
            _logger.exception('First directory sign-in of %s failed', login)

    @api.model
    def check_credentials(self, password):
        """Directory users: the directory alone checks the password (none is
        stored here), inside auth_brute_force's login attempt with its ban,
        like every sign-in.  auth_ldap would first let the local check fail
        and record the attempt as failed.  Local accounts: the local chain
        (the directory never authenticates them, res.company.ldap)."""
        user = self.env.user.sudo()  # sudo: the signing-in user's own flag and login
        if not user.thads_directory_user:
            return super(ResUsers, self).check_credentials(password)
        with self._auth_attempt(user.login):
            attempt = self._auth_attempt_update({'login': user.login})
            # sudo: the login attempts are read to decide
            if not self.env['res.authentication.attempt'].sudo()._trusted(attempt.get('remote'), user.login):
                error = AccessDenied()
                error.reason = 'banned'
                raise error
            Ldap = self.env['res.company.ldap']
            for conf in Ldap.get_ldap_dicts():
                if Ldap.authenticate(conf, user.login, password):
                    return
            raise AccessDenied()

    @api.model
    def _cron_thads_directory_check(self):
        """Daily: flag the directory accounts whose entry is gone (removed or
        disabled) for their office administrator to archive; clear the flag
        of those found again.  A directory that cannot be asked flags nobody."""
        Ldap = self.env['res.company.ldap']
        confs = Ldap.get_ldap_dicts()
        users = self.sudo().search([('thads_directory_user', '=', True)])
        if not confs or not users:
            return False
        present = set()
        for conf in confs:
            try:
                present |= Ldap._thads_present_logins(conf, users.mapped('login'))
            except ldap.LDAPError as error:
                _logger.warning('Directory check skipped: %s cannot be asked (%s)', conf['ldap_server'], error)
                return False
        gone = users.filtered(lambda user: user.login.lower() not in present)
        (users - gone).filtered('thads_directory_missing').write(
            {'thads_directory_missing': False, 'thads_directory_missing_since': False})
        gone.filtered(lambda user: not user.thads_directory_missing).write(
            {'thads_directory_missing': True, 'thads_directory_missing_since': fields.Datetime.now()})
        return gone.ids

    @classmethod
    def _thads_is_web_login_form(cls):
        """The login form of the web client lets an account whose password
        must be changed in only to send it to the reset page
        (password_security's web_login); every other path refuses it."""
        try:
            return request.httprequest.path == WEB_LOGIN_PATH
        except (AttributeError, RuntimeError):  # no HTTP request: XML-RPC, JSON-RPC, scripts
            return False

    @classmethod
    def _thads_check_password_fresh(cls, uid):
        key = (cls.pool.db_name, uid)
        checked = cls._thads_fresh_password_cache.get(key)
        if checked and time.time() - checked < FRESH_PASSWORD_CACHE_TTL:
            return
        message = None
        with cls.pool.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            user = env[cls._name].browse(uid)
            if user._password_has_expired():
                message = user.with_context(lang=user.lang)._thads_expired_password_message()
        if message:
            raise AccessError(message)
        cls._thads_fresh_password_cache[key] = time.time()

    @api.multi
    def _thads_expired_password_message(self):
        return _('The password of this account must be changed before it can be used. '
                 'Sign in on the web login page to choose a new password.')

    # -------------------------------------------------- delegated administration
    @api.model
    def _thads_is_full_admin(self):
        """National administrators, Settings administrators and the
        superuser manage every account; office administrators only their
        subtree.  Pluggable."""
        user = self.env.user
        return (self.env.uid == SUPERUSER_ID
                or user.has_group('base.group_erp_manager')
                or user.has_group('thads_accounts.group_thads_national_admin'))

    @api.model
    def _thads_grantable_groups(self, on_create=False):
        """Groups an office administrator may grant: THADS roles below the
        national ones, what those imply (e.g. Internal User), the roles made
        of them, and on creation the default groups of new users."""
        category = self.env.ref('thads_accounts.module_category_thads')
        groups = self.env['res.groups'].sudo().search([('category_id', '=', category.id)])
        groups -= self.env['res.groups']._thads_national_groups()
        groups |= groups.mapped('trans_implied_ids')
        if on_create:
            groups |= self.sudo()._default_groups()
        # a base_user_role role is itself a group: grantable when all it implies is
        roles = self.env['res.users.role'].sudo().search([])
        for role in roles:
            if not (role.implied_ids | role.implied_ids.mapped('trans_implied_ids')) - groups:
                groups |= role.group_id
        return groups

    @api.model
    def _thads_grants_groups(self, vals):
        return 'groups_id' in vals or 'role_line_ids' in vals or any(
            key.startswith(GROUP_FIELD_PREFIXES) for key in vals)

    @api.multi
    def _thads_check_manageable(self):
        """An office administrator manages the accounts of his subtree that
        hold no national group."""
        if self._thads_is_full_admin():
            return
        for user in self.sudo():  # sudo: reads office and groups to decide
            if user.thads_national_account:
                raise AccessError(_('The account "%s" has national rights: only national administrators '
                                    'manage it.') % user.name)
            self._thads_check_office_scope(user.thads_office_id.id, required=True)

    @api.model
    def _thads_check_office_scope(self, office_id, required=False):
        if self._thads_is_full_admin():
            return
        if not office_id:
            if required:
                raise AccessError(_('Office administrators must place every account in an office of '
                                    'their subtree.'))
            return
        own = self.env.user.thads_office_id
        allowed = self.env['thads.office'].sudo().search([('id', 'child_of', own.ids)]) if own else []
        if office_id not in (allowed and allowed.ids or []):
            office = self.env['thads.office'].sudo().browse(office_id)
            raise AccessError(_('You can only manage accounts of your own office and its sub-offices; '
                                '"%s" is outside them.') % office.display_name)

    @api.model
    def _thads_check_requested_groups(self, vals, before, on_create=False):
        """The groups a write or create asks for, checked before the record
        rules refuse without a reason: groups_id commands and the user
        form's in_group_N / sel_groups_N_M fields."""
        ids = set()
        for command in vals.get('groups_id') or ():
            if isinstance(command, (list, tuple)) and command:
                if command[0] == 4:
                    ids.add(command[1])
                elif command[0] == 6:
                    ids.update(command[2] or ())
        for key, value in vals.items():
            if key.startswith('in_group_') and value:
                ids.add(int(key[len('in_group_'):]))
            elif key.startswith('sel_groups_') and value:
                ids.add(int(value))
        groups = self.env['res.groups'].sudo().browse(ids).exists()
        self._thads_refuse_groups((groups | groups.mapped('trans_implied_ids')) - before, on_create)

    @api.multi
    def _thads_check_granted_groups(self, before, on_create=False):
        """After the fact: whatever the path (roles, implied groups)."""
        self._thads_refuse_groups(self.sudo().groups_id - before, on_create)

    @api.model
    def _thads_refuse_groups(self, added, on_create=False):
        forbidden = added - self._thads_grantable_groups(on_create)
        if forbidden:
            raise AccessError(_('You cannot grant "%s": office administrators may only assign the '
                                'THADS roles of their offices.')
                              % ', '.join(forbidden.mapped('full_name')))

    # ------------------------------------------------------------------ helpers
    @api.multi
    def thads_office_leaders(self):
        """Users who receive escalations for these users' offices: the head
        of the office, else its leaders."""
        leaders = self.env['res.users']
        leader_group = self.env.ref('thads_accounts.group_thads_leader')
        for office in self.mapped('thads_office_id'):
            leaders |= office.head_id or office.user_ids.filtered(
                lambda u: leader_group in u.groups_id)
        return leaders
