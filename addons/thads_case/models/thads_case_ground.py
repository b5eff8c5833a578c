from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import lifecycle
from .thads_case_event import EVENT_TYPES

GROUND_EVENT_TYPES = [(code, label) for code, label in EVENT_TYPES
                      if code in lifecycle.TRANSITIONS and 'ground' in lifecycle.TRANSITIONS[code].needs]


class ThadsCaseGround(models.Model):
    """A legal ground of an act (no conditions to enforce, postponement,
    suspension, termination, refusal, revocation), as a controlled list with
    its legal reference: events carry its code, deadline rules filter on it,
    and the register, the forms and the public list print its citation.
    Versions differ by validity dates (Law 2014 / Law 106/2025)."""
    _name = 'thads.case.ground'
    _inherit = ['thads.cache.mixin']
    _description = 'Legal ground'
    _order = 'event_type, code, date_from'

    code = fields.Char(required=True, index=True)
    name = fields.Char(string='Ground', required=True, translate=True)
    event_type = fields.Selection(GROUND_EVENT_TYPES, required=True, index=True,
                                  help='The event (act) this ground justifies.')
    citation = fields.Char(required=True, help='As Vietnamese law cites it, e.g. '
                                               '"điểm a khoản 1 Điều 44a Luật Thi hành án dân sự".')
    citation_new = fields.Char(string='Citation under Law 106/2025',
                               help='The equivalent provision of Law 106/2025/QH15 where it is known.')
    aliases = fields.Char(help='Other spellings accepted on import (comma-separated), e.g. '
                               '"Điều 44a khoản 1 điểm a".')
    yearly_verification = fields.Boolean(help='Debtor in prison with at least 2 years left, or address '
                                              'unknown: verified once a year instead of every 6 months '
                                              '(Law art. 44(2)).')
    date_from = fields.Date(string='Valid from')
    date_to = fields.Date(string='Valid until')
    active = fields.Boolean(default=True)

    @api.multi
    def name_get(self):
        return [(ground.id, '%s (%s)' % (ground.name, ground.citation)) for ground in self]

    @api.model
    def _normalize(self, event_type, value, date):
        """The code of the ground `value` (a code, a citation or an alias)
        for `event_type`, valid on `date`; the value itself when the event
        type has no controlled list; a UserError for an unknown ground of
        a controlled list."""
        # sudo: the list of grounds is public reference data
        grounds = self.sudo().search([('event_type', '=', event_type)])
        if not grounds or not value:
            return value
        key = ' '.join(value.split()).lower()
        for ground in grounds:
            spellings = [ground.code, ground.citation] + (ground.aliases or '').split(',')
            if key in {' '.join(s.split()).lower() for s in spellings if s}:
                if (ground.date_from and date < ground.date_from) or (ground.date_to and date > ground.date_to):
                    raise UserError(_('The ground "%s" is not valid on %s.') % (ground.citation, date))
                return ground.code
        raise UserError(_('"%s" is not a legal ground of this act. Choose one of: %s.') % (
            value, '; '.join('%s (%s)' % (g.code, g.citation) for g in grounds)))
