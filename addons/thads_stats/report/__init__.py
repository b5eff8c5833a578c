from . import thads_stat_report_xlsx
