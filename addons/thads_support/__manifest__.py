{
    'name': 'THADS Online Support',
    'summary': 'Online support requests with per-step SLAs, queues and public forms',
    'version': '11.0.1.0.0',
    'category': 'THADS',
    'license': 'AGPL-3',
    'author': 'THADS platform team',
    'website': 'https://thads.moj.gov.vn',
    'depends': ['thads_case', 'website_form'],
    'data': [
        'views/thads_support_menus.xml',
    ],
    'installable': True,
}
