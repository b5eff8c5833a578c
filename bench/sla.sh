#!/usr/bin/env bash
# Support SLA cron benchmark (issue 15): bench/sla.py in `odoo shell` on a
# database where thads_support is installed (default thads_bench, made by
# `./thads bench`; another one works too: the bench requests are deleted at
# the end; 80 `bench.sla.*` users stay, heads are set only on offices without one).
# Usage: bench/sla.sh [DB]   (SLA_REQUESTS=100000 by default)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB=${1:-thads_bench}
LOG=${THADS_STATE:-$ROOT/.state}/log/bench-sla.log
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), database $DB"
phase() { THADS_DB=$DB SLA_PHASE=$1 SLA_REQUESTS=${SLA_REQUESTS:-100000} "$ROOT/thads" shell --logfile="$LOG" \
              <"$ROOT/bench/sla.py" | grep BENCH; }
phase setup
# what autovacuum does in production after a bulk insert
"$ROOT/thads" psql "$DB" -qc 'VACUUM ANALYZE thads_support_request' >/dev/null
phase time
phase cleanup
