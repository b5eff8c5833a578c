from collections import OrderedDict

from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from odoo.addons.thads_accounts.lib.workdays import UNITS

from ..lib import deadlines, lifecycle

class ThadsDeadlineRule(models.Model):
    """A legal time limit as data: trigger event -> required event within N
    working/calendar days.  Versions of a rule share a code and differ by
    validity dates, so old and new laws apply to their own periods."""
    _name = 'thads.deadline.rule'
    _inherit = ['thads.cache.mixin']
    _description = 'Legal deadline rule'
    _order = 'code, date_from'

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    # the codes are those of lib/lifecycle.py (TRANSITIONS), checked by
    # _check_rule; not listed in the help, whose translation would change
    # with every new event type
    trigger_event = fields.Char(required=True, help='Comma-separated event codes that start the period, e.g. '
                                                    '"decide,notify" (the codes of the event types; an unknown '
                                                    'code is refused).')
    satisfied_by = fields.Char(required=True, help='Comma-separated event codes that meet the deadline, e.g. '
                                                   '"verify" (the codes of the event types; an unknown code is '
                                                   'refused).')
    count = fields.Integer(required=True)
    unit = fields.Selection([
        ('working_days', 'Working days'), ('days', 'Days'), ('months', 'Months'), ('years', 'Years'),
    ], required=True, default='working_days')
    extra_working_days = fields.Integer(help='Working days added after the period (e.g. "03 NLV after one year").')
    case_kind = fields.Selection([('chu_dong', 'Ex officio'), ('theo_yeu_cau', 'On request')],
                                 help='Empty: both kinds of case.')
    trigger_grounds = fields.Char(help='Comma-separated ground codes (Legal grounds); empty: any ground.')
    except_grounds = fields.Char(help='Comma-separated ground codes that do not start this period.')
    start_from = fields.Selection([
        ('event', 'The triggering event'),
        ('rule_end', "The end of another rule's period"),
        ('case_date', 'A date of the case'),
    ], required=True, default='event',
        help='Civil Code art. 147-148: a period starts the day after its start; a period that runs after '
             'another starts when that one ends, after its roll-over to the next working day.')
    after_rule = fields.Char(help='Code of the rule whose period this one follows (start: end of that rule).')
    start_field = fields.Selection([('judgment_effective_date', 'Judgment took effect'),
                                    ('decision_date', 'Enforcement decision'),
                                    ('date_received', 'Received on')],
                                   help='The date of the case the period starts from.')
    trigger_result = fields.Char(help='Verification result that triggers the rule (e.g. "none").')
    requires_event = fields.Char(help='Only when this event happened before the trigger.')
    legal_basis = fields.Char(required=True)
    date_from = fields.Date(string='Valid from')
    date_to = fields.Date(string='Valid until')
    remind_days = fields.Integer(string='Remind before (working days)', default=1)
    active = fields.Boolean(default=True)

    @api.constrains('trigger_event', 'satisfied_by', 'requires_event', 'count', 'date_from', 'date_to',
                    'trigger_grounds', 'except_grounds', 'start_from', 'after_rule', 'start_field')
    def _check_rule(self):
        grounds = set(self.env['thads.case.ground'].sudo().with_context(active_test=False).search([])
                      .mapped('code'))  # sudo: reference data, read to validate the codes
        for rule in self:
            codes = rule._split(rule.trigger_event) + rule._split(rule.satisfied_by) + rule._split(rule.requires_event)
            unknown = [c for c in codes if c not in lifecycle.TRANSITIONS]
            if unknown:
                raise ValidationError(_('Unknown event codes in rule %s: %s.') % (rule.code, ', '.join(unknown)))
            unknown = [c for c in rule._split(rule.trigger_grounds) + rule._split(rule.except_grounds)
                       if c not in grounds]
            if unknown:
                raise ValidationError(_('Unknown ground codes in rule %s: %s.') % (rule.code, ', '.join(unknown)))
            if rule.start_from == 'rule_end' and not rule.after_rule:
                raise ValidationError(_('Rule %s runs after another rule: give its code.') % rule.code)
            if rule.start_from == 'case_date' and not rule.start_field:
                raise ValidationError(_('Rule %s starts from a date of the case: choose which.') % rule.code)
            if rule.start_from == 'rule_end':
                seen, code = {rule.code}, rule.after_rule
                while code:
                    if code in seen:
                        raise ValidationError(_('Rule %s runs after itself (a cycle of rules).') % rule.code)
                    seen.add(code)
                    before = self.search([('code', '=', code), ('start_from', '=', 'rule_end')], limit=1)
                    code = before.after_rule
            if rule.count < 0:
                raise ValidationError(_('A time limit cannot be negative.'))
            if rule.date_from and rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_('Rule %s ends before it starts.') % rule.code)
            overlap = self.search([('id', '!=', rule.id), ('code', '=', rule.code),
                                   '|', ('date_to', '=', False), ('date_to', '>=', rule.date_from or '0001-01-01'),
                                   '|', ('date_from', '=', False), ('date_from', '<=', rule.date_to or '9999-12-31')])
            if overlap:
                raise ValidationError(_('Two versions of rule %s are valid on the same days.') % rule.code)

    # -------------------------------------- open deadlines follow the rules
    def _trigger_types(self):
        types = set()
        for rule in self:
            types.update(self._split(rule.trigger_event))
        return types

    @api.model
    def create(self, vals):
        rule = super(ThadsDeadlineRule, self).create(vals)
        self.env['thads.case']._deadlines_changed_rules(rule._trigger_types())
        return rule

    # what the clocks are computed from (a new name or legal basis moves no deadline)
    _COMPUTED_FROM = frozenset([
        'code', 'trigger_event', 'satisfied_by', 'count', 'unit', 'extra_working_days', 'case_kind',
        'trigger_grounds', 'except_grounds', 'trigger_result', 'requires_event', 'start_from', 'after_rule',
        'start_field', 'date_from', 'date_to', 'active'])

    @api.multi
    def write(self, vals):
        if not self._COMPUTED_FROM & set(vals):
            return super(ThadsDeadlineRule, self).write(vals)
        types = self._trigger_types()
        res = super(ThadsDeadlineRule, self).write(vals)
        self.env['thads.case']._deadlines_changed_rules(types | self._trigger_types())
        return res

    @api.multi
    def unlink(self):
        types = self._trigger_types()
        res = super(ThadsDeadlineRule, self).unlink()
        self.env['thads.case']._deadlines_changed_rules(types)
        return res

    @staticmethod
    def _split(value):
        return [v.strip() for v in (value or '').split(',') if v.strip()]

    @api.model
    def _get_rules(self):
        """All active rules as pure deadlines.Rule tuples."""
        return list(self._rule_ids(self.env.lang))

    @api.model
    def _rule_id_of(self, rule):
        """Id of the record a pure Rule was made from."""
        return self._rule_ids(self.env.lang).get(rule, False)

    @api.model
    @tools.ormcache('lang')
    def _rule_ids(self, lang):
        """{Rule: id} in the rules' order, cached per registry and language:
        every event recorded replays the deadlines of its case, and the rules
        change a few times a year (thads.cache.mixin clears the cache)."""
        return OrderedDict((deadlines.make_rule(
            rule.code, self._split(rule.trigger_event), self._split(rule.satisfied_by), rule.count, rule.unit,
            name=rule.name, extra_working_days=rule.extra_working_days,
            date_from=fields.Date.from_string(rule.date_from) if rule.date_from else None,
            date_to=fields.Date.from_string(rule.date_to) if rule.date_to else None,
            case_kind=rule.case_kind or None, trigger_grounds=self._split(rule.trigger_grounds),
            except_grounds=self._split(rule.except_grounds),
            trigger_result=rule.trigger_result or None, requires_event=rule.requires_event or None,
            start_from=rule.start_from or 'event', after_rule=rule.after_rule or None,
            start_field=rule.start_field or None), rule.id)
            for rule in self.sudo().with_context(lang=lang).search([]))
