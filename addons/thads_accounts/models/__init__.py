from . import thads_office
from . import thads_office_mixin
from . import thads_calendar_day
from . import res_users
from . import res_users_role
from . import res_authentication_attempt
from . import res_config_settings
from . import ir_http
