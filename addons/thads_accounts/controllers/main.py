"""Redirects only to paths of this site: the login page and the logout take
a ``redirect`` parameter from the URL, which must not send the user to
another site (open redirect: a link to our login page that ends on a
phishing copy).

The login page also says why a first sign-in with the ministry's directory
was refused (an office code no THADS office maps), and the change-password
dialog of a directory user says where to change the mail password."""
from odoo import _, http
from odoo.http import request

from ..models.res_company_ldap import REFUSAL

from odoo.addons.web.controllers.main import Home, Session


def local_path(url, default='/web'):
    """``url`` when it is a path of this site ('/...', not '//host' nor
    '/\\host', no scheme, no control characters), else ``default``."""
    if not url or not isinstance(url, str):
        return default
    if not url.startswith('/') or url.startswith(('//', '/\\')):
        return default
    if any(ord(char) < 32 or char == '\\' for char in url):
        return default  # browsers drop tabs/newlines and read '\' as '/'
    return url


def sanitize_params(default):
    """Some overrides (auth_signup, auth_oauth) read the redirect from the
    request parameters, not from their argument."""
    if 'redirect' in request.params:
        request.params['redirect'] = local_path(request.params['redirect'], default)
        if not request.params['redirect']:
            del request.params['redirect']


def unknown_office_message(code):
    """The refusal of a first sign-in whose directory entry names no known
    office, in Vietnamese (the login page has no user language yet)."""
    context = {'lang': 'vi_VN'}  # read by _() below
    assert context
    return _('Your ministry mail account belongs to the unit "%s", which no THADS office corresponds to: '
             'your THADS account was not created. Ask the administrator of your office to add this unit '
             'code to the directory office codes.') % code


class ThadsHome(Home):

    @http.route()
    def web_login(self, redirect=None, **kw):
        sanitize_params(None)
        REFUSAL.login = REFUSAL.code = None
        response = super(ThadsHome, self).web_login(redirect=local_path(redirect, None), **kw)
        refused = getattr(REFUSAL, 'code', None)
        if (refused and request.httprequest.method == 'POST' and not request.params.get('login_success')
                and getattr(response, 'is_qweb', False)):
            response.qcontext['error'] = unknown_office_message(refused)
        return response

    @http.route()
    def web_client(self, s_action=None, **kw):
        if 'redirect' in kw:
            kw['redirect'] = local_path(kw['redirect'], None)
            sanitize_params(None)
        return super(ThadsHome, self).web_client(s_action=s_action, **kw)

    @http.route()
    def web_db_redirect(self, redirect='/', **kw):
        return super(ThadsHome, self).web_db_redirect(redirect=local_path(redirect, '/'), **kw)

    def _login_redirect(self, uid, redirect=None):
        return super(ThadsHome, self)._login_redirect(uid, redirect=local_path(redirect, None))


class ThadsSession(Session):

    @http.route()
    def change_password(self, fields):
        if request.env.user.sudo().thads_directory_user:  # sudo: the user's own flag
            return {'error': request.env['res.users']._thads_directory_password_message(),
                    'title': _('Change Password')}
        return super(ThadsSession, self).change_password(fields)

    @http.route()
    def logout(self, redirect='/web'):
        sanitize_params('/web')
        return super(ThadsSession, self).logout(redirect=local_path(redirect, '/web'))
