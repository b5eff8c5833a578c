import time

from odoo import models
from odoo.http import SessionExpiredException, request

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
