{
    'name': 'THADS Statistics',
    'summary': 'Official statistics from case events: periods, forms, locks, exports',
    'version': '11.0.1.0.0',
    'category': 'THADS',
    'license': 'AGPL-3',
    'author': 'THADS platform team',
    'website': 'https://thads.moj.gov.vn',
    'depends': ['thads_case', 'date_range', 'report_xlsx', 'base_tier_validation'],
    'data': [
        'views/thads_stats_menus.xml',
    ],
    'installable': True,
}
