"""Issue 20: the denouncer's identity over XML-RPC as the demo roles of Hà
Nội region 1: the support officer reads the denunciation, not the identity;
the handling clerk and the leader read it, and each read is in the audit
log; a forged context unlocks nothing."""
import xmlrpc.client

from odoo.addons.thads_accounts.tests.common import ThadsHttpCase

from ..models.thads_support_request import on_day

PASSWORD = 'Thads@2026'
FORGED = {'thads_identity_internal': True, 'thads_step_internal': True, 'active_test': False}


class TestDenouncerIdentity(ThadsHttpCase):

    def setUp(self):
        super(TestDenouncerIdentity, self).setUp()
        self.db = self.registry.db_name
        with self.http_env() as env:
            clerk = env.ref('thads_accounts.user_hn_secretary_demo')
            self.assertEqual(clerk.login, 'thuky.hn1')
            denunciation = on_day(env['thads.complaint'], '2026-02-12').create({
                'kind': 'denunciation', 'office_id': env.ref('thads_accounts.office_hn_kv1_demo').id,
                'content': 'Tố cáo hành vi của Chấp hành viên.',
                'denouncer_name': 'Lê Văn Mật', 'denouncer_id_number': '001085004444',
                'denouncer_phone': '0900000001'})
            denunciation.user_id = clerk  # the leader hands it to the clerk who handles it
            self.denunciation = denunciation.id
            self.identity = env['thads.denunciation.identity'].search([('complaint_id', '=', denunciation.id)]).id
            self.assertTrue(self.identity)

    def rpc(self, login, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(self.db, login, PASSWORD, {})
        self.assertTrue(uid, 'demo login %s failed' % login)
        return self.xmlrpc_object.execute_kw(self.db, uid, PASSWORD, model, method, list(args), kwargs)

    def logs(self):
        with self.http_env() as env:
            return env['auditlog.log'].search_read(
                [('model_id.model', '=', 'thads.denunciation.identity'), ('res_id', '=', self.identity)],
                ['user_id', 'method'], order='id')

    def test_identity_hidden_from_the_office_and_logged(self):
        # the support officer of the same office reads the denunciation...
        row, = self.rpc('hotro.hn1', 'thads.complaint', 'read', [self.denunciation], ['name', 'applicant_name',
                                                                                       'content'])
        self.assertNotIn('Mật', row['applicant_name'])
        # ...but not who denounced, with or without a forged context
        for context in ({}, FORGED):
            self.assertEqual(self.rpc('hotro.hn1', 'thads.denunciation.identity', 'search',
                                      [('complaint_id', '=', self.denunciation)], context=context), [])
            with self.assertRaises(xmlrpc.client.Fault):
                self.rpc('hotro.hn1', 'thads.denunciation.identity', 'read', [self.identity], ['name'],
                         context=context)
            with self.assertRaises(xmlrpc.client.Fault):
                self.rpc('hotro.hn1', 'thads.complaint', 'action_show_identity', [self.denunciation],
                         context=context)
        # accepting is the leader's act, not the desk's
        with self.assertRaises(xmlrpc.client.Fault):
            self.rpc('hotro.hn1', 'thads.complaint', 'action_accept', [self.denunciation])
        for login in ('chv.hn1', 'khieunai.cuc', 'lanhdao.hcm1'):
            with self.assertRaises(xmlrpc.client.Fault):
                self.rpc(login, 'thads.denunciation.identity', 'read', [self.identity], ['name'])
        self.assertEqual(self.logs(), [])
        # no one creates or changes an identity directly
        with self.assertRaises(xmlrpc.client.Fault):
            self.rpc('lanhdao.hn1', 'thads.denunciation.identity', 'create',
                     {'complaint_id': self.denunciation, 'name': 'Giả'}, context=FORGED)
        with self.assertRaises(xmlrpc.client.Fault):
            self.rpc('lanhdao.hn1', 'thads.denunciation.identity', 'write', [self.identity], {'name': 'Giả'})
        # the handling clerk and the leader read it; each read is logged with its reader
        row, = self.rpc('thuky.hn1', 'thads.denunciation.identity', 'read', [self.identity], ['name', 'id_number'])
        self.assertEqual((row['name'], row['id_number']), ('Lê Văn Mật', '001085004444'))
        action = self.rpc('lanhdao.hn1', 'thads.complaint', 'action_show_identity', [self.denunciation])
        self.assertEqual(action['res_id'], self.identity)
        self.rpc('lanhdao.hn1', 'thads.denunciation.identity', 'read', [self.identity], ['name'])
        logs = self.logs()
        with self.http_env() as env:
            users = [env['res.users'].browse(log['user_id'][0]).login for log in logs]
            self.assertEqual(env['thads.denunciation.identity'].browse(self.identity).name, 'Lê Văn Mật')
        self.assertEqual(users, ['thuky.hn1', 'lanhdao.hn1'])
        self.assertEqual({log['method'] for log in logs}, {'read'})
