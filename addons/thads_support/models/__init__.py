from . import thads_support_procedure
from . import thads_support_step
from . import thads_support_request
from . import thads_calendar_day
from . import thads_support_rate_counter
from . import website
