"""Odoo's auth_ldap (with OCA auth_ldaps for LDAPS) against the ministry's
directory: office from a directory attribute through the mapping table, no
role at the first sign-in, local accounts never authenticated by the
directory, brute-force bans checked before the directory is asked, and the
server configured from the Odoo configuration file for unattended installs
(README "Sign-in with the ministry's directory")."""
import logging
import threading

import ldap
from ldap.filter import filter_format

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.tools.pycompat import to_native

from .thads_access_denial import request_ip

_logger = logging.getLogger(__name__)

OFFICE_ATTRIBUTE_PARAM = 'thads_accounts.directory_office_attribute'
PASSWORD_URL_PARAM = 'thads_accounts.directory_password_url'
DEFAULT_OFFICE_ATTRIBUTE = 'departmentNumber'
# odoo.conf key -> field of res.company.ldap (README: unattended install)
CONFIG_FIELDS = (
    ('thads_ldap_server', 'ldap_server', str),
    ('thads_ldap_port', 'ldap_server_port', int),
    ('thads_ldap_base', 'ldap_base', str),
    ('thads_ldap_filter', 'ldap_filter', str),
    ('thads_ldap_binddn', 'ldap_binddn', str),
    ('thads_ldap_password', 'ldap_password', str),
    ('thads_ldap_tls', 'ldap_tls', bool),
    ('thads_ldap_ssl', 'is_ssl', bool),
)
# Set while a sign-in runs (per thread): the refusal of the last first
# sign-in, so that the login page can say why.  Code state, not client input.
REFUSAL = threading.local()


def entry_values(entry, attribute):
    """The values (text) of ``attribute`` in a python-ldap entry, case-insensitively."""
    attrs = entry[1] if entry else {}
    for key, values in attrs.items():
        if key.lower() == (attribute or '').lower():
            return [tools.ustr(value) for value in values]
    return []


def as_bool(value):
    return value is True or str(value).strip().lower() in ('1', 'true', 'yes')


class ResCompanyLdap(models.Model):
    _inherit = 'res.company.ldap'

    thads_from_config = fields.Boolean(
        string='From the configuration file', readonly=True,
        help='Written from the thads_ldap_* options of the Odoo configuration file at every start: '
             'change it there.')

    # ---------------------------------------------------------- authentication
    def authenticate(self, conf, login, password):
        if not self._thads_may_authenticate(login):
            return False
        return super(ResCompanyLdap, self).authenticate(conf, login, password)

    @api.model
    def _thads_may_authenticate(self, login):
        """A local account (the administrator, public-service accounts) keeps
        its local password only; a banned address (auth_brute_force) does not
        reach the directory."""
        self.env.cr.execute("SELECT thads_directory_user FROM res_users WHERE lower(login) = lower(%s)",
                            (login or '',))
        row = self.env.cr.fetchone()
        if row and not row[0]:
            return False
        remote = request_ip()
        # sudo: the login attempts are read to decide, nothing leaves this method
        if remote and not self.env['res.authentication.attempt'].sudo()._trusted(remote, login):
            return False
        return True

    # ---------------------------------------------------------- provisioning
    @api.model
    def _thads_office_attribute(self):
        return self.env['ir.config_parameter'].sudo().get_param(OFFICE_ATTRIBUTE_PARAM) or DEFAULT_OFFICE_ATTRIBUTE

    @api.model
    def _thads_entry_office(self, entry):
        codes = entry_values(entry, self._thads_office_attribute())
        # sudo: the mapping table is read at sign-in, before anyone is logged in
        return self.env['thads.directory.office'].sudo()._thads_office_of(codes), codes

    def map_ldap_attributes(self, conf, login, ldap_entry):
        values = super(ResCompanyLdap, self).map_ldap_attributes(conf, login, ldap_entry)
        office, _codes = self._thads_entry_office(ldap_entry)
        name = entry_values(ldap_entry, 'cn')
        mail = entry_values(ldap_entry, 'mail')
        lang = self.env['res.lang'].sudo().search([('code', '=', 'vi_VN')], limit=1)
        values.update({
            'name': name and name[0] or login,
            'email': mail and mail[0] or False,
            'thads_office_id': office.id,
            'thads_directory_user': True,
            'thads_directory_dn': tools.ustr(ldap_entry[0]),
            # no THADS role until an office administrator gives one
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])],
        })
        if lang:
            values['lang'] = lang.code
        return values

    @api.model
    def get_or_create_user(self, conf, login, ldap_entry):
        self.env.cr.execute("SELECT id FROM res_users WHERE lower(login) = %s",
                            (tools.ustr(login.lower().strip()),))
        if not self.env.cr.fetchone() and conf['create_user']:
            office, codes = self._thads_entry_office(ldap_entry)
            if not office:
                self._thads_refuse_unknown_office(login, ldap_entry, codes)
                return False
            user_id = super(ResCompanyLdap, self).get_or_create_user(conf, login, ldap_entry)
            # res.users' default empty password leaves a hash of '' (auth_crypt):
            # a directory user has no local password at all
            self.env.cr.execute("UPDATE res_users SET password = NULL, password_crypt = NULL "
                                "WHERE id = %s AND thads_directory_user", (user_id or 0,))
            self.env['res.users'].invalidate_cache(['password', 'password_crypt'], [user_id] if user_id else None)
            return user_id
        return super(ResCompanyLdap, self).get_or_create_user(conf, login, ldap_entry)

    @api.model
    def _thads_refuse_unknown_office(self, login, ldap_entry, codes):
        """Records the refusal once per sign-in (auth_ldap asks twice) and
        keeps it for the login page."""
        code = ', '.join(codes) or '-'
        if getattr(REFUSAL, 'login', None) == login:
            return
        REFUSAL.login, REFUSAL.code = login, code
        _logger.warning('Directory sign-in of %s refused: unknown office code %r', login, code)
        # sudo: the trace of a sign-in, written before anyone is logged in
        self.env['thads.access.denial'].sudo().create({
            'login': login,
            'model': 'res.users',
            'operation': 'create',
            'source': 'directory',
            'reason': 'unknown office code %s (%s)' % (code, tools.ustr(ldap_entry[0])),
            'ip': request_ip(),
        })

    # ---------------------------------------------------------- directory check
    @api.model
    def _thads_present_logins(self, conf, logins):
        """The logins among ``logins`` that the directory still finds with
        the filter of ``conf`` (a disabled account is filtered out).  Raises
        ldap.LDAPError when the directory cannot be asked: nobody is then
        flagged."""
        present = set()
        conn = self.connect(conf)
        try:
            conn.simple_bind_s(to_native(conf['ldap_binddn'] or ''), to_native(conf['ldap_password'] or ''))
            for login in logins:
                query = filter_format(conf['ldap_filter'], (login,))
                found = conn.search_st(to_native(conf['ldap_base']), ldap.SCOPE_SUBTREE, query, ['dn'],
                                       timeout=60)
                if [entry for entry in found if entry[0]]:
                    present.add(login.lower())
        finally:
            conn.unbind()
        return present

    # ---------------------------------------------------------- configuration
    @api.model_cr
    def _register_hook(self):
        super(ResCompanyLdap, self)._register_hook()
        self._thads_configure_from_config()

    @api.model
    def _thads_configure_from_config(self):
        """Unattended install: the thads_ldap_* options of the Odoo
        configuration file (config/odoo.production.conf.example) define the
        directory; written at every start, the file wins."""
        config = tools.config
        if not config.get('thads_ldap_server'):
            return False
        values = {'create_user': True, 'thads_from_config': True}
        for key, field, kind in CONFIG_FIELDS:
            if config.get(key) in (None, ''):
                continue
            value = config.get(key)
            values[field] = as_bool(value) if kind is bool else kind(value)
        # sudo: runs at start-up as the superuser already
        records = self.sudo().with_context(active_test=False).search([('thads_from_config', '=', True)])
        if records:
            changed = {k: v for k, v in values.items() if records[0][k] != v}
            if changed:
                records[0].write(changed)
        else:
            values['company'] = self.env.ref('base.main_company').id
            records = self.sudo().create(values)
        params = self.env['ir.config_parameter'].sudo()
        for key, param in (('thads_ldap_office_attribute', OFFICE_ATTRIBUTE_PARAM),
                           ('thads_ldap_password_url', PASSWORD_URL_PARAM)):
            if config.get(key) and params.get_param(param) != config.get(key):
                params.set_param(param, config.get(key))
        return records[0].id
