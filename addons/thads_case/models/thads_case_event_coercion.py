import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import coercion as co
from .thads_case import MONEY

# Coercions happen in Vietnam: the time window of the law is local time
# (UTC+7, no daylight saving); Odoo stores datetimes in UTC.
LOCAL_TZ = pytz.timezone('Asia/Ho_Chi_Minh')


def local_moment(value):
    """A stored (UTC) datetime, string or datetime, as a naive local one."""
    if not value:
        return None
    if isinstance(value, str):
        value = fields.Datetime.from_string(value)
    return pytz.utc.localize(value).astimezone(LOCAL_TZ).replace(tzinfo=None)


class ThadsCaseEventCoercion(models.Model):
    """The data of the coercion steps on the case's events (the journal is
    the source of truth): the decision's measure, the planned or actual
    time, the result and the costs.  The rules of the law are checked here
    when a step is recorded (lib/coercion.py cites them); the coercion
    records are rebuilt from the steps by thads.case._replay_coercions."""
    _inherit = 'thads.case.event'

    coercion_id = fields.Many2one('thads.case.coercion', string='Coercion', readonly=True, index=True,
                                  ondelete='set null')
    coercion_kind = fields.Selection([(code, label) for code, label, _basis in co.KINDS], string='Measure',
                                     readonly=True)
    coercion_at = fields.Datetime(string='Date and time of the coercion', readonly=True)
    coercion_result = fields.Selection(co.RESULTS, string='Result of the coercion', readonly=True)
    coercion_cost = fields.Float(string='Coercion costs (đồng)', digits=MONEY, readonly=True)
    coercion_immediate = fields.Boolean(string='Coercion applied immediately', readonly=True)

    @api.model
    def _coercion_message(self, error):
        """Vietnamese-first text of a lib.coercion.CoercionError."""
        params = error.params
        if error.code == 'night':
            return _('A coercion cannot be carried out between %02d:00 and %02d:00 the next morning (%s).') % (
                params['start'], params['end'], params['basis'])
        if error.code == 'rest_day':
            return _('A coercion cannot be carried out on %s: it is a rest day or a holiday (%s).') % (
                params['day'].strftime('%d/%m/%Y'), params['basis'])
        if error.code == 'notice':
            return _('The parties must be notified of the coercion and its estimated costs at least %s working '
                     'days before the day set (%s): the earliest day is %s, unless the coercion must be '
                     'carried out immediately.') % (params['days'], params['basis'],
                                                     params['earliest'].strftime('%d/%m/%Y'))
        if error.code == 'voluntary':
            return _('The voluntary period has not ended (last day %s): a coercion may be decided only after it '
                     '(Law 106/2025 art. 72(1); Law 2014 art. 46(1)), unless it must be applied immediately to '
                     'prevent the dispersal of assets.') % params['last'].strftime('%d/%m/%Y')
        if error.code == 'not_whole':
            return _('Coercion costs are whole đồng.')
        if error.code == 'not_positive':
            return _('Coercion costs must be greater than zero.')
        if error.code == 'already_carried':
            return _('This coercion has already been carried out: record a new coercion decision instead.')
        if error.code == 'unknown_coercion':
            return _('Choose the coercion this step belongs to (a coercion decision recorded earlier on this '
                     'case).')
        return _('This coercion step is not possible.')

    @api.model
    def create(self, vals):
        if vals.get('event_type') in co.EVENTS:
            vals = self._check_coercion_step(dict(vals))
        elif any(vals.get(name) for name in ('coercion_id', 'coercion_kind', 'coercion_at', 'coercion_result',
                                             'coercion_cost', 'coercion_immediate')):
            raise UserError(_('Coercion data belong to coercion steps only.'))
        return super(ThadsCaseEventCoercion, self).create(vals)

    def _check_coercion_step(self, vals):
        """What the law requires of a coercion step (lib/coercion.py);
        returns the values to record."""
        event_type = vals['event_type']
        if not isinstance(vals.get('date'), str):
            vals['date'] = fields.Date.to_string(vals['date'])
        case = self.env['thads.case'].browse(vals['case_id'])
        calendar = self.env['thads.calendar.day']._get_calendar()
        try:
            if vals.get('coercion_cost'):
                vals['coercion_cost'] = co.whole_dong(vals['coercion_cost'])
            if event_type == 'coercion_decide':
                if vals.get('coercion_id'):
                    raise UserError(_('A coercion decision opens a new coercion: do not choose one.'))
                if vals.get('coercion_kind') not in co.KIND_CODES:
                    raise UserError(_('To record a coercion decision, give its measure.'))
                self.env.cr.execute("SELECT MAX(date) FROM thads_case_event WHERE case_id = %s "
                                    "AND event_type = 'notify' AND date <= %s", (case.id, vals['date']))
                notified = self.env.cr.fetchone()[0]  # Odoo reads SQL dates as strings
                co.check_after_voluntary(notified and fields.Date.from_string(notified),
                                         fields.Date.from_string(vals['date']), calendar,
                                         immediate=vals.get('coercion_immediate'))
                return vals
            coercion = self.env['thads.case.coercion'].browse(vals.get('coercion_id') or [])
            # sudo: reads the coercion's own dates to check the step; the
            # user's right on the case is checked when the event is created
            coercion = coercion.sudo()
            if not coercion or coercion.case_id.id != case.id:
                raise co.CoercionError('unknown_coercion')
            if coercion.state == co.CARRIED and event_type != 'coercion_cost':
                raise co.CoercionError('already_carried')
            for name in ('coercion_kind', 'coercion_immediate'):
                vals.pop(name, None)  # the decision's
            if event_type in ('coercion_plan', 'coercion_carry'):
                if not vals.get('coercion_at'):
                    raise UserError(_('Give the date and time of the coercion.'))
                moment = local_moment(vals['coercion_at'])
                co.check_window(moment, calendar)
                if event_type == 'coercion_carry':
                    # the effective date of the step is the day it was carried out
                    vals['date'] = fields.Date.to_string(moment.date())
                    if not vals.get('coercion_result'):
                        raise UserError(_('Give the result of the coercion.'))
                    co.check_notice(fields.Date.from_string(coercion.plan_date) if coercion.plan_date else None,
                                    moment.date(), calendar, immediate=coercion.immediate)
                elif moment.date() < fields.Date.from_string(vals['date']):
                    raise UserError(_('A coercion plan cannot set a time before the plan itself.'))
            else:
                vals.pop('coercion_at', None)
            if event_type != 'coercion_carry':
                vals.pop('coercion_result', None)
            if event_type == 'coercion_cost' and not vals.get('coercion_cost'):
                raise co.CoercionError('not_positive', amount=0)
            if vals['date'] < coercion.decision_date:
                raise UserError(_('A step of a coercion cannot be dated before its decision (%s).') %
                                fields.Date.from_string(coercion.decision_date).strftime('%d/%m/%Y'))
        except co.CoercionError as error:
            raise UserError(self._coercion_message(error))
        return vals

    def _apply(self):
        result = super(ThadsCaseEventCoercion, self)._apply()
        if self.event_type in co.EVENTS:
            self.case_id._replay_coercions()
        return result
