"""Month-end load (issue 7): LOAD_COUNT officers at once, on 127.0.0.1 only,
bounded in time and in requests.

Each officer logs in, then, with a think time between screens (exponential,
mean LOAD_THINK seconds), opens one of their screens as Odoo 11's web client
does (the same RPCs, in the same order):

- kanban queue: "My cases" (pending), grouped by state: read_group, the
  column progress bars (read_progress_bar), then each column's first 40 cards;
- list queue: the same cases as a list, 80 rows (search_read + count);
- open a case: the form's fields and the chatter's latest messages;
- record a collection: the event wizard (create + action_record), a 1 000 đ
  collection on one of the officer's cases still being enforced.

Two phases of LOAD_SECONDS each: without uploads, then with the first
LOAD_UPLOADERS officers, each from a second session, attaching 10 MB scans
to their cases through
/web/binary/upload_attachment, sent at LOAD_UPLOAD_MBPS (a field office's
uplink, not loopback speed).

Reported per action and phase: count, p50/p95/max latency as the officer
sees it, errors; and from the proxy's access log (LOAD_ACCESS_LOG, nginx's
$upstream_response_time) the server time of each request of the queue
screens.  Exit status 1 when a target is missed (see README)."""
import importlib.util
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import defaultdict

import requests

URL = os.environ.get('LOAD_URL', 'http://127.0.0.1:18080')
DB = os.environ.get('LOAD_DB', 'thads_bench')
PREFIX = os.environ.get('LOAD_USERS', 'load.chv.')
COUNT = int(os.environ.get('LOAD_COUNT', '50'))
SECONDS = float(os.environ.get('LOAD_SECONDS', '120'))
THINK = float(os.environ.get('LOAD_THINK', '5'))
UPLOADERS = int(os.environ.get('LOAD_UPLOADERS', '5'))
UPLOAD_MBPS = float(os.environ.get('LOAD_UPLOAD_MBPS', '4'))
PASSWORD = os.environ.get('LOAD_PASSWORD', 'Load@2026pass')
ACCESS_LOG = os.environ.get('LOAD_ACCESS_LOG')
MAX_REQUESTS = int(os.environ.get('LOAD_MAX_REQUESTS', '200000'))
TARGETS = {'queue_server_ms': 50, 'p95_ms': 300, 'upload_ratio': 1.5}
assert URL.startswith('http://127.0.0.1'), 'the load generator only talks to 127.0.0.1'

# the case life cycle's own state lists (a pure module, no Odoo import)
_spec = importlib.util.spec_from_file_location('lifecycle', os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', 'addons', 'thads_case', 'lib', 'lifecycle.py'))
lifecycle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lifecycle)
PENDING, ACTIVE = list(lifecycle.PENDING), list(lifecycle.ACTIVE)
KANBAN_FIELDS = ['name', 'state', 'debtor_names', 'executor_id', 'next_deadline_date', 'deadline_status',
                 'amount_remaining', 'activity_ids', 'activity_state']
LIST_FIELDS = ['name', 'date_received', 'debtor_names', 'decision_number', 'executor_id', 'state',
               'next_deadline_date', 'next_deadline_rule_id', 'amount_remaining', 'overdue']
CONTEXT = {'lang': 'vi_VN', 'tz': 'Asia/Ho_Chi_Minh'}
sent = [0]


class Officer(object):
    def __init__(self, login, seed):
        self.session = requests.Session()
        self.login = login
        self.uid = None
        self.tag = 'setup'
        self.random = random.Random(seed)

    def post(self, path, action, **kwargs):
        sent[0] += 1
        if sent[0] > MAX_REQUESTS:
            raise RuntimeError('request budget spent (LOAD_MAX_REQUESTS)')
        # tagged in headers, not in the query string: http routes take query arguments as parameters
        headers = dict(kwargs.pop('headers', {}), **{'X-Load-Action': action, 'X-Load-Phase': self.tag})
        response = self.session.post(URL + path, timeout=120, headers=headers, **kwargs)
        response.raise_for_status()
        return response

    def rpc(self, path, params, action):
        body = self.post(path, action, json={'jsonrpc': '2.0', 'method': 'call', 'params': params}).json()
        if body.get('error'):
            raise RuntimeError(body['error'].get('data', {}).get('message') or body['error'])
        return body['result']

    def call(self, model, method, args, kwargs=None, action='call'):
        kwargs = dict(kwargs or {}, context=CONTEXT)
        return self.rpc('/web/dataset/call_kw/%s/%s' % (model, method),
                        {'model': model, 'method': method, 'args': args, 'kwargs': kwargs}, action)

    def search_read(self, domain, fields, limit, action, sort=''):
        return self.rpc('/web/dataset/search_read', {
            'model': 'thads.case', 'domain': domain, 'fields': fields, 'limit': limit, 'sort': sort,
            'context': CONTEXT}, action)

    def start(self, own=True):
        """Log in; `own`: the officer's own cases (My cases), else every
        pending case the record rules let the user see (Cases)."""
        result = self.rpc('/web/session/authenticate', {'db': DB, 'login': self.login, 'password': PASSWORD},
                          'login')
        self.uid = result['uid']
        self.queue = [['state', 'in', PENDING]]
        if not own:
            return
        self.queue.insert(0, ['executor_id', '=', self.uid])
        self.case_ids = [r['id'] for r in self.search_read(self.queue, ['id'], 0, 'setup')['records']]
        # a few money obligations still owed on cases being enforced: the collections to record
        self.obligations = [(o['case_id'][0], o['id']) for o in self.call(
            'thads.case.obligation', 'search_read',
            [[['case_id.executor_id', '=', self.uid], ['case_id.state', 'in', ACTIVE],
              ['kind', '=', 'money'], ['amount_remaining', '>=', 1000000]], ['case_id']], {'limit': 20},
            action='setup')]
        if not self.case_ids or not self.obligations:
            raise RuntimeError('%s has no pending case to work on' % self.login)

    def kanban_queue(self):
        groups = self.call('thads.case', 'read_group', [], {
            'domain': self.queue, 'fields': KANBAN_FIELDS, 'groupby': ['state'], 'orderby': '', 'lazy': True},
            action='kanban')
        self.call('thads.case', 'read_progress_bar', [], {
            'domain': self.queue, 'group_by': 'state',
            'progress_bar': {'field': 'deadline_status',
                             'colors': {'ok': 'success', 'soon': 'warning', 'overdue': 'danger'}}},
            action='kanban')
        for group in groups:
            self.search_read(group['__domain'], KANBAN_FIELDS, 40, 'kanban')

    def list_queue(self):
        self.search_read(self.queue, LIST_FIELDS, 80, 'list')

    def open_case(self):
        case_id = self.random.choice(self.case_ids)
        record = self.call('thads.case', 'read', [[case_id], self.form_fields], action='form')[0]
        self.call('mail.message', 'message_format', [record['message_ids'][:30]], action='form')

    def record_collection(self):
        case_id, obligation_id = self.random.choice(self.obligations)
        wizard = self.call('thads.case.event.wizard', 'create', [{
            'case_id': case_id, 'event_type': 'collect', 'amount': 1000, 'obligation_id': obligation_id,
            'note': 'Thu tiền cuối tháng (tải thử)'}], action='update')
        self.call('thads.case.event.wizard', 'action_record', [[wizard]], action='update')

    def upload(self):
        case_id = self.random.choice(self.case_ids)
        body = Throttled(self.csrf(), case_id)
        response = self.post('/web/binary/upload_attachment', 'upload', data=body,
                             headers={'Content-Type': body.content_type})
        if '"error"' in response.text or '"id"' not in response.text:
            raise RuntimeError('upload refused: %s' % response.text[-200:])

    def csrf(self):
        if not hasattr(self, '_csrf'):
            page = self.session.get(URL + '/web', timeout=60).text
            self._csrf = page.split('csrf_token: "')[1].split('"')[0]
        return self._csrf

    def think(self, stop):
        pause = min(self.random.expovariate(1.0 / THINK), 4 * THINK) if THINK else 0
        time.sleep(max(0.0, min(pause, stop - time.time())))


class Throttled(object):
    """A multipart body of a 10 MB PDF scan, sent at UPLOAD_MBPS megabytes
    per second; has a length, so requests sends Content-Length, not chunks."""
    BLOB = b'%PDF-1.4\n' + os.urandom(10 * 1024 * 1024 - 9)
    BOUNDARY = 'thadsload%d' % os.getpid()

    def __init__(self, csrf, case_id):
        fields = [('model', 'thads.case'), ('id', str(case_id)), ('callback', ''), ('csrf_token', csrf)]
        head = ''.join('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (self.BOUNDARY, k, v)
                       for k, v in fields)
        head += ('--%s\r\nContent-Disposition: form-data; name="ufile"; filename="bien-ban-quet.pdf"\r\n'
                 'Content-Type: application/pdf\r\n\r\n' % self.BOUNDARY)
        self.parts = [head.encode(), self.BLOB, ('\r\n--%s--\r\n' % self.BOUNDARY).encode()]
        self.content_type = 'multipart/form-data; boundary=%s' % self.BOUNDARY

    def __len__(self):
        return sum(len(part) for part in self.parts)

    def __iter__(self):
        chunk = 64 * 1024
        for part in self.parts:
            for start in range(0, len(part), chunk):
                yield part[start:start + chunk]
                time.sleep(chunk / (UPLOAD_MBPS * 1024 * 1024))


def run_phase(tag, officers, uploaders, seconds):
    timings, errors = defaultdict(list), defaultdict(int)
    stop = time.time() + seconds
    lock = threading.Lock()

    def timed(name, func):
        started = time.time()
        try:
            func()
        except Exception as error:  # noqa: BLE001 - counted and reported
            with lock:
                errors[name] += 1
                if errors[name] <= 3:
                    print('LOAD error in %s: %s' % (name, str(error)[:300]), flush=True)
            return
        with lock:
            timings[name].append(time.time() - started)

    screens = [('kanban queue', 'kanban_queue', 3), ('list queue', 'list_queue', 2),
               ('open a case', 'open_case', 3), ('record a collection', 'record_collection', 2)]
    names = [s for s, _, weight in screens for _ in range(weight)]
    methods = dict((s, m) for s, m, _ in screens)

    def officer_loop(officer):
        officer.tag = tag
        officer.think(stop)
        while time.time() < stop:
            name = officer.random.choice(names)
            timed(name, getattr(officer, methods[name]))
            officer.think(stop)

    def uploader_loop(officer):
        officer.tag = tag
        while time.time() < stop:
            timed('upload 10 MB', officer.upload)
            officer.think(stop)

    threads = [threading.Thread(target=officer_loop, args=(o,)) for o in officers]
    threads += [threading.Thread(target=uploader_loop, args=(o,)) for o in uploaders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, errors


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))] if values else 0.0


def report(label, timings, errors):
    print('LOAD %s' % label)
    print('LOAD   %-20s %6s %7s %7s %7s %6s' % ('action', 'count', 'p50 ms', 'p95 ms', 'max ms', 'errors'))
    for name in sorted(set(timings) | set(errors)):
        values = timings.get(name, [])
        print('LOAD   %-20s %6d %7.0f %7.0f %7.0f %6d' % (
            name, len(values), statistics.median(values or [0]) * 1000, percentile(values, 0.95) * 1000,
            max(values or [0]) * 1000, errors.get(name, 0)))


def server_times():
    """Upstream response time (s) of each proxied request, by (action, phase),
    from the access log (format `thads_timing` in config/nginx.conf.template)."""
    times = defaultdict(list)
    if not ACCESS_LOG or not os.path.exists(ACCESS_LOG):
        return times
    with open(ACCESS_LOG) as log:
        for line in log:
            parts = line.split()
            if len(parts) >= 5 and parts[4] not in ('-', ''):
                times[(parts[1], parts[2])].append(float(parts[4].split(',')[-1]))
    return times


def main():
    random.seed(2026)
    began = time.time()
    officers = [Officer('%s%02d' % (PREFIX, n), n) for n in range(1, COUNT + 1)]
    uploaders = [Officer('%s%02d' % (PREFIX, n), n) for n in range(1, UPLOADERS + 1)]
    for officer in officers + uploaders:
        officer.start()
    form = officers[0].call('thads.case', 'fields_view_get', [], {'view_type': 'form'}, action='setup')
    for officer in officers:
        officer.form_fields = sorted(form['fields'])
    for officer in uploaders:
        officer.csrf()
    print('LOAD %d officers (%d pending cases each on average), think time %.0f s, %.0f s per phase' % (
        COUNT, sum(len(o.case_ids) for o in officers) / len(officers), THINK, SECONDS), flush=True)
    # one officer alone, warm: the server time of the queue without contention
    alone = officers[0]
    alone.tag = 'alone'
    for _ in range(20):
        alone.kanban_queue()
        alone.list_queue()
    # the office's and the country's pending cases, alone: kanban and list stay fast at 1M cases
    for login, tag in (('load.leader', 'office'), ('load.national', 'country')):
        overview = Officer(login, 0)
        overview.start(own=False)
        overview.tag = tag
        for _ in range(5):
            overview.kanban_queue()
            overview.list_queue()
    quiet = run_phase('quiet', officers, [], SECONDS)
    report('phase 1: %d officers, no uploads' % COUNT, *quiet)
    busy = run_phase('busy', officers, uploaders, SECONDS)
    report('phase 2: the same %d officers while %d of them upload 10 MB scans at %.0f MB/s' % (
        COUNT, UPLOADERS, UPLOAD_MBPS), *busy)

    failures = []
    others = [v for name, values in quiet[0].items() for v in values]
    others_busy = [v for name, values in busy[0].items() if name != 'upload 10 MB' for v in values]
    ratio = percentile(others_busy, 0.95) / (percentile(others, 0.95) or 1)
    print('LOAD p95 of the officers\' screens with uploads / without: %.2fx (%.0f / %.0f ms)' % (
        ratio, percentile(others_busy, 0.95) * 1000, percentile(others, 0.95) * 1000))
    if ratio > TARGETS['upload_ratio']:
        failures.append('uploads slow the others down %.2fx' % ratio)
    for phase in (quiet, busy):
        for name, values in phase[0].items():
            if name != 'upload 10 MB' and percentile(values, 0.95) * 1000 > TARGETS['p95_ms']:
                failures.append('%s p95 %.0f ms' % (name, percentile(values, 0.95) * 1000))
        if sum(phase[1].values()):
            failures.append('%d errors' % sum(phase[1].values()))
    served = server_times()
    if served:
        print('LOAD server time per request (nginx upstream_response_time)')
        print('LOAD   %-8s %-6s %6s %7s %7s %7s' % ('screen', 'phase', 'count', 'p50 ms', 'p95 ms', 'max ms'))
        for (action, tag), values in sorted(served.items()):
            if tag in ('alone', 'office', 'country', 'quiet', 'busy') and action not in ('setup', 'login'):
                print('LOAD   %-8s %-6s %6d %7.0f %7.0f %7.0f' % (
                    action, tag, len(values), statistics.median(values) * 1000,
                    percentile(values, 0.95) * 1000, max(values) * 1000))
        for action in ('kanban', 'list'):
            values = served.get((action, 'alone'), [])
            if values and statistics.median(values) * 1000 > TARGETS['queue_server_ms']:
                failures.append('%s queue server time %.0f ms' % (action, statistics.median(values) * 1000))
    used = os.times()
    print('LOAD the generator used %.0f s of CPU in %.0f s' % (used.user + used.system, time.time() - began))
    print('LOAD ' + json.dumps({'requests': sent[0], 'missed': failures}, ensure_ascii=False))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
