import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import documents


class ThadsDocumentMixin(models.AbstractModel):
    """Official documents printed from a record (print menu): the records
    give their layouts (`_thads_document_<name>`, see lib/documents.py),
    the report action draws them with reportlab (ir_actions_report.py)."""
    _name = 'thads.document.mixin'
    _description = 'Official documents printed from the record'

    @api.multi
    def _thads_documents(self, report_name):
        """Layouts of the document `report_name` ("thads_case.<name>") for
        these records, one per record."""
        name = '_thads_document_%s' % report_name.split('.')[-1]
        if not hasattr(self, name):
            raise UserError(_('This document cannot be printed from here.'))
        return [getattr(record, name)() for record in self]

    @api.model
    def _thads_heading(self, office, date, number):
        """Agency, superior, number, place and date of a document issued by
        `office` on `date` (a string or a date)."""
        office = office.sudo()  # names of the offices above: public data
        province = office
        while province and province.kind not in ('province', 'national') and province.parent_id:
            province = province.parent_id
        place = documents.place_of(province.name) if province.kind == 'province' else 'Hà Nội'
        if isinstance(date, str):
            date = fields.Date.from_string(date)
        return {
            'superior': office.parent_id.name or '',
            'agency': office.name or '',
            'number': 'Số: %s' % number if number else 'Số: ......',
            'place_date': documents.date_line(place, date or datetime.date.today()),
        }

    @staticmethod
    def _thads_person(partner):
        """Name, address and ID number of a party, as the documents write them."""
        parts = [partner.name or '']
        if partner.street:
            parts.append('địa chỉ: %s' % partner.street)
        if getattr(partner, 'thads_id_number', False):
            parts.append('số định danh: %s' % partner.thads_id_number)
        return ', '.join(parts)
