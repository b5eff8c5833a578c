#!/usr/bin/env bash
# Month-end load benchmark (issue 7), run by `./thads load`: Odoo in prefork
# mode behind nginx (config/nginx.conf.template) on the generated dataset
# (thads_bench, see `./thads bench`), 50 officers from bench/load.py.
# Everything listens on 127.0.0.1 and stops at the end.
set -euo pipefail
: "${ROOT:?}" "${STATE:?}" "${VENV:?}" "${CONF:?}" "${DB:?}"
ODOO_PORT=${ODOO_PORT:-18069}; LONGPOLL_PORT=${LONGPOLL_PORT:-18072}; PROXY_PORT=${PROXY_PORT:-18080}
UPLOAD_PORT=${UPLOAD_PORT:-18070}; UPLOAD_LONGPOLL_PORT=${UPLOAD_LONGPOLL_PORT:-18073}
WORKERS=${LOAD_WORKERS:-$(( $(nproc) * 2 + 1 ))}  # Odoo's rule of thumb: 2 per core + 1
UPLOAD_WORKERS=${LOAD_UPLOAD_WORKERS:-2}; UPLOAD_NICE=${LOAD_UPLOAD_NICE:-10}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 2; }
run="$STATE/load"; mkdir -p "$run"
sed -e "s|@STATE@|$run|g" -e "s|@ODOO_PORT@|$ODOO_PORT|g" -e "s|@LONGPOLL_PORT@|$LONGPOLL_PORT|g" \
    -e "s|@PROXY_PORT@|$PROXY_PORT|g" -e "s|@UPLOAD_PORT@|$UPLOAD_PORT|g" "$ROOT/config/nginx.conf.template" >"$run/nginx.conf"
# LOAD_COUNT officers of one regional office, each in charge of its cases; its
# leader and a national reader, whose screens cover the office and the country
LOAD_COUNT=${LOAD_COUNT:-50} "$VENV/bin/python" "$ROOT/tools/odoo-bin" shell -c "$CONF" -d "$DB" --no-http \
    --logfile="$run/setup.log" <<'PY'
import os
office = env['thads.office'].search([('code', '=', 'B-R1')])
office.email = office.email or 'b-r1@thads.example.vn'  # officers have none: chatter in the office's name
Users = env['res.users'].with_context(active_test=False, no_reset_password=True)


def user(login, name, office, *groups):
    found = Users.search([('login', '=', login)])
    return found or Users.create({
        'name': name, 'login': login, 'password': 'Load@2026pass', 'thads_office_id': office.id,
        'groups_id': [(6, 0, [env.ref('thads_accounts.' + group).id for group in groups])]})


officers = Users.browse()
for number in range(1, int(os.environ['LOAD_COUNT']) + 1):
    officers |= user('load.chv.%02d' % number, 'CHV tải %02d' % number, office, 'group_thads_executor')
leader = user('load.leader', 'Lãnh đạo tải', office, 'group_thads_leader', 'group_thads_executor')
national = user('load.national', 'Cục tải', env.ref('thads_accounts.office_national'), 'group_thads_national')
env.cr.execute("UPDATE res_users SET password_write_date = now() WHERE id IN %s",
               (tuple((officers | leader | national).ids),))
env.cr.execute("""UPDATE thads_case c SET executor_id = (%s)[1 + (c.id %% %s)]
                   WHERE c.office_id = %s""", (officers.ids, len(officers), office.id))
env.cr.commit()
PY
serve() {  # serve NICE WORKERS HTTP_PORT LONGPOLL_PORT LOG: Odoo in prefork mode, in the background
    nice -n "$1" "$VENV/bin/python" "$ROOT/tools/odoo-bin" -c "$CONF" -d "$DB" --db-filter="^$DB\$" \
        --workers="$2" --max-cron-threads=0 --http-interface=127.0.0.1 --http-port="$3" --longpolling-port="$4" \
        --limit-time-real=600 --limit-memory-soft=2147483648 --limit-memory-hard=2684354560 \
        --logfile="$run/$5" --log-level=warn &
    pids+=("$!")
}
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; "$NGINX" -c "$run/nginx.conf" -p "$run" -s stop 2>/dev/null || true' EXIT
serve 0 "$WORKERS" "$ODOO_PORT" "$LONGPOLL_PORT" odoo.log
# the upload server: same database and sessions, fewer workers, lower CPU priority
serve "$UPLOAD_NICE" "$UPLOAD_WORKERS" "$UPLOAD_PORT" "$UPLOAD_LONGPOLL_PORT" odoo-upload.log
mkdir -p "$run/logs"; : >"$run/access.log"
"$NGINX" -c "$run/nginx.conf" -p "$run"
for port in "$ODOO_PORT" "$UPLOAD_PORT"; do
    for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
done
: >"$run/access.log"
# the generator shares the server's cores here (in real life the officers' browsers do not):
# it runs at a lower priority, so that it does not take the CPU from the server it measures
LOAD_URL="http://127.0.0.1:$PROXY_PORT" LOAD_DB="$DB" LOAD_ACCESS_LOG="$run/access.log" \
    nice -n "${LOAD_CLIENT_NICE:-10}" "$VENV/bin/python" "$ROOT/bench/load.py"
