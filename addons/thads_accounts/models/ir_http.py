import functools
import time

import werkzeug.exceptions
import werkzeug.wrappers

from odoo import models
from odoo.http import Response, SessionExpiredException, request
from odoo.tools import config

# Requests that do not count as activity: the client polls these on its own
PASSIVE_PATHS = ('/longpolling/', '/web/webclient/version_info', '/bus/')


class IrHttp(models.AbstractModel):
    """Idle session timeout (system parameter thads_accounts.session_timeout,
    seconds).  The last activity is kept in the session itself; background
    polling does not count as activity, so an idle tab does expire."""
    _inherit = 'ir.http'

    @classmethod
    def _authenticate(cls, auth_method='user'):
        res = super(IrHttp, cls)._authenticate(auth_method=auth_method)
        session = request.session
        if auth_method == 'user' and session.uid:
            cls._thads_check_idle(session)
        return res

    @classmethod
    def _thads_check_idle(cls, session):
        """Expire the session after the idle delay; refresh it otherwise.
        Pluggable: override to exempt more paths."""
        delay = int(request.env['ir.config_parameter'].sudo().get_param('thads_accounts.session_timeout', 1800))
        now = time.time()
        last = session.get('thads_last_activity')
        if delay > 0 and last and now - last > delay:
            session.logout(keep_db=True)
            raise SessionExpiredException('Session expired')
        if not request.httprequest.path.startswith(PASSIVE_PATHS):
            session['thads_last_activity'] = now


# Content-Security-Policy of every page.  The Odoo 11 web client evaluates
# its modules and QWeb templates at run time and writes inline handlers:
# scripts need 'unsafe-inline' and 'unsafe-eval'; everything else comes from
# this site only (images also as data:/blob: URLs: previews, avatars).
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])
SECURITY_HEADERS = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'SAMEORIGIN',
}
HSTS = 'max-age=31536000; includeSubDomains'


class CookieFlags(object):
    """Placed in front of the class of one response (see _thads_secure_response):
    every cookie set on it, the session cookie included (Odoo sets it after
    dispatching), gets SameSite=Lax, and Secure behind TLS."""
    thads_tls = False

    def set_cookie(self, key, *args, **kwargs):
        kwargs.setdefault('samesite', 'Lax')
        if self.thads_tls:
            kwargs['secure'] = True
        return super(CookieFlags, self).set_cookie(key, *args, **kwargs)


@functools.lru_cache(maxsize=None)
def _flagged_class(response_class):
    if issubclass(response_class, CookieFlags):
        return response_class
    return type(response_class.__name__, (CookieFlags, response_class), {})


def behind_tls(httprequest):
    """True when the client reached us over HTTPS: directly, or through the
    reverse proxy (only trusted with proxy_mode on)."""
    if httprequest.scheme == 'https':
        return True
    return bool(config['proxy_mode']) and httprequest.headers.get('X-Forwarded-Proto', '').lower() == 'https'


class IrHttpSecurity(models.AbstractModel):
    """Security headers and cookie flags on every response of the
    application (static files are served before Odoo's routing: the nginx
    configuration adds the same headers to everything)."""
    _inherit = 'ir.http'

    @classmethod
    def _dispatch(cls):
        try:
            response = super(IrHttpSecurity, cls)._dispatch()
        except werkzeug.exceptions.HTTPException as exc:
            response = exc
        return cls._thads_secure_response(response)

    @classmethod
    def _thads_secure_response(cls, response):
        if isinstance(response, werkzeug.exceptions.HTTPException):
            response = response.get_response(request.httprequest.environ)
        elif isinstance(response, (bytes, str)):
            response = Response(response, mimetype='text/html')  # what odoo.http would do after us
        if not isinstance(response, werkzeug.wrappers.BaseResponse):
            return response
        tls = behind_tls(request.httprequest)
        for name, value in SECURITY_HEADERS.items():
            if name == 'X-Frame-Options' and name in response.headers:
                continue  # Odoo's own stricter DENY (login page, web client) stays
            response.headers[name] = value
        if tls:
            response.headers['Strict-Transport-Security'] = HSTS
        response.__class__ = _flagged_class(type(response))
        response.thads_tls = tls
        return response
