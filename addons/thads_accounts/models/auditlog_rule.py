from odoo import api, models

# The chatter is a history of its own (messages, followers, activities):
# auditing a record reads these lists before and after every write and
# logs nothing but their ids.
CHATTER_MODELS = ('mail.message', 'mail.followers', 'mail.activity')


class AuditlogRule(models.Model):
    """Audit the fields of a record, not the chatter or journals hung on it.

    OCA auditlog's "full" mode reads every stored field of the record
    before and after each write, one2many lists included.  For the chatter,
    and for append-only journals a model names in `_audit_skip_fields`
    (e.g. a case's events, each with its author and date), that costs
    queries on every write and adds only lists of ids to the log."""
    _inherit = 'auditlog.rule'

    @api.model
    def get_auditlog_fields(self, model):
        skip = set(getattr(model, '_audit_skip_fields', ()))
        return [name for name in super(AuditlogRule, self).get_auditlog_fields(model)
                if name not in skip
                and not (model._fields[name].type == 'one2many'
                         and model._fields[name].comodel_name in CHATTER_MODELS)]
