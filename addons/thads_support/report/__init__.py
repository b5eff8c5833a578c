from . import thads_support_sla_xlsx
