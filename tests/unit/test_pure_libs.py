"""The lib packages stay free of Odoo, so they port to any Odoo version."""
import glob
import os
import subprocess
import sys

ADDONS = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', 'addons'))

CODE = """
import importlib, importlib.util, os, sys
addons = sys.argv[1]
for name in sorted(os.listdir(addons)):
    init = os.path.join(addons, name, 'lib', '__init__.py')
    if not os.path.isfile(init):
        continue
    spec = importlib.util.spec_from_file_location(
        name + '_lib', init, submodule_search_locations=[os.path.dirname(init)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    for path in sorted(os.listdir(os.path.dirname(init))):
        if path.endswith('.py') and path != '__init__.py':
            importlib.import_module('%s_lib.%s' % (name, path[:-3]))
assert 'odoo' not in sys.modules, 'odoo imported'
print('ok')
"""


def test_lib_modules_do_not_import_odoo():
    assert glob.glob(os.path.join(ADDONS, '*', 'lib', '*.py'))
    out = subprocess.check_output([sys.executable, '-c', CODE, ADDONS], universal_newlines=True)
    assert out.strip() == 'ok'
