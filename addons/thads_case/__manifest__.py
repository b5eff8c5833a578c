{
    'name': 'THADS Cases',
    'summary': 'Enforcement cases as dated events, legal deadlines, handover, delegation',
    'version': '11.0.1.0.0',
    'category': 'THADS',
    'license': 'AGPL-3',
    'author': 'THADS platform team',
    'website': 'https://thads.moj.gov.vn',
    'depends': ['thads_accounts', 'queue_job'],
    'data': [
        'views/thads_case_menus.xml',
    ],
    'installable': True,
}
