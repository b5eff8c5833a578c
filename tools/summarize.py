#!/usr/bin/env python3
"""Combine the results of every test suite into one closing line.

Odoo 11's test runner can exit 0 although tests failed (a test module that
fails to import is skipped silently), and it prints no closing line.  So we
read its log: "Ran N tests" lines, "FAILED (failures=.., errors=..)" lines,
any other ERROR/CRITICAL log line, and "Can not `import`" lines.  pytest
suites are read from their JUnit XML files.

Usage:
  summarize.py [--odoo NAME=LOG:EXIT]... [--junit NAME=XML:EXIT]...
Prints one line per suite, then "N passed, N failed" (", N skipped").
Exits 1 when anything failed, an ERROR line was logged, a suite exited
non-zero, or no test ran at all.
"""
import re
import sys
import xml.etree.ElementTree as ET

LOG_LINE = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<rest>.*)$')
RAN = re.compile(r'\bRan (\d+) tests? in ')
# "FAILED (failures=1, errors=2)" or "OK (skipped=1)"; Odoo may log the
# parenthesis on the line after "FAILED"
COUNTS = re.compile(r'\(((?:failures|errors|skipped)=\d+(?:, )?)+\)')
TEST_RESULT = re.compile(r': (FAIL|ERROR): (\S+ \(\S+\))')
# a traceback line of a failed test, not indented: the exception itself
TRACEBACK_TAIL = re.compile(r'^\S+ \S+ \d+ ERROR \S+ \S+: ` (\S.*)$')
# ERROR lines that only repeat a failure the unittest counters already count
ACCOUNTED = re.compile(r': (FAIL:|ERROR:|FAIL$|ERROR$|FAILED|Traceback|` |Module \S+: \d+ failures|'
                       r'At least one test failed)')


class Result(object):
    def __init__(self, name):
        self.name = name
        self.passed = self.failed = self.skipped = 0
        self.problems = []

    def line(self):
        text = '%s: %d passed, %d failed, %d skipped' % (
            self.name, self.passed, self.failed, self.skipped)
        return text


def read_odoo_log(name, path, exit_code):
    res = Result(name)
    ran = failures = 0
    try:
        with open(path, encoding='utf-8', errors='replace') as handle:
            lines = handle.read().splitlines()
    except OSError as exc:
        res.problems.append('cannot read log %s: %s' % (path, exc))
        res.failed += 1
        return res
    for line in lines:
        match = RAN.search(line)
        if match:
            ran += int(match.group(1))
        match = COUNTS.search(line)
        if match:
            counts = dict(part.strip().split('=') for part in match.group(0)[1:-1].split(','))
            failures += int(counts.get('failures', 0)) + int(counts.get('errors', 0))
            res.skipped += int(counts.get('skipped', 0))
        match = TEST_RESULT.search(line)
        if match:
            res.problems.append('%s %s' % (match.group(1), match.group(2)))
            continue
        match = TRACEBACK_TAIL.match(line)
        if match and res.problems:
            # the last line of a traceback: the error itself
            res.problems[-1] = res.problems[-1].split('\n')[0] + '\n        ' + match.group(1)[:400]
        match = LOG_LINE.match(line)
        if match and match.group('level') in ('ERROR', 'CRITICAL') and not ACCOUNTED.search(line):
            res.problems.append('log: %s' % line[:300])
            failures += 1
    res.passed = max(ran - failures - res.skipped, 0)
    res.failed = failures
    if exit_code != 0:
        res.problems.append('odoo exited with code %d' % exit_code)
        res.failed = max(res.failed, 1)
    if ran == 0:
        res.problems.append('no test ran')
        res.failed = max(res.failed, 1)
    return res


def read_junit(name, path, exit_code):
    res = Result(name)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        res.problems.append('no JUnit report %s (%s); pytest exit %d' % (path, exc, exit_code))
        res.failed = 1
        return res
    suites = [root] if root.tag == 'testsuite' else root.findall('testsuite')
    total = 0
    for suite in suites:
        total += int(suite.get('tests', 0))
        res.failed += int(suite.get('failures', 0)) + int(suite.get('errors', 0))
        res.skipped += int(suite.get('skipped', 0))
        for case in suite.iter('testcase'):
            for tag in ('failure', 'error'):
                if case.find(tag) is not None:
                    res.problems.append('%s %s::%s' % (tag.upper(), case.get('classname'), case.get('name')))
    res.passed = max(total - res.failed - res.skipped, 0)
    if exit_code not in (0, 1):
        res.problems.append('pytest exited with code %d' % exit_code)
        res.failed = max(res.failed, 1)
    if total == 0:
        res.problems.append('no test ran')
        res.failed = max(res.failed, 1)
    return res


def parse_spec(spec):
    name, rest = spec.split('=', 1)
    path, code = rest.rsplit(':', 1)
    return name, path, int(code)


def main(argv):
    results = []
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag not in ('--odoo', '--junit') or not args:
            print(__doc__)
            return 2
        name, path, code = parse_spec(args.pop(0))
        reader = read_odoo_log if flag == '--odoo' else read_junit
        results.append(reader(name, path, code))
    passed = sum(r.passed for r in results)
    failed = sum(r.failed for r in results)
    skipped = sum(r.skipped for r in results)
    for res in results:
        print(res.line())
        for problem in res.problems:
            print('    ' + problem)
    if not results or passed + failed == 0:
        failed = max(failed, 1)
        print('no test ran at all')
    print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
