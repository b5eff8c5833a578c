"""Time the accent-insensitive case search (thads_case lib/search.py) on the
benchmark dataset (run inside `odoo shell -d thads_bench`, after
`./thads bench`).  Not a test: prints BENCH lines."""
import time

cr = env.cr  # noqa: F821 (odoo shell)
Case = env['thads.case']  # noqa: F821
cr.execute('SELECT count(*) FROM thads_case')
print('BENCH search: %d cases' % cr.fetchone()[0])
cr.execute("SELECT name, judgment_number FROM thads_case WHERE judgment_number IS NOT NULL ORDER BY id DESC LIMIT 1")
number, judgment = cr.fetchone() or ('1/2026', '1/2026')
for label, domain in (('party name, no accents', [('search_party', 'ilike', 'nguyen van')]),
                      ('rare party name', [('search_party', 'ilike', 'khong co ai ten nay')]),
                      ('judgment number', [('search_judgment', 'ilike', judgment)]),
                      ('case number', [('search_case_number', 'ilike', number)]),
                      ('all four', [('search_text', 'ilike', number)]),
                      ('partial ID number', [('search_id_number', 'ilike', '0890')])):
    started = time.time()
    found = Case.search(domain, limit=80)
    count = Case.search_count(domain)
    print('BENCH search %-24s first page %4d, count %7d: %.2f s' % (label, len(found), count,
                                                                    time.time() - started))
