"""tools/summarize.py turns Odoo logs and JUnit files into one verdict."""
import os
import subprocess
import sys

SCRIPT = os.path.join(os.path.dirname(__file__), '..', '..', 'tools', 'summarize.py')
PREFIX = '2026-11-22 10:00:00,000 123 '


def summarize(tmp_path, log_lines, exit_code=0):
    log = tmp_path / 'odoo.log'
    log.write_text('\n'.join(PREFIX + line for line in log_lines) + '\n')
    proc = subprocess.run([sys.executable, SCRIPT, '--odoo', 'odoo=%s:%d' % (log, exit_code)],
                          stdout=subprocess.PIPE, universal_newlines=True)
    return proc.returncode, proc.stdout.splitlines()[-1]


def test_all_passed(tmp_path):
    assert summarize(tmp_path, ['INFO db odoo.addons.x: Ran 3 tests in 0.1s', 'INFO db odoo.addons.x: OK']) \
        == (0, '3 passed, 0 failed, 0 skipped')


def test_failures_counted(tmp_path):
    code, line = summarize(tmp_path, [
        'INFO db odoo.addons.x: Ran 4 tests in 0.1s',
        'ERROR db odoo.addons.x: FAIL: test_a (odoo.addons.x.tests.T)',
        'ERROR db odoo.addons.x: ` Traceback',
        'ERROR db odoo.addons.x: FAILED (failures=1, errors=1)',
        'ERROR db odoo.modules.module: Module x: 1 failures, 1 errors',
    ], 1)
    assert (code, line) == (1, '2 passed, 2 failed, 0 skipped')


def test_stray_error_line_fails(tmp_path):
    code, line = summarize(tmp_path, ['INFO db odoo.addons.x: Ran 1 tests in 0.1s',
                                      'ERROR db odoo.http: something broke'])
    assert code == 1 and line == '0 passed, 1 failed, 0 skipped'


def test_import_error_with_exit_zero_fails(tmp_path):
    code, line = summarize(tmp_path, ['ERROR db odoo.modules.module: Can not `import x`.'])
    assert code == 1


def test_no_test_ran_fails(tmp_path):
    code, line = summarize(tmp_path, ['INFO db odoo.modules.loading: Modules loaded.'])
    assert code == 1 and line.endswith('1 failed, 0 skipped')


def test_junit(tmp_path):
    xml = tmp_path / 'r.xml'
    xml.write_text('<testsuites><testsuite tests="5" failures="1" errors="0" skipped="1">'
                   '<testcase classname="a" name="b"><failure/></testcase></testsuite></testsuites>')
    proc = subprocess.run([sys.executable, SCRIPT, '--junit', 'u=%s:1' % xml],
                          stdout=subprocess.PIPE, universal_newlines=True)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == '3 passed, 1 failed, 1 skipped'
