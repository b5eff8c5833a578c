from . import thads_support_answer_wizard
