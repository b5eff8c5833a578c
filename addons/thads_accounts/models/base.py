from odoo import api, models
from odoo.exceptions import AccessError


class Base(models.AbstractModel):
    """Refusals on THADS models go to the trace (thads.access.denial):
    access rights (ACL) of every operation through check_access_rights,
    which every ORM method calls; record rules of create, write and unlink
    through check_access_rule, of read through read() (search_read, the web
    client's forms and every RPC read) and export_data.  The refusal itself is unchanged."""
    _inherit = 'base'

    @api.model
    def check_access_rights(self, operation, raise_exception=True):
        try:
            return super(Base, self).check_access_rights(operation, raise_exception=raise_exception)
        except AccessError as exc:
            if self._name.startswith('thads.') and 'thads.access.denial' in self.env:
                self.env['thads.access.denial']._thads_trace(self._name, operation, [], 'acl', exc)
            raise

    @api.multi
    def check_access_rule(self, operation):
        try:
            return super(Base, self).check_access_rule(operation)
        except AccessError as exc:
            self._thads_trace_refusal(operation, exc)
            raise

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        try:
            return super(Base, self).read(fields=fields, load=load)
        except AccessError as exc:
            self._thads_trace_refusal('read', exc)
            raise

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        """Export reads: the records must be readable.  Odoo exports the
        "id" column (external ids, created on the fly as the superuser)
        without reading a field, so without this check anyone could list
        and tag the records of another office (access table: read)."""
        self.check_access_rights('read')
        self.check_access_rule('read')
        return super(Base, self).export_data(fields_to_export, raw_data=raw_data)

    @api.multi
    def _thads_trace_refusal(self, operation, exc):
        if self._name.startswith('thads.') and 'thads.access.denial' in self.env:
            self.env['thads.access.denial']._thads_trace(self._name, operation, self.ids, 'rule', exc)
