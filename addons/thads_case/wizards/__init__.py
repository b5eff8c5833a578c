from . import thads_case_event_wizard
from . import thads_case_vks_list_print
from . import thads_case_event_wizard_coercion
