{
    'name': 'THADS Cases',
    'summary': 'Enforcement cases as dated events, legal deadlines, handover, '
               'delegation, debtors without conditions, legacy import',
    'version': '11.0.1.2.0',
    'category': 'THADS',
    'license': 'AGPL-3',
    'author': 'THADS platform team',
    'website': 'https://thads.moj.gov.vn',
    # queue_job: large legacy imports run in the background in chunks
    'depends': ['thads_accounts', 'queue_job'],
    'data': [
        'security/ir.model.access.csv',
        'security/thads_case_access_rules.xml',
        'data/thads_case_data.xml',
        'data/thads_case_ground_data.xml',
        'data/thads_deadline_rule_data.xml',
        'data/thads_exemption_threshold_data.xml',
        'data/thads_case_vks_list_data.xml',
        'views/thads_case_menus.xml',
        'views/thads_case_views.xml',
        'views/thads_case_event_views.xml',
        'views/thads_case_ground_views.xml',
        'views/thads_case_handover_views.xml',
        'views/thads_case_import_views.xml',
        'views/thads_case_vks_list_views.xml',
    ],
    'demo': [
        'demo/thads_case_demo.xml',
    ],
    'installable': True,
}
