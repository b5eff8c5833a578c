{
    'name': 'THADS Statistics',
    'summary': 'Official statistics from case events: periods, forms as data, '
               'SQL engine, drill-down, closing and locking',
    'version': '11.0.1.2.0',
    'category': 'THADS',
    'license': 'AGPL-3',
    'author': 'THADS platform team',
    'website': 'https://thads.moj.gov.vn',
    # report_xlsx: the xlsx exports of the forms
    'depends': ['thads_case', 'report_xlsx'],
    'data': [
        'security/ir.model.access.csv',
        'security/thads_stats_access_rules.xml',
        'data/thads_stat_form_data.xml',
        'data/thads_stat_form_exemption_data.xml',
        'data/thads_stat_form_vks_data.xml',
        'data/thads_stat_form_coercion_data.xml',
        'data/thads_stat_data.xml',
        'views/thads_stats_menus.xml',
        'report/thads_stat_report_reports.xml',
        'views/thads_stat_drill_views.xml',
        'views/thads_stat_report_views.xml',
        'views/thads_stat_reconciliation_views.xml',
    ],
    'demo': [
        'demo/thads_stat_demo.xml',
    ],
    'installable': True,
}
