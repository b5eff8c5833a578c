"""The lib packages stay free of Odoo, so they port to any Odoo version."""
import glob
import os
import subprocess
import sys

ADDONS = os.path.join(os.path.dirname(__file__), '..', '..', 'addons')


def test_lib_modules_do_not_import_odoo():
    modules = sorted(glob.glob(os.path.join(ADDONS, '*', 'lib', '*.py')))
    assert modules, 'no lib module found'
    code = (
        "import importlib.util, sys\n"
        "for path in sys.argv[1:]:\n"
        "    spec = importlib.util.spec_from_file_location('m%d' % len(sys.modules), path)\n"
        "    spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "assert 'odoo' not in sys.modules, 'odoo imported'\n"
    )
    subprocess.check_call([sys.executable, '-c', code] + modules)
