"""The test command must fail on a failing test, an import error and an XML
error, although Odoo 11's runner exits 0 on an import error.  Each case is a
throwaway addon in a temporary folder, installed with tests on a clone of the
cached template database (through `./thads _addon-test`)."""
import os
import subprocess
import textwrap

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

MANIFEST = "{'name': 'Throwaway', 'version': '11.0.1.0.0', 'depends': ['base'], 'data': %r, 'license': 'AGPL-3'}"
GOOD_TEST = """
from odoo.tests.common import TransactionCase
class TestGood(TransactionCase):
    def test_good(self):
        self.assertTrue(self.env['res.partner'].search_count([]) > 0)
"""
FAILING_TEST = """
from odoo.tests.common import TransactionCase
class TestBad(TransactionCase):
    def test_deliberate_failure(self):
        self.assertEqual(1, 2)
"""
IMPORT_ERROR_TEST = """
import module_that_does_not_exist
from odoo.tests.common import TransactionCase
class TestNeverRuns(TransactionCase):
    def test_never(self):
        pass
"""
BAD_XML = '<?xml version="1.0"?><odoo><record id="x" model="ir.ui.view"><field name="arch" type="xml"><tree><field name="no_such_field"/></tree></field><field name="model">res.partner</field></record></odoo>'


def make_addon(tmp_path, name, test_code, data=None):
    addon = tmp_path / name
    (addon / 'tests').mkdir(parents=True)
    files = []
    if data:
        (addon / 'data.xml').write_text(data)
        files = ['data.xml']
    (addon / '__manifest__.py').write_text(MANIFEST % files)
    (addon / '__init__.py').write_text('')
    (addon / 'tests' / '__init__.py').write_text('from . import test_it\n')
    (addon / 'tests' / 'test_it.py').write_text(textwrap.dedent(test_code))
    return str(tmp_path)


def run(addons_dir, name):
    proc = subprocess.run([os.path.join(ROOT, 'thads'), '_addon-test', addons_dir, name],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    return proc.returncode, proc.stdout


def test_passing_addon_succeeds(tmp_path):
    code, out = run(make_addon(tmp_path, 'throwaway_good', GOOD_TEST), 'throwaway_good')
    assert code == 0, out
    assert '1 passed, 0 failed' in out


@pytest.mark.parametrize('name, test_code, data, expected', [
    ('throwaway_fail', FAILING_TEST, None, 'FAIL test_deliberate_failure'),
    ('throwaway_import', IMPORT_ERROR_TEST, None, 'Can not `import'),
    ('throwaway_xml', GOOD_TEST, BAD_XML, 'odoo exited with code'),
])
def test_broken_addon_fails(tmp_path, name, test_code, data, expected):
    code, out = run(make_addon(tmp_path, name, test_code, data), name)
    assert code != 0, out
    assert expected in out, out
    assert ' 0 failed' not in out.splitlines()[-1], out
