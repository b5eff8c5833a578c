"""The matrix test of the access table (lib/access_table.py), over XML-RPC.

Each addon's test_access_matrix.py subclasses AccessMatrixCase with the
factories of its models; a test method per demo role logs in as that role
and checks every cell of every row of the addon:

- read:   search (on the fixtures), search_count, read and export_data of
          each fixture (refused out of scope), read_group, name_search,
          export_data, and search_read through the related path of the
          office (e.g. case_id.office_id);
- write:  a harmless field of a record in scope (done) and of each record
          out of scope (refused, unchanged);
- create: a record in the role's own office, owned by them, and one in
          another province (created or refused, nothing left behind);
- unlink: a disposable record of each kind (gone or refused, still there).

The expected result of a cell comes from the meaning of its scope: the
office tree (thads.office child_of, as the administrator sees it), the
owner the fixture was made for, the scopes' predicates below; never from
the generated rule domains."""
import collections
import xmlrpc.client

from odoo.addons.thads_accounts.lib import access_table as table

from .common import ThadsHttpCase

DEMO_PASSWORD = 'Thads@2026'

# the demo roles (README): one login each
LOGINS = ('quantri', 'thongke.cuc', 'quantri.hn', 'thongke.hn', 'lanhdao.hn1', 'thuky.hn1', 'chv.hn1',
          'hotro.hn1', 'chv.hcm1')

# fixtures: (office xml id, owner login) — own office, a colleague's record in
# the same office, the neighbour office of the same province, another province
PLACES = (('thads_accounts.office_hn_kv1_demo', 'chv.hn1'),
          ('thads_accounts.office_hn_kv1_demo', 'chv.hn2'),
          ('thads_accounts.office_hn_kv2_demo', 'chv.hn3'),
          ('thads_accounts.office_hcm_kv1_demo', 'chv.hcm1'))
OTHER_PROVINCE = ('thads_accounts.office_hcm_kv1_demo', 'chv.hcm1')
OTHER_PROVINCE_HN = ('thads_accounts.office_hn_kv1_demo', 'chv.hn1')  # for a user in HCM

Fixture = collections.namedtuple('Fixture', 'id office owner tag')
User = collections.namedtuple('User', 'login uid office subtree roles')

# predicates of the scopes a row defines itself (access_table: ``scopes``)
CUSTOM_SCOPES = {
    'petitions': lambda fixture, user: fixture.tag in ('petition', 'complaint'),
    'complaints_office': lambda fixture, user: (fixture.tag in ('complaint', 'denunciation')
                                                and fixture.office in user.subtree),
    'complaints_only': lambda fixture, user: fixture.tag == 'complaint',
    'visible': lambda fixture, user: (fixture.tag != 'party' or fixture.office in user.subtree
                                      or 'national' in user.roles),
    'parties': lambda fixture, user: fixture.tag == 'party' and fixture.office in user.subtree,
}


class Factory(object):
    """How to make a record of a model for the matrix.

    make(env, office, owner, tag) -> values to create it (parents made with
    env, the superuser); probe: (field, value) written by the write cells;
    places: the fixtures (office xml id or None, owner login or None, tag);
    create_places: where the create and unlink cells try (default: the
    role's home and another province); writer: the model with the rights
    the fixtures need (records only the module's own methods create);
    after(record, owner): what the fixture needs once created.  A probe
    (field, value, 'workflow'): every direct write is refused, whatever the
    cell (the workflow writes the record through its own methods).
    group_by: the field read_group groups by (create_uid, or a required
    field on a model without log fields)."""

    def __init__(self, make, probe, places=None, office=True, create_places=None, writer=None, after=None,
                 group_by='create_uid'):
        self.make, self.probe, self.create_places, self.group_by = make, probe, create_places, group_by
        self.writer = writer or (lambda model: model)
        self.after = after
        self.places = places or ([(o, u, None) for o, u in PLACES] if office else [(None, None, None)])


class AccessMatrixCase(ThadsHttpCase):
    ADDON = None

    def factories(self):
        """model -> Factory, for every row of the addon."""
        raise NotImplementedError

    # ----------------------------------------------------------- plumbing
    def setUp(self):
        super(AccessMatrixCase, self).setUp()
        self.db = self.registry.db_name
        self.problems = []
        self._uids = {}

    def rpc(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(self.db, user.uid, DEMO_PASSWORD, model, method, list(args), kwargs)

    def attempt(self, user, model, method, *args, **kwargs):
        """(True, result) or (False, fault)."""
        try:
            return True, self.rpc(user, model, method, *args, **kwargs)
        except xmlrpc.client.Fault as fault:
            return False, fault

    def expect(self, cell, allowed, outcome):
        ok, value = outcome
        if allowed and not ok:
            self.problems.append('%s: refused (%s)' % (cell, value.faultString.strip().splitlines()[-1][:160]))
        elif not allowed and ok:
            self.problems.append('%s: allowed' % cell)
        return ok

    def user(self, env, login):
        user = env['res.users'].search([('login', '=', login)])
        self.assertTrue(user, 'demo user %s' % login)
        roles = set()
        for key, role in table.ROLES.items():
            group = env.ref(role.group, raise_if_not_found=False)
            if group and group in user.groups_id:
                roles.add(key)
        subtree = set(env['thads.office'].with_context(active_test=False).search(
            [('id', 'child_of', user.thads_office_id.id)]).ids) if user.thads_office_id else set()
        return User(login, user.id, user.thads_office_id.id, subtree, roles)

    @staticmethod
    def matches(scopes, fixture, user):
        for scope in scopes:
            if scope == table.NATION:
                return True
            if scope == table.OWN and fixture.owner == user.uid:
                return True
            if scope == table.OFFICE and fixture.office in user.subtree:
                return True
            if scope in CUSTOM_SCOPES and CUSTOM_SCOPES[scope](fixture, user):
                return True
        return False

    def make(self, env, factory, place):
        office_ref, login, tag = place
        office = env.ref(office_ref) if office_ref else None
        owner = env['res.users'].search([('login', '=', login)]) if login else None
        return factory.make(env, office, owner, tag), (office.id if office else None,
                                                      owner.id if owner else None, tag)

    def create_fixture(self, env, model, factory, place):
        vals, (office, owner, tag) = self.make(env, factory, place)
        record = factory.writer(env[model]).create(vals)
        if factory.after:
            factory.after(record, owner and env['res.users'].browse(owner))
        return Fixture(record.id, office, owner, tag)

    # --------------------------------------------------------------- cells
    def check_role(self, login):
        factories = self.factories()
        rows = [row for row in table.MODELS if row.addon == self.ADDON]
        self.assertEqual(sorted(factories), sorted(row.model for row in rows),
                         'one factory per row of %s in the access table' % self.ADDON)
        with self.http_env() as env:
            user = self.user(env, login)
        for row in rows:
            factory = factories[row.model]
            with self.http_env() as env:
                fixtures = [self.create_fixture(env, row.model, factory, place) for place in factory.places]
            self.check_read(row, factory, user, fixtures)
            self.check_write(row, factory, user, fixtures)
            self.check_create(row, factory, user)
            self.check_unlink(row, factory, user)
        self.assertFalse(self.problems, '%s, cells that differ from the access table:\n%s'
                         % (login, '\n'.join(self.problems)))

    def check_read(self, row, factory, user, fixtures):
        model, cell = row.model, '%s %s read' % (user.login, row.model)
        scopes = table.effective(row, user.roles, 'read')
        ids = [f.id for f in fixtures]
        expected = sorted(f.id for f in fixtures if self.matches(scopes, f, user))
        domain = [('id', 'in', ids)]
        if not self.expect(cell + ' search_count', bool(scopes), self.attempt(user, model, 'search_count', domain)):
            return
        ok, found = self.attempt(user, model, 'search', domain)
        if ok and sorted(found) != expected:
            self.problems.append('%s search: %s, expected %s' % (cell, sorted(found), expected))
        for fixture in fixtures:
            allowed = fixture.id in expected
            self.expect('%s read #%s' % (cell, fixture.tag or fixture.office), allowed,
                        self.attempt(user, model, 'read', [fixture.id], ['display_name']))
            self.expect('%s export_data #%s' % (cell, fixture.tag or fixture.office), allowed,
                        self.attempt(user, model, 'export_data', [fixture.id], ['id']))
        # grouped (no aggregate of an empty set, which XML-RPC cannot carry)
        by = factory.group_by
        ok, groups = self.attempt(user, model, 'read_group', domain, [by], [by])
        count = sum(g.get('%s_count' % by, 0) for g in groups) if ok else None
        if count != len(expected):
            self.problems.append('%s read_group: %s records, expected %d' % (cell, count, len(expected)))
        ok, names = self.attempt(user, model, 'name_search', '', domain, 'ilike', 100)
        if not ok or sorted(n[0] for n in names) != expected:
            self.problems.append('%s name_search: %s, expected %s' % (cell, names if ok else 'refused', expected))
        for path in row.office:
            if '.' not in path:
                continue
            offices = sorted({f.office for f in fixtures if f.office})
            ok, found = self.attempt(user, model, 'search_read', [(path, 'in', offices)] + domain, ['id'])
            if not ok or sorted(r['id'] for r in found) != expected:
                self.problems.append('%s search_read through %s: %s, expected %s'
                                     % (cell, path, found if ok else 'refused', expected))

    def check_write(self, row, factory, user, fixtures):
        model, cell = row.model, '%s %s write' % (user.login, row.model)
        scopes = table.effective(row, user.roles, 'write')
        field, value = factory.probe[:2]
        if factory.probe[2:] == ('workflow',):  # written by the workflow alone: every direct write refused
            scopes = set()
        inside = [f for f in fixtures if self.matches(scopes, f, user)]
        outside = [f for f in fixtures if f not in inside]
        for fixture in inside[:1] + outside:
            allowed = fixture in inside
            ok = self.expect('%s #%s' % (cell, fixture.tag or fixture.office), allowed,
                             self.attempt(user, model, 'write', [fixture.id], {field: value}))
            with self.http_env() as env:
                current = env[model].browse(fixture.id)[field]
                current = current.id if hasattr(current, 'id') else current
                if ok != (current == value):
                    self.problems.append('%s #%s: %s is %r after the %s' % (
                        cell, fixture.tag or fixture.office, field, current, 'write' if ok else 'refusal'))

    def candidates(self, factory, user):
        """Where the role would create: at home (or the factory's first
        place), and in another province."""
        if factory.create_places:
            return factory.create_places
        if factory.places[0][0] is None:
            return [factory.places[0]]
        home = next((p for p in factory.places if p[1] == user.login), None)
        if home is None:
            with self.http_env() as env:
                office = env['res.users'].browse(user.uid).thads_office_id
                refs = {office.get_external_id().get(office.id)}
            home = next((p for p in factory.places if p[0] in refs), factory.places[0])
        other = next(p for p in factory.places if p[0] != home[0] and
                     p[0] in (OTHER_PROVINCE[0], OTHER_PROVINCE_HN[0]))
        return [home, other]

    def check_create(self, row, factory, user):
        model, cell = row.model, '%s %s create' % (user.login, row.model)
        scopes = table.effective(row, user.roles, 'create')
        for place in self.candidates(factory, user):
            with self.http_env() as env:
                vals, (office, owner, tag) = self.make(env, factory, place)
                before = env[model].search_count([])
            allowed = self.matches(scopes, Fixture(0, office, owner, tag), user)
            ok = self.expect('%s at %s' % (cell, place[0]), allowed, self.attempt(user, model, 'create', vals))
            with self.http_env() as env:
                after = env[model].search_count([])
            if after - before != (1 if ok else 0):
                self.problems.append('%s at %s: %d records more' % (cell, place[0], after - before))

    def check_unlink(self, row, factory, user):
        model, cell = row.model, '%s %s unlink' % (user.login, row.model)
        scopes = table.effective(row, user.roles, 'unlink')
        for place in self.candidates(factory, user):
            with self.http_env() as env:
                fixture = self.create_fixture(env, model, factory, place)
            allowed = self.matches(scopes, fixture, user)
            ok = self.expect('%s at %s' % (cell, place[0]), allowed, self.attempt(user, model, 'unlink', [fixture.id]))
            with self.http_env() as env:
                exists = bool(env[model].search_count([('id', '=', fixture.id)]))
            if exists == ok:
                self.problems.append('%s at %s: the record is %s' % (cell, place[0], 'still there' if ok else 'gone'))


def role_tests(cls, extra=()):
    """Add a test method per demo role to a matrix class (``extra``: demo
    roles of the addon itself, e.g. thads_support's complaint officer)."""
    for login in LOGINS + tuple(extra):
        def test(self, login=login):
            self.check_role(login)
        name = 'test_matrix_%s' % login.replace('.', '_')
        test.__name__ = name
        setattr(cls, name, test)
    return cls
