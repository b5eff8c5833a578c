{
    'name': 'THADS Online Support',
    'summary': 'Online support requests with per-step SLAs, queues and public forms',
    'version': '11.0.1.1.0',
    'category': 'THADS',
    'license': 'AGPL-3',
    'author': 'THADS platform team',
    'website': 'https://thads.moj.gov.vn',
    # website_form: the public pages; report_xlsx: the SLA compliance export
    'depends': ['thads_case', 'website_form', 'report_xlsx'],
    'data': [
        'security/thads_support_security.xml',
        'security/ir.model.access.csv',
        'security/thads_support_access_rules.xml',
        'data/thads_support_procedure_data.xml',
        'data/mail_template_data.xml',
        'data/ir_cron_data.xml',
        'views/thads_support_request_views.xml',
        'views/thads_support_procedure_views.xml',
        'views/website_templates.xml',
        'views/thads_support_menus.xml',
        'report/thads_support_reports.xml',
    ],
    'demo': [
        'demo/thads_support_demo.xml',
    ],
    'installable': True,
}
