from odoo import _, api, fields, models
from odoo.exceptions import UserError

COMPLAINT_PROCEDURES = [('complaint', 'Complaint'), ('denunciation', 'Denunciation')]
COMPLAINT_CODES = tuple(code for code, _label in COMPLAINT_PROCEDURES)


class ThadsSupportProcedure(models.Model):
    """Complaints and denunciations are procedures of their own, versioned
    like the others; their legal time limits are rows of the version."""
    _inherit = 'thads.support.procedure'

    code = fields.Selection(selection_add=COMPLAINT_PROCEDURES)
    limit_ids = fields.One2many('thads.complaint.limit', 'procedure_id', string='Legal time limits', copy=True)

    def _limit(self, kind, measure=None, round_=None, complexity=None, day=None):
        """The limit of `kind` valid on `day` (ISO string; the complaint's
        receipt day, which also picked this version) that fits best (a
        specific row before a general one), or a UserError naming what is
        missing."""
        self.ensure_one()
        Limit = self.env['thads.complaint.limit']
        # validity: the domain of thads.rule.version, shared by every versioned limit
        rows = Limit.search([('procedure_id', '=', self.id), ('kind', '=', kind)]
                            + (Limit._valid_on(day) if day else []))
        rows = rows.filtered(
            lambda l: l.measure in (measure or False, False) and l.round in (round_ or False, False)
            and (l.complexity or False) == (complexity or False))
        if not rows and complexity:
            return self._limit(kind, measure, round_, day=day)
        if not rows:
            raise UserError(_('The procedure version "%s" has no time limit for this case (%s).')
                            % (self.name, dict(Limit._fields['kind']._description_selection(self.env)).get(kind)))
        return rows.sorted(lambda l: (not l.measure, not l.round))[:1]

    @api.model
    def _limit_end(self, limit, start):
        """Last day of `limit` counted from `start` (a date): calendar days
        roll over to the next working day (Civil Code art. 148)."""
        calendar = self.env['thads.calendar.day']._get_calendar()
        return calendar.add(start, limit.count, limit.unit)
