"""Issue 16: a request's clock (dates, deadlines, SLA state, pauses,
escalation flags) and its workflow state are written by this module's code
alone.  The demo support officer and leader of Hà Nội region 1 try over
XML-RPC, as a client would: refused with a Vietnamese message, nothing
changed; the context keys of the module's own paths unlock nothing."""
import xmlrpc.client

from odoo import fields
from odoo.addons.thads_accounts.tests.common import ThadsHttpCase

from ..models.thads_support_request import CLOCK_FIELDS, on_day

PASSWORD = 'Thads@2026'
FORGED_CONTEXT = {'thads_today': '2020-01-06', 'thads_step_internal': True}
REFUSED = 'không được sửa trực tiếp'
FORGED = {
    'state': 'done', 'procedure_id': None, 'date_received': '2020-01-06', 'date_done': '2026-01-07',
    'step_start_date': '2030-01-01', 'step_deadline': '2030-01-01', 'total_deadline': '2030-01-01',
    'pause_start_date': '2026-01-06', 'paused_days': 99, 'consumed_days': 0, 'sla_state': 'met',
    'sla_notified_on': '2026-01-07', 'escalated': True,
}


class TestClockOverRpc(ThadsHttpCase):

    def setUp(self):
        super(TestClockOverRpc, self).setUp()
        self.db = self.registry.db_name
        with self.http_env() as env:
            self.support = env.ref('thads_accounts.user_hn_support_demo')
            self.assertEqual(self.support.login, 'hotro.hn1')
            office = env.ref('thads_accounts.office_hn_kv1_demo')
            request = on_day(env['thads.support.request'], '2026-01-06').with_context(thads_no_email=True).create({
                'procedure_code': 'enforcement', 'office_id': office.id, 'user_id': self.support.id,
                'applicant_name': 'Nguyễn Văn Đơn', 'applicant_id_number': '001085001234',
                'applicant_email': 'don@example.com', 'content': 'Đề nghị thi hành bản án.'})
            self.request = request.id
            self.other_procedure = env['thads.support.procedure'].search(
                [('code', '=', 'petition')], limit=1).id
            self.values = {'procedure_code': 'enforcement', 'office_id': office.id,
                           'applicant_name': 'Trần Thị Giả', 'applicant_id_number': '001190007777',
                           'applicant_email': 'gia@example.com', 'content': 'Thử ghi đồng hồ.'}

    def rpc(self, login, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.db, login, PASSWORD, {})
        self.assertTrue(uid, 'demo login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, model, method, list(args), kwargs)

    def refused(self, login, method, *args, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as ctx:
            self.rpc(login, 'thads.support.request', method, *args, **kwargs)
        self.assertIn(REFUSED, ctx.exception.faultString)

    def snapshot(self):
        with self.http_env() as env:
            return env['thads.support.request'].browse(self.request).read(
                sorted(CLOCK_FIELDS | {'step_id', 'write_date'}))[0]

    def test_clock_fields_refused_over_rpc(self):
        self.assertEqual(set(FORGED), CLOCK_FIELDS)
        before = self.snapshot()
        self.assertEqual((before['state'], before['step_deadline'], before['total_deadline']),
                         ('received', '2026-01-07', '2026-01-12'))
        forged = dict(FORGED, procedure_id=self.other_procedure)
        for login in ('hotro.hn1', 'lanhdao.hn1'):
            # the user may change the request (its note): the refusal is about the clock only
            self.rpc(login, 'thads.support.request', 'write', [self.request], {'internal_note': login})
            before = self.snapshot()
            for name, value in sorted(forged.items()):
                self.refused(login, 'write', [self.request], {name: value})
                self.refused(login, 'write', [self.request], {name: value}, context=FORGED_CONTEXT)
                # mixed with an allowed field: nothing at all is written
                self.refused(login, 'write', [self.request], {name: value, 'internal_note': 'x'})
            self.assertEqual(self.snapshot(), before, login)

    def test_create_with_clock_fields_refused(self):
        count = lambda: self.rpc('hotro.hn1', 'thads.support.request', 'search_count',  # noqa: E731
                                 [('applicant_id_number', '=', '001190007777')])
        self.assertEqual(count(), 0)
        self.refused('hotro.hn1', 'create', dict(self.values, state='done'))
        self.refused('hotro.hn1', 'create', dict(self.values, date_received='2020-01-06', sla_state='met'))
        self.refused('lanhdao.hn1', 'create', dict(self.values, total_deadline='2030-01-01'),
                     context=FORGED_CONTEXT)
        self.refused('hotro.hn1', 'create', self.values, context={'default_date_received': '2020-01-06'})
        self.assertEqual(count(), 0)
        # without: created, received today whatever the context says
        new = self.rpc('hotro.hn1', 'thads.support.request', 'create', self.values, context=FORGED_CONTEXT)
        with self.http_env() as env:
            request = env['thads.support.request'].browse(new)
            self.assertEqual(request.date_received, fields.Date.context_today(request))
            self.assertEqual((request.state, request.step_id), ('received', env.ref('thads_support.step_enforcement_1')))

    def test_forged_context_unlocks_nothing(self):
        """The kanban move (step_id) stays open to the office; it restarts
        the step today, not on a day the client names, and the leader cannot
        move a closed request by sending the module's context key."""
        with self.http_env() as env:
            step3 = env.ref('thads_support.step_enforcement_3').id
            today = fields.Date.context_today(env['thads.support.request'])
        self.rpc('hotro.hn1', 'thads.support.request', 'write', [self.request], {'step_id': step3},
                 context=FORGED_CONTEXT)
        after = self.snapshot()
        self.assertEqual((after['step_id'][0], after['step_start_date']), (step3, today))
        self.rpc('lanhdao.hn1', 'thads.support.request', 'write', [self.request],
                 {'refusal_ground': 'Khoản 5 Điều 31 Luật THADS'})
        self.rpc('lanhdao.hn1', 'thads.support.request', 'action_refuse', [self.request],
                 context=FORGED_CONTEXT)
        closed = self.snapshot()
        self.assertEqual((closed['state'], closed['date_done']), ('refused', today))
        with self.assertRaises(xmlrpc.client.Fault):
            self.rpc('lanhdao.hn1', 'thads.support.request', 'write', [self.request],
                     {'step_id': self.step_other(step3)}, context=FORGED_CONTEXT)
        self.assertEqual(self.snapshot(), closed)
        # private methods of the clock are not callable over RPC
        for method in ('_cron_sla', '_sla_sql_refresh', '_sla_recompute'):
            with self.assertRaises(xmlrpc.client.Fault):
                self.rpc('lanhdao.hn1', 'thads.support.request', method, [self.request])
        self.assertEqual(self.snapshot(), closed)

    def step_other(self, step_id):
        with self.http_env() as env:
            step = env['thads.support.step'].browse(step_id)
            return (step.procedure_id.step_ids - step)[:1].id
