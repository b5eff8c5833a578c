from . import thads_stat_period
from . import thads_stat_form
from . import thads_stat_form_column
from . import thads_stat_engine
from . import thads_stat_report
from . import thads_stat_report_line
from . import thads_stat_lock
from . import thads_case_event
