#!/usr/bin/env bash
# Fault drill (issue 18): kill -9 of the server during a month close, on SQLite or on PostgreSQL
# (ENGINE=postgres: a private cluster on loopback).
#
# Loads a demo city (or copies SOURCE_DB, e.g. a province built by `groundbreak demo --projects
# 100000`) and starts a release server. A month close computes the month's ranking tables (reads
# only), then writes the snapshot of every report, the frozen tables and its audit row in one
# transaction. One close is timed (then reopened); then the close is asked again and the server
# killed with SIGKILL after a delay swept across the end of that time (ATTEMPTS delays from 85 %
# to 105 %), then BISECT more halving the gap between the last kill that left nothing and the
# first that left the close whole, so kills land before, at and after the transaction. After each:
#   - the close is in the database either not at all (no close row, no snapshot, no frozen table,
#     no audit row) or whole (one close, a snapshot row per report, the tables, one audit row):
#     anything between fails the drill; SQLite's integrity_check says ok, or PostgreSQL's amcheck
#     finds every index consistent;
#   - SQLite: the write-ahead log's growth at the kill is printed (pages the transaction had spilled).
# Then a server started again closes the month (reopening first when a kill came after the commit).
# Bounded in time; loopback only.
#
#   scripts/fault-kill-close.sh                              # 20,000 demo projects
#   SOURCE_DB=/path/province.sqlite ATTEMPTS=6 scripts/fault-kill-close.sh
#   ENGINE=postgres PROJECTS=5000 ATTEMPTS=4 BISECT=3 scripts/fault-kill-close.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-20000}
ATTEMPTS=${ATTEMPTS:-8}
BISECT=${BISECT:-6}
PORT=${PORT:-18097}
MONTH=${MONTH:-$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)}
PORT_PG=${PORT_PG:-25438}
source scripts/lib/release-binary.sh
release_binary
source scripts/lib/drill-common.sh
drill_setup

WORK=$(mktemp -d /tmp/groundbreak-killclose.XXXXXX)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
    drill_stop_postgres
    rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM

drill_database
if [ -n "${SOURCE_DB:-}" ] && [ "$ENGINE" = sqlite ]; then
    sqlite3 "$SOURCE_DB" "VACUUM INTO '$DB'"
else
    "$BIN" demo --projects "$PROJECTS" > "$WORK/demo.log" 2>&1
fi
"$BIN" migrate > /dev/null 2>&1
"$BIN" user add --username closedrill --name 月结演练 --role admin --password 'Cl0se#drill-2026' > /dev/null
TOKEN=$("$BIN" user token --username closedrill --name close-drill | tail -n 1)

start_server() {
    GROUNDBREAK_SCHEDULER_ENABLED=false "$BIN" serve --port "$PORT" >> "$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
    echo "server did not start"; tail -20 "$WORK/server.log"; exit 1
}
counts() {
    value "SELECT (SELECT COUNT(*) FROM month_closes WHERE month = '$MONTH') || ' closes, ' ||
        (SELECT COUNT(*) FROM report_snapshots WHERE month = '$MONTH') || ' snapshot rows, ' ||
        (SELECT COUNT(*) FROM assessment_frozen_tables WHERE month = '$MONTH') || ' frozen tables, ' ||
        (SELECT COUNT(*) FROM audit_log WHERE entity = 'month_close' AND entity_id = '$MONTH') || ' audit rows'"
}
close_month() {
    curl -s -m 600 -o "$WORK/close.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -X POST "http://127.0.0.1:$PORT/api/v1/reports/close" -d "{\"month\":\"$MONTH\"}"
}

reports=$(value "SELECT COUNT(*) FROM monthly_reports WHERE month = '$MONTH'")
before=$(counts)
echo "== $MONTH: $reports reports; before: $before"
[ "$(value "SELECT COUNT(*) FROM month_closes WHERE month = '$MONTH'")" = 0 ] || { echo "$MONTH is already closed"; exit 1; }

reopen_month() {
    curl -s -m 600 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -X POST "http://127.0.0.1:$PORT/api/v1/reports/reopen" -d "{\"month\":\"$MONTH\",\"reason\":\"演练后重开\"}"
}
wal_size() { stat -c %s "$DB-wal" 2>/dev/null || echo 0; }   # 0 on PostgreSQL: its log is the server's

start_server
began=$(date +%s%N)
[ "$(close_month)" = 200 ] || { cat "$WORK/close.json"; echo "✘ the timed close failed"; exit 1; }
took_ms=$(( ($(date +%s%N) - began) / 1000000 ))
whole=$(counts)
echo "== a close takes ${took_ms} ms; whole, it is: $whole"
[ "$(reopen_month)" = 200 ] || { echo "✘ reopening failed"; exit 1; }
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
# A reopened month keeps its close and reopen audit rows: count from here on.
before=$(counts)
audit_base=$(value "SELECT COUNT(*) FROM audit_log WHERE entity = 'month_close' AND entity_id = '$MONTH'")
whole_after="1 closes, $reports snapshot rows, $(echo "$whole" | sed -E 's/.* snapshot rows, ([0-9]+) frozen tables.*/\1/') frozen tables, $((audit_base + 1)) audit rows"

nothing=0; complete=0; outcome=""
attempt() {   # delay in ms: ask for the close, kill the server then, classify what is left
    local delay_ms=$1
    start_server
    local wal_before wal_at_kill curl_pid state integrity
    wal_before=$(wal_size)
    close_month > "$WORK/close.status" &
    curl_pid=$!
    sleep "$(awk "BEGIN {print $delay_ms / 1000}")"
    wal_at_kill=$(wal_size)
    kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
    wait "$curl_pid" 2>/dev/null || true
    state=$(counts)
    integrity=$(drill_integrity)
    [[ "$integrity" == ok* ]] || { echo "✘ integrity_check: $integrity"; exit 1; }
    if [ "$state" = "$before" ]; then
        nothing=$((nothing + 1)); outcome=nothing
    elif [ "$state" = "$whole_after" ]; then
        complete=$((complete + 1)); outcome=whole
    else
        echo "✘ killed at $delay_ms ms, the close is partly there: $state"; exit 1
    fi
    echo "   killed at ${delay_ms} ms (answer: $(cat "$WORK/close.status" 2>/dev/null || true)), log +$((wal_at_kill - wal_before)) bytes → $outcome; integrity ok"
    if [ "$outcome" = whole ]; then
        start_server
        [ "$(reopen_month)" = 200 ] || { echo "✘ reopening failed"; exit 1; }
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
        before=$(counts)
        audit_base=$(value "SELECT COUNT(*) FROM audit_log WHERE entity = 'month_close' AND entity_id = '$MONTH'")
        whole_after="1 closes, $reports snapshot rows, $(echo "$whole" | sed -E 's/.* snapshot rows, ([0-9]+) frozen tables.*/\1/') frozen tables, $((audit_base + 1)) audit rows"
    fi
}
# A sweep across the end of the timed close, then BISECT kills halving the gap between the
# latest kill that left nothing and the earliest that left it whole: the transaction lies there.
lo=0; hi=$((took_ms * 2))
for step in $(seq 1 "$ATTEMPTS"); do
    delay=$(( took_ms * (85 + 20 * (step - 1) / (ATTEMPTS > 1 ? ATTEMPTS - 1 : 1)) / 100 ))
    attempt "$delay"
    if [ "$outcome" = nothing ]; then [ "$delay" -gt "$lo" ] && [ "$delay" -lt "$hi" ] && lo=$delay; else [ "$delay" -lt "$hi" ] && hi=$delay; fi
done
for _ in $(seq 1 "$BISECT"); do
    [ $((hi - lo)) -gt 2 ] || break
    delay=$(( (lo + hi) / 2 ))
    attempt "$delay"
    if [ "$outcome" = nothing ]; then lo=$delay; else hi=$delay; fi
done
ATTEMPTS=$((nothing + complete))
echo "== $ATTEMPTS kills: $nothing left nothing of the close, $complete left it whole, none left part of it"

start_server
status=$(close_month)
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
final=$(counts)
echo "== closed again by a new server: HTTP $status; $final"
[ "$status" = 200 ] && [ "$final" = "$whole_after" ] || { cat "$WORK/close.json"; echo "✘ the close after the kills is not whole and single"; exit 1; }
echo "✔ kill -9 during a month close never left part of it; the next server closed the month once, in full"
