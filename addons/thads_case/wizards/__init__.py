from . import thads_case_event_wizard
