"""Accent-insensitive search of cases, in SQL over trigram indexes.

An officer types "bui quoc dung" for "Bùi Quốc Dũng", "41/2026/DS-ST" for a
judgment, "QD" for "QĐ", or a part of an ID number.  Each kind of search is
one SQL query returning case ids (the ORM adds the record rules and the
order around it):

    thads_unaccent(column) ILIKE thads_unaccent('%typed%')

`thads_unaccent` is PostgreSQL's `unaccent` (Vietnamese letters and "đ"
included) wrapped as IMMUTABLE, so that GIN trigram indexes (pg_trgm) can be
built on it: a search among a million cases reads the index, not the table.
"""
import re

# the IMMUTABLE wrapper; %(schema)s: the schema the unaccent extension lives in
UNACCENT_FUNCTION = """
CREATE OR REPLACE FUNCTION thads_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT %(schema)s.unaccent('%(schema)s.unaccent'::regdictionary, $1) $$
"""

# (index name, table, indexed expression): GIN trigram indexes
TRIGRAM_INDEXES = (
    ('thads_case_name_trgm_idx', 'thads_case', 'thads_unaccent(name)'),
    ('thads_case_judgment_trgm_idx', 'thads_case', 'thads_unaccent(judgment_number)'),
    ('thads_case_decision_trgm_idx', 'thads_case', 'thads_unaccent(decision_number)'),
    ('res_partner_name_unaccent_trgm_idx', 'res_partner', 'thads_unaccent(name)'),
    ('res_partner_thads_id_number_trgm_idx', 'res_partner', 'thads_id_number'),
)

# what each search option looks in: columns of thads_case, party names
CASE_COLUMNS = {
    'number': ('name',),
    'judgment': ('judgment_number',),
    'decision': ('decision_number',),
    'party': (),
    'any': ('name', 'judgment_number', 'decision_number'),
}
PARTY_NAME_KINDS = ('party', 'any')

POSITIVE = ('ilike', 'like', '=ilike', '=like', '=')
NEGATIVE = {'not ilike': 'ilike', 'not like': 'like', '!=': '='}


def escape_like(value):
    """`value` taken literally inside a LIKE pattern."""
    return value.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')


def pattern(operator, value):
    """LIKE pattern for an Odoo operator: contains for (i)like, exact
    (accents and case aside) for =, and =(i)like as the user wrote it."""
    value = value or ''
    if operator in ('=ilike', '=like'):
        return value
    if operator == '=':
        return escape_like(value)
    return '%' + escape_like(value.strip()) + '%'


def text_query(kind, operator, value):
    """(sql, params) selecting the ids of the cases matching `value`, for
    a positive operator; `kind` is a key of CASE_COLUMNS."""
    like = pattern(operator, value)
    parts, params = [], []
    columns = CASE_COLUMNS[kind]
    if columns:
        parts.append('SELECT id FROM thads_case WHERE %s' % ' OR '.join(
            'thads_unaccent(%s) ILIKE thads_unaccent(%%s)' % column for column in columns))
        params += [like] * len(columns)
    if kind in PARTY_NAME_KINDS:
        parts.append('SELECT party.case_id FROM thads_case_party party '
                     'JOIN res_partner partner ON partner.id = party.partner_id '
                     'WHERE thads_unaccent(partner.name) ILIKE thads_unaccent(%s)')
        params.append(like)
    return ' UNION '.join(parts), params


def id_number_digits(value):
    """The part of an ID number typed: spaces and dots dropped."""
    return re.sub(r'[\s.]', '', value or '')


def id_number_query(value):
    """(sql, params): cases with a party whose CCCD, CMND or tax code
    contains the typed digits."""
    return ('SELECT party.case_id FROM thads_case_party party '
            'JOIN res_partner partner ON partner.id = party.partner_id '
            'WHERE partner.thads_id_number LIKE %s', ['%' + escape_like(id_number_digits(value)) + '%'])
