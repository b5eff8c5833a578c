from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import coercion as co
from .thads_case import replaying
from .thads_case_event_coercion import local_moment


class ThadsCase(models.Model):
    """The coercions of a case (thads.case.coercion), rebuilt from its
    coercion events."""
    _inherit = 'thads.case'

    coercion_ids = fields.One2many('thads.case.coercion', 'case_id', string='Coercions', readonly=True)
    coercion_count = fields.Integer(compute='_compute_coercion_count', string='Coercions')

    @api.depends('coercion_ids')
    def _compute_coercion_count(self):
        for case in self:
            case.coercion_count = len(case.coercion_ids)

    def _coercion_allowed_steps(self, coercion):
        """The steps the coercion's buttons offer now."""
        from ..lib import lifecycle
        allowed = set(lifecycle.allowed_events(self.state))
        steps = {'coercion_cost'}
        if coercion.state != co.CARRIED:
            steps |= {'coercion_plan', 'coercion_carry', 'coercion_postpone'}
        return steps & allowed

    def _replay_coercions(self):
        """Rebuild the coercions of the case from its coercion events, in
        the order they happened (lib/coercion.replay).  Private: the
        journal's own code calls it when a coercion step is recorded."""
        self.ensure_one()
        self.env.cr.execute("""SELECT id, coercion_id, event_type, date, coercion_at, coercion_result, coercion_cost,
                                      coercion_kind, coercion_immediate, document_number, office_id, executor_id
                                 FROM thads_case_event WHERE case_id = %s AND event_type IN %s
                             ORDER BY date, sequence, id""", (self.id, co.EVENTS))
        rows = self.env.cr.dictfetchall()
        # sudo + replay path: the coercions are derived from events the user
        # was allowed to record on this case; nothing else is written
        Coercion = replaying(self.env['thads.case.coercion'].sudo())
        existing = {c.decision_event_id.id: c for c in Coercion.search([('case_id', '=', self.id)])}
        key_of = {c.id: key for key, c in existing.items()}
        steps = []
        for row in rows:
            key = row['id'] if row['event_type'] == 'coercion_decide' else key_of.get(row['coercion_id'])
            # Odoo reads SQL dates and timestamps as strings
            row['date'] = fields.Date.from_string(row['date'])
            row['coercion_at'] = row['coercion_at'] and fields.Datetime.from_string(row['coercion_at'])
            steps.append(co.Step(row['id'], key, row['event_type'], row['date'], row['coercion_at'],
                                 row['coercion_result'], row['coercion_cost'] or 0, row['coercion_kind']))
        try:
            states = co.replay(steps)
        except co.CoercionError as error:
            raise UserError(self.env['thads.case.event']._coercion_message(error))
        by_id = {row['id']: row for row in rows}
        plans = {}
        for row in rows:
            if row['event_type'] == 'coercion_plan':
                plans[key_of.get(row['coercion_id'])] = row['document_number']
        Event = self.env['thads.case.event']
        for key, data in states.items():
            decision = by_id[key]
            carried = local_moment(data['carried_at'])
            vals = {
                'kind': data['kind'], 'state': data['state'], 'decision_number': decision['document_number'],
                'decision_date': fields.Date.to_string(data['decision_date']),
                'immediate': bool(decision['coercion_immediate']),
                'plan_number': plans.get(key) or False,
                'plan_date': data['plan_date'] and fields.Date.to_string(data['plan_date']),
                'planned_at': data['planned_at'] and fields.Datetime.to_string(data['planned_at']),
                'carried_at': data['carried_at'] and fields.Datetime.to_string(data['carried_at']),
                'carried_date': carried and fields.Date.to_string(carried.date()),
                'result': data['result'] or False, 'postponed_count': data['postponed'],
                'postponed_date': data['postponed_date'] and fields.Date.to_string(data['postponed_date']),
                'cost': data['cost'],
            }
            record = existing.get(key)
            if record:
                vals = self._changed_values(record, vals)
                if vals:
                    record.write(vals)
            else:
                record = Coercion.create(dict(vals, case_id=self.id, decision_event_id=key,
                                              office_id=decision['office_id'], executor_id=decision['executor_id']))
                # the decision event is linked to the coercion it opened: a
                # derived link, written by the replay alone (events are append-only)
                self.env.cr.execute('UPDATE thads_case_event SET coercion_id = %s WHERE id = %s', (record.id, key))
                Event.browse(key).invalidate_cache(['coercion_id'])
        return True

    @api.multi
    def action_view_coercions(self):
        self.ensure_one()
        action = self.env.ref('thads_case.thads_case_coercion_action').read()[0]
        action['domain'] = [('case_id', '=', self.id)]
        action['context'] = {'search_default_case_id': self.id}
        return action
