"""Month-end load (issue 7): N officers at once, on 127.0.0.1 only, bounded
in time.  Each officer logs in, then loops: loads their kanban queue (cases
grouped by state), their list (80 rows), opens a case, records a note on it
(a write), and a few of them upload a 10 MB attachment.  Two phases of
LOAD_SECONDS each: without uploads, then with them.  Reports p50/p95/max
latency and errors per action, and the server time of the queue (the
X-Server-Time the proxy adds is not available: the time Odoo logs is read
from the JSON-RPC round trip on an idle machine instead, see README).

Environment: LOAD_URL (the proxy), LOAD_USERS (login prefix), LOAD_COUNT,
LOAD_SECONDS, LOAD_UPLOADERS, LOAD_PASSWORD."""
import json
import os
import statistics
import threading
import time
from collections import defaultdict

import requests

URL = os.environ.get('LOAD_URL', 'http://127.0.0.1:8080')
PREFIX = os.environ.get('LOAD_USERS', 'load.chv.')
COUNT = int(os.environ.get('LOAD_COUNT', '50'))
SECONDS = float(os.environ.get('LOAD_SECONDS', '60'))
UPLOADERS = int(os.environ.get('LOAD_UPLOADERS', '5'))
PASSWORD = os.environ.get('LOAD_PASSWORD', 'Load@2026pass')
BLOB = os.urandom(10 * 1024 * 1024)
assert URL.startswith('http://127.0.0.1'), 'the load generator only talks to 127.0.0.1'


class Officer:
    def __init__(self, number):
        self.session = requests.Session()
        self.login = '%s%02d' % (PREFIX, number)
        self.uid = None

    def rpc(self, path, params):
        response = self.session.post(URL + path, json={'jsonrpc': '2.0', 'method': 'call', 'params': params},
                                     timeout=120)
        response.raise_for_status()
        body = response.json()
        if body.get('error'):
            raise RuntimeError(body['error'].get('data', {}).get('message') or body['error'])
        return body['result']

    def call(self, model, method, args, kwargs=None):
        return self.rpc('/web/dataset/call_kw/%s/%s' % (model, method),
                        {'model': model, 'method': method, 'args': args, 'kwargs': kwargs or {}})

    def start(self):
        result = self.rpc('/web/session/authenticate', {'db': os.environ['LOAD_DB'], 'login': self.login,
                                                        'password': PASSWORD})
        self.uid = result['uid']

    def queue_kanban(self):
        domain = [['executor_id', '=', self.uid], ['state', 'not in', ['closed', 'archived']]]
        groups = self.call('thads.case', 'read_group', [domain, ['state'], ['state']], {'lazy': True})
        for group in groups[:6]:  # the columns the screen shows
            self.rpc('/web/dataset/search_read', {
                'model': 'thads.case', 'domain': group['__domain'], 'limit': 40,
                'fields': ['name', 'debtor_names', 'state', 'next_deadline_date', 'amount_remaining', 'overdue']})

    def queue_list(self):
        result = self.rpc('/web/dataset/search_read', {
            'model': 'thads.case', 'domain': [['executor_id', '=', self.uid]], 'limit': 80,
            'fields': ['name', 'debtor_names', 'state', 'next_deadline_date', 'amount_due', 'amount_remaining'],
            'sort': 'next_deadline_date asc'})
        self.case_ids = [r['id'] for r in result['records']]

    def update_case(self):
        case_id = self.case_ids[int(time.time() * 1000) % len(self.case_ids)]
        self.call('thads.case', 'read', [[case_id], ['name', 'state', 'amount_remaining', 'event_ids']])
        self.call('thads.case', 'message_post', [[case_id]],
                  {'body': 'Đã liên hệ người phải thi hành án (tải cuối tháng)', 'message_type': 'comment'})

    def upload(self):
        case_id = self.case_ids[0]
        response = self.session.post(URL + '/web/binary/upload_attachment', data={
            'model': 'thads.case', 'id': str(case_id), 'callback': '',
            'csrf_token': self.csrf()}, files={'ufile': ('bien-ban-10MB.pdf', b'%PDF-1.4\n' + BLOB,
                                                       'application/pdf')}, timeout=300)
        response.raise_for_status()

    def csrf(self):
        if not hasattr(self, '_csrf'):
            page = self.session.get(URL + '/web', timeout=60).text
            self._csrf = page.split('csrf_token: "')[1].split('"')[0]
        return self._csrf


def run_phase(officers, seconds, uploaders):
    timings = defaultdict(list)
    errors = defaultdict(int)
    stop = time.time() + seconds

    def timed(name, func):
        started = time.time()
        try:
            func()
        except Exception as error:  # noqa: BLE001 - counted and reported
            errors[name] += 1
            if errors[name] <= 3:
                print('LOAD error %s: %s' % (name, str(error)[:200]), flush=True)
            return
        timings[name].append(time.time() - started)

    def officer_loop(officer):
        while time.time() < stop:
            timed('kanban queue', officer.queue_kanban)
            timed('list queue', officer.queue_list)
            timed('update a case', officer.update_case)

    def uploader_loop(officer):
        while time.time() < stop:
            timed('upload 10 MB', officer.upload)

    threads = [threading.Thread(target=officer_loop, args=(o,)) for o in officers]
    threads += [threading.Thread(target=uploader_loop, args=(o,)) for o in officers[:uploaders]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, errors


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def report(label, timings, errors):
    print('LOAD %s' % label)
    print('LOAD %-16s %7s %8s %8s %8s %7s' % ('action', 'count', 'p50 ms', 'p95 ms', 'max ms', 'errors'))
    for name in sorted(set(timings) | set(errors)):
        values = timings.get(name) or [0]
        print('LOAD %-16s %7d %8.0f %8.0f %8.0f %7d' % (
            name, len(timings.get(name, [])), statistics.median(values) * 1000, percentile(values, 0.95) * 1000,
            max(values) * 1000, errors.get(name, 0)))


def main():
    officers = [Officer(number) for number in range(1, COUNT + 1)]
    for officer in officers:
        officer.start()
        officer.queue_list()
    # the queue alone, one officer at a time: close to the server time
    alone = Officer(1)
    alone.start()
    samples = []
    for _ in range(20):
        started = time.time()
        alone.queue_kanban()
        samples.append(time.time() - started)
    print('LOAD kanban queue, one officer alone: median %.0f ms' % (statistics.median(samples) * 1000))
    quiet, quiet_errors = run_phase(officers, SECONDS, 0)
    report('%d officers, %.0f s, no uploads' % (COUNT, SECONDS), quiet, quiet_errors)
    busy, busy_errors = run_phase(officers, SECONDS, UPLOADERS)
    report('%d officers, %.0f s, %d of them uploading 10 MB files' % (COUNT, SECONDS, UPLOADERS), busy, busy_errors)
    others = [v for name, values in quiet.items() if name != 'upload 10 MB' for v in values]
    others_busy = [v for name, values in busy.items() if name != 'upload 10 MB' for v in values]
    if others and others_busy:
        ratio = percentile(others_busy, 0.95) / percentile(others, 0.95)
        print('LOAD p95 of the other requests with uploads / without: %.2fx' % ratio)
    print(json.dumps({'errors': sum(quiet_errors.values()) + sum(busy_errors.values())}))


if __name__ == '__main__':
    main()
