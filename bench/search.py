"""Time the accent-insensitive case search (thads_case lib/search.py) on the
benchmark dataset (run by `./thads bench` after stats.py, or alone:
`odoo shell -d thads_bench < bench/search.py`).  Each search is timed as
the web client runs it, first page (80 cases, ordered like the list) plus
the count, for three users: a national reader (record rules over the whole
country), the leader of one regional office (its subtree only) and the
superuser (no rules).  Not a test: prints BENCH lines; the median of 3
runs.  The users are created once (`bench.search.*`), nothing else is
written."""
import statistics
import time
import unicodedata

cr = env.cr  # noqa: F821 (odoo shell)
Users = env['res.users'].with_context(active_test=False, no_reset_password=True)  # noqa: F821
cr.execute('SELECT count(*) FROM thads_case')
cases = cr.fetchone()[0]
cr.execute("SELECT count(*) FROM thads_case_party")
print('BENCH search: %d cases, %d parties' % (cases, cr.fetchone()[0]))


def user(login, office, group):
    found = Users.search([('login', '=', login)])
    return found or Users.create({
        'name': login, 'login': login, 'password': 'Bench@2026pass', 'thads_office_id': office.id,
        'groups_id': [(6, 0, [env.ref('thads_accounts.' + group).id])]})  # noqa: F821


region = env['thads.office'].search([('code', '=', 'B-R1')])  # noqa: F821
users = [('national reader', user('bench.search.national', env.ref('thads_accounts.office_national'),  # noqa: F821
                                  'group_thads_national')),
         ('regional leader', user('bench.search.leader', region, 'group_thads_leader')),
         ('superuser', env.ref('base.user_root'))]  # noqa: F821
cr.commit()

# what an officer types: taken from a case of the region, so that every
# user finds something
cr.execute("""SELECT c.name, c.judgment_number, c.decision_number, p.name, p.thads_id_number
                FROM thads_case c JOIN thads_case_party cp ON cp.case_id = c.id
                JOIN res_partner p ON p.id = cp.partner_id
               WHERE c.office_id = %s AND c.decision_number IS NOT NULL ORDER BY c.id DESC LIMIT 1""", (region.id,))
number, judgment, decision, party, id_number = cr.fetchone()
# the name as typed without accents ("Bùi Quốc Dũng" -> "bui quoc dung")
unaccented = ''.join(char for char in unicodedata.normalize('NFD', party.replace('Đ', 'D').replace('đ', 'd'))
                     if not unicodedata.combining(char)).lower()
searches = (
    ('name without accents', [('search_party', 'ilike', unaccented)]),
    ('family + middle name', [('search_party', 'ilike', ' '.join(unaccented.split()[:2]))]),
    ('rare name', [('search_party', 'ilike', 'khong co ai ten nay')]),
    ('judgment number', [('search_judgment', 'ilike', judgment)]),
    ('QĐ number typed QD', [('search_decision', 'ilike', decision.replace('Đ', 'D'))]),
    ('case number', [('search_case_number', 'ilike', number)]),
    ('all four, case number', [('search_text', 'ilike', number)]),
    ('6 digits of a CCCD', [('search_id_number', 'ilike', id_number[3:9])]),
)
Case = env['thads.case']  # noqa: F821
for who, account in users:
    cases_of = Case.sudo(account)
    for label, domain in searches:
        times, found, count = [], 0, 0
        for _run in range(3):
            started = time.time()
            found = len(cases_of.search(domain, limit=80))
            count = cases_of.search_count(domain)
            times.append(time.time() - started)
        print('BENCH search %-16s %-24s first page %3d, count %7d: %.3f s' % (
            who, label, found, count, statistics.median(times)))
cr.rollback()
