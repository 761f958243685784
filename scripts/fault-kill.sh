#!/usr/bin/env bash
# Fault drill (issue 18): kill -9 of the server during a burst of creates, on SQLite or on
# PostgreSQL (ENGINE=postgres: a private cluster on loopback).
#
# Starts the server on loopback with a small demo city, sends BURST_SECONDS of concurrent
# project creates through the API (recording every id answered 201), kills the server with
# SIGKILL in the middle of the burst, starts it again and checks that
#   - every create that was answered 201 is there (a committed write is never lost),
#   - no project made in the burst is there without its audit row (nothing half-written; the demo's
#     own projects are loaded without one),
#   - SQLite: PRAGMA integrity_check says ok; PostgreSQL: amcheck finds every B-tree index of the
#     schema consistent with its table (bt_index_parent_check with heapallindexed).
# Bounded in time; loopback only. Figures are printed and appended to $OUT when set.
#
#   scripts/fault-kill.sh                       # 6 s burst, 8 writers
#   BURST_SECONDS=3 WRITERS=4 scripts/fault-kill.sh
#   ENGINE=postgres scripts/fault-kill.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BURST_SECONDS=${BURST_SECONDS:-6}
WRITERS=${WRITERS:-8}
PORT=${PORT:-18191}
PORT_PG=${PORT_PG:-25435}
source scripts/lib/drill-common.sh
drill_setup

WORK=$(mktemp -d /tmp/groundbreak-fault.XXXXXX)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
    drill_stop_postgres
    rm -rf "$WORK"
}
trap cleanup EXIT
drill_database
"$BIN" demo --projects 50 > "$WORK/demo.log" 2>&1
"$BIN" user add --username drill --name 故障演练 --role admin --password 'Kx9#fault-2026' > /dev/null
TOKEN=$("$BIN" user token --username drill --name fault-drill | tail -n 1)

start() {
    "$BIN" serve --port "$PORT" >> "$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "the server did not start"; cat "$WORK/server.log"; exit 1
}

writer() {
    local n=0
    while :; do
        n=$((n + 1))
        body="{\"name\":\"故障演练项目$1-$n\",\"regionCode\":\"220104\",\"categoryCode\":\"IND-MFG\",\"investmentType\":\"enterprise\",\"totalInvestment\":100000000}"
        answer=$(curl -s -m 5 -o - -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -X POST "http://127.0.0.1:$PORT/api/v1/projects" -d "$body" 2>/dev/null) || { sleep 0.05; continue; }
        code=${answer##*$'\n'}
        if [ "$code" = 201 ]; then
            printf '%s\n' "${answer%$'\n'*}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' >> "$WORK/created.$1"
        fi
    done
}

start
before=$(value "SELECT COUNT(*) FROM projects")
last=$(value "SELECT COALESCE(MAX(id), 0) FROM projects")
pids=()
for w in $(seq 1 "$WRITERS"); do writer "$w" & pids+=($!); done
sleep "$BURST_SECONDS"
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
sleep 0.5
kill "${pids[@]}" 2>/dev/null || true
wait "${pids[@]}" 2>/dev/null || true

acknowledged=$(cat "$WORK"/created.* 2>/dev/null | sort -u | wc -l)
start
missing=0
for id in $(cat "$WORK"/created.* 2>/dev/null | sort -u); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/projects/$id")
    [ "$code" = 200 ] || { echo "project $id was answered 201 and is gone ($code)"; missing=$((missing + 1)); }
done
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
after=$(value "SELECT COUNT(*) FROM projects")
orphans=$(value "SELECT COUNT(*) FROM projects p WHERE p.id > $last AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'project' AND a.entity_id = CAST(p.id AS TEXT))")
integrity=$(drill_integrity)
label=$([ "$ENGINE" = postgres ] && echo PostgreSQL || echo SQLite)

line="kill -9 during a ${BURST_SECONDS} s burst of creates (${WRITERS} writers, $label): ${acknowledged} answered 201, $((after - before)) kept, ${missing} lost, ${orphans} without their audit row, integrity_check: ${integrity}"
echo "$line"
[ -n "${OUT:-}" ] && echo "- $(date -u +%F): $line" >> "$OUT"
[ "$missing" = 0 ] && [ "$orphans" = 0 ] && [[ "$integrity" == ok* ]] && [ "$acknowledged" -gt 0 ] && [ $((after - before)) -ge "$acknowledged" ]
