from odoo.addons.thads_case.tests.common import ThadsCaseCase

from ..models.thads_support_request import on_day


class SupportCase(ThadsCaseCase):
    """Requests in region A1 (support officer users['support'], head users['leader'])."""

    def make_request(self, code='enforcement', day='2026-01-06', user=None, office=None, **vals):
        values = {'procedure_code': code, 'office_id': (office or self.region_a1).id,
                  'applicant_name': 'Nguyễn Văn Đơn', 'applicant_id_number': '001085001234',
                  'applicant_email': 'don@example.com', 'content': 'Đề nghị thi hành bản án.',
                  'court': 'TAND khu vực 1', 'judgment_number': '12/2026/DS-ST', 'debtor_name': 'Trần Văn Nợ'}
        values.update(vals)
        model = on_day(self.env['thads.support.request'], day)
        if user:
            model = model.sudo(user)
        return model.create(values)

    @staticmethod
    def on(request, day):
        """The request as seen on `day`."""
        return on_day(request, day)
