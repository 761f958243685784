#!/usr/bin/env bash
# Fault drill (issue 18): PostgreSQL restarted under load.
#
# Starts PostgreSQL and the server on loopback with a small demo city, keeps WRITERS clients
# creating projects and READERS clients reading the ledger, restarts PostgreSQL (`pg_ctl restart
# -m fast`: every connection is cut) in the middle, and checks that
#   - during the outage requests fail quickly with 503 and a problem+json body (no hang beyond
#     the client's 5 s limit, no 500),
#   - the server answers again by itself within RECOVER_SECONDS of PostgreSQL being back,
#   - every create answered 201 is in the database afterwards, with its audit row.
# Bounded in time; loopback only. Needs PostgreSQL server binaries.
#
#   scripts/fault-pg-restart.sh
#   WRITERS=4 READERS=4 scripts/fault-pg-restart.sh
set -euo pipefail
cd "$(dirname "$0")/.."

WRITERS=${WRITERS:-4}
READERS=${READERS:-4}
RECOVER_SECONDS=${RECOVER_SECONDS:-10}
PORT=${PORT:-18192}
PORT_PG=${PORT_PG:-25434}
source scripts/lib/postgres.sh
require_postgres
if [ -z "${BIN:-}" ]; then
    swift build --product groundbreak > /tmp/groundbreak-fault-build.log 2>&1 || { cat /tmp/groundbreak-fault-build.log; exit 1; }
    BIN=$(swift build --show-bin-path)/groundbreak
fi

WORK=$(mktemp -d /tmp/groundbreak-pgfault.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
SERVER_PID=""
CLIENTS=()
cleanup() {
    for pid in "${CLIENTS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
    pg_stop "$PG_DATA" immediate
    rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM

pg_init "$PG_DATA"
pg_start "$PG_DATA" "$PORT_PG"
pg_create_database "$PORT_PG" drill
psql_value() { pg_sql "$PORT_PG" drill "$1"; }

export GROUNDBREAK_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT_PG/drill" GROUNDBREAK_ATTACHMENTS_DIR="$WORK/attachments"
"$BIN" demo --projects 50 > "$WORK/demo.log" 2>&1
"$BIN" user add --username drill --name 故障演练 --role admin --password 'Kx9#fault-2026' > /dev/null
TOKEN=$("$BIN" user token --username drill --name pg-drill | tail -n 1)
GROUNDBREAK_SCHEDULER_ENABLED=false "$BIN" serve --port "$PORT" >> "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

# Each client logs "<epoch ms> <status> <seconds>" per request; writers keep the ids answered 201.
writer() {
    local n=0
    while :; do
        n=$((n + 1))
        body="{\"name\":\"重启演练项目$1-$n\",\"regionCode\":\"220104\",\"categoryCode\":\"IND-MFG\",\"investmentType\":\"enterprise\",\"totalInvestment\":100000000}"
        answer=$(curl -s -m 5 -o - -w '\n%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -X POST "http://127.0.0.1:$PORT/api/v1/projects" -d "$body" 2>/dev/null) || answer=$'\n000 5'
        status=${answer##*$'\n'}
        # The id before the status line, so no 201 counted is missing its id when the client stops.
        if [ "${status%% *}" = 201 ]; then
            printf '%s\n' "${answer%$'\n'*}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' >> "$WORK/created.$1"
        fi
        echo "$(date +%s%3N) $status" >> "$WORK/requests.$1"
        if [ "${status%% *}" = 503 ]; then
            printf '%s\n' "${answer%$'\n'*}" | head -c 300 > "$WORK/last-503-body"
        fi
    done
}
reader() {
    while :; do
        status=$(curl -s -m 5 -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
            "http://127.0.0.1:$PORT/api/v1/projects?perPage=5&minWan=$RANDOM" 2>/dev/null) || status="000 5"
        echo "$(date +%s%3N) $status" >> "$WORK/requests.r$1"
    done
}
for i in $(seq 1 "$WRITERS"); do writer "$i" & CLIENTS+=($!); done
for i in $(seq 1 "$READERS"); do reader "$i" & CLIENTS+=($!); done

sleep 3
restart_at=$(date +%s%3N)
pg_restart "$PG_DATA"
back_at=$(date +%s%3N)
# Recovered: the first 2xx answered after PostgreSQL is back.
recovered_at=""
for _ in $(seq 1 $((RECOVER_SECONDS * 10))); do
    if curl -fs -m 2 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/projects?perPage=1" >/dev/null 2>&1; then
        recovered_at=$(date +%s%3N); break
    fi
    sleep 0.1
done
sleep 3
for pid in "${CLIENTS[@]}"; do kill "$pid" 2>/dev/null || true; done
wait "${CLIENTS[@]}" 2>/dev/null || true
CLIENTS=()

cat "$WORK"/requests.* > "$WORK/all"
total=$(wc -l < "$WORK/all")
statuses=$(awk '{print $2}' "$WORK/all" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
server_errors=$(awk '$2 ~ /^5/ && $2 != 503' "$WORK/all" | wc -l)
hung=$(awk '$2 == "000"' "$WORK/all" | wc -l)
slowest_failure=$(awk '$2 == 503 {print $3}' "$WORK/all" | sort -n | tail -n 1)
cat "$WORK"/created.* 2>/dev/null | sort -n | uniq > "$WORK/created" || true
answered=$(wc -l < "$WORK/created")
missing=0
if [ "$answered" -gt 0 ]; then
    ids=$(paste -sd, "$WORK/created")
    present=$(psql_value "SELECT COUNT(*) FROM projects WHERE id IN ($ids)")
    audited=$(psql_value "SELECT COUNT(DISTINCT entity_id) FROM audit_log WHERE entity = 'project' AND action = 'create' AND entity_id IN ($(sed "s/.*/'&'/" "$WORK/created" | paste -sd,))")
    missing=$((answered - present))
    unaudited=$((present - audited))
else
    present=0; unaudited=0
fi

echo "requests: $total ($statuses)"
echo "PostgreSQL restart took $((back_at - restart_at)) ms; the server answered again $([ -n "$recovered_at" ] && echo "$((recovered_at - back_at)) ms after" || echo "NOT within ${RECOVER_SECONDS} s of") PostgreSQL being back"
echo "during the outage: slowest 503 ${slowest_failure:-—} s; other 5xx: $server_errors; no answer within 5 s: $hung"
echo "creates answered 201: $answered; in the database: $present; without their audit row: $unaudited"
[ -f "$WORK/last-503-body" ] && echo "a 503 body: $(cat "$WORK/last-503-body")"
ok=0
[ -n "$recovered_at" ] || ok=1
[ "$server_errors" = 0 ] || ok=1
[ "$hung" = 0 ] || ok=1
[ "$missing" = 0 ] && [ "$unaudited" = 0 ] || ok=1
if [ "$ok" = 0 ]; then
    echo "drill passed"
else
    echo "drill FAILED"
    # Which client saw each unexpected status, how long after the restart began, and what the
    # server logged about it.
    for f in "$WORK"/requests.*; do
        awk -v who="${f##*.}" -v t0="$restart_at" '$2 ~ /^5/ && $2 != 503 || $2 == "000" {printf "client %s: %s after %d ms (%s s)\n", who, $2, $1 - t0, $3}' "$f"
    done
    grep -E "unhandled error" "$WORK/server.log" | tail -n 10 || true
fi
exit $ok
