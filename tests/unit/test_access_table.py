"""The access table (thads_accounts/lib/access_table.py) is complete and the
security files are generated from it."""
import ast
import glob
import os
import re
import subprocess
import sys

from thads_accounts_lib import access_table as table

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')


def stored_models():
    """(addon, model) of every stored model the addons define (_name in a
    class of models.Model, not AbstractModel or TransientModel)."""
    found = set()
    for path in glob.glob(os.path.join(ROOT, 'addons', '*', 'models', '*.py')):
        addon = path.split(os.sep)[-3]
        tree = ast.parse(open(path, encoding='utf-8').read())
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {getattr(b, 'attr', getattr(b, 'id', None)) for b in node.bases}
            if 'Model' not in bases:
                continue
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and getattr(stmt.targets[0], 'id', None) == '_name':
                    found.add((addon, stmt.value.s))
    return found


def test_every_thads_model_has_its_row():
    rows = {(row.addon, row.model) for row in table.MODELS}
    missing = {m for m in stored_models() if m[1].startswith('thads.')} - rows
    assert not missing, 'models without a row in the access table: %s' % sorted(missing)
    assert len(rows) == len(table.MODELS), 'one row per model'


def test_generated_files_are_up_to_date():
    result = subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'gen_access.py'), '--check'],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert result.returncode == 0, result.stdout


def test_every_acl_and_rule_comes_from_the_table():
    """No hand-written ACL or record rule on a THADS model elsewhere."""
    models = {row.model.replace('.', '_') for row in table.MODELS if row.model.startswith('thads.')}
    for path in glob.glob(os.path.join(ROOT, 'addons', '*', 'security', '*.xml')) + \
            glob.glob(os.path.join(ROOT, 'addons', '*', 'data', '*.xml')):
        if path.endswith('_access_rules.xml'):
            continue
        text = open(path, encoding='utf-8').read()
        for ref in re.findall(r'model="ir.rule".*?ref="(?:\w+\.)?model_(\w+)"', text, re.S):
            assert ref not in models, '%s: a record rule outside the access table (%s)' % (path, ref)


def test_scopes_mean_what_the_rules_say():
    row = table.model_row('thads.case.delegation')
    assert table.domain_of(row, table.OFFICE) == (
        "['|', ('office_id', 'child_of', user.thads_office_id.ids), "
        "('origin_office_id', 'child_of', user.thads_office_id.ids)]")
    case = table.model_row('thads.case')
    assert table.domain_of(case, table.OWN) == "[('executor_id', '=', user.id)]"
    # a leader is also an officer and a reader: the union of their cells
    assert table.effective(case, {'reader', 'officer', 'leader'}, 'unlink') == {table.OFFICE}
    assert table.effective(case, {'reader', 'executor'}, 'write') == {table.OWN}
    assert table.effective(case, {'reader', 'national'}, 'read') == {table.NATION}
    assert table.effective(case, {'reader'}, 'create') == set()


def test_a_row_refuses_unknown_roles_and_scopes():
    for grants in ({'nobody': 'nation - - -'}, {'reader': 'nation -'}, {'reader': 'planet - - -'},
                   {'reader': 'own - - -'}):
        try:
            table.Model('thads.x', 'thads_case', 'x', grants)
        except ValueError:
            continue
        raise AssertionError('accepted %r' % grants)


def test_readme_shows_the_table_of_the_code():
    sys.path.insert(0, os.path.join(ROOT, 'tools'))
    try:
        import gen_access
    finally:
        sys.path.pop(0)
    readme = open(os.path.join(ROOT, 'README.md'), encoding='utf-8').read()
    shown = readme.split('<!-- access-table:begin -->\n', 1)[1].split('<!-- access-table:end -->', 1)[0]
    assert shown == gen_access.markdown(gen_access.load_table()), \
        'README access table is stale: paste tools/gen_access.py --markdown between the markers'
