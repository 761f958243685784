#!/usr/bin/env bash
# A primary and a streaming replica (Debian's PostgreSQL) on loopback, one app instance reading its
# lag-tolerant pages from the replica (issue 18). Proves:
#   - the replica is a real hot standby fed by streaming replication, and dashboards read it;
#   - right after a write its author reads the primary until the replica has the write, and sees it;
#   - a replica whose replay is paused longer than the lag allowed is left for the primary, and
#     read again once it has caught up;
#   - a replica that is down leaves every page answering, from the primary;
#   - a load on a dashboard through the replica gives no errors.
# Needs wrk and PostgreSQL server binaries. Figures go to $OUT (default docs/replica.md).
#
#   scripts/replica.sh                     # 2,000 projects
#   PROJECTS=20000 scripts/replica.sh
#   PROJECTS=200 DURATION=0 OUT=/tmp/replica.md scripts/replica.sh   # the drills' short form, no wrk
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-2000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
MAX_LAG=${MAX_LAG:-1}
OUT=${OUT:-docs/replica.md}
# Listening ports below Linux's ephemeral range (32768–60999): a port in it can be held by any
# outgoing connection of the tests run before, and PostgreSQL then cannot listen there.
PORT_APP=18311 PORT_PRIMARY=25441 PORT_REPLICA=25442
for tool in curl python3 $([ "$DURATION" = 0 ] || echo wrk); do command -v "$tool" >/dev/null || { echo "$tool is needed"; exit 1; }; done
source scripts/lib/postgres.sh
require_postgres
source scripts/lib/release-binary.sh
release_binary

WORK=$(mktemp -d /tmp/groundbreak-replica.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""
PRIMARY="$WORK/primary" REPLICA="$WORK/replica"
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    pg_stop "$REPLICA"
    pg_stop "$PRIMARY"
    rm -rf "$WORK"
}
trap cleanup EXIT
failures=0
lines=()
check() { # check <what> <0 when it holds>
    if [ "$2" = 0 ]; then echo "ok    $1"; lines+=("- ✔ $1"); else echo "FAIL  $1"; lines+=("- ✘ $1"); failures=$((failures + 1)); fi
}
sql() { # sql <port> <statement>
    pg_sql "$1" gb "$2"
}

# The primary, and a replica made from it by pg_basebackup, streaming (standby.signal, primary_conninfo).
pg_init "$PRIMARY"
pg_start "$PRIMARY" $PORT_PRIMARY max_connections=200
pg_create_database $PORT_PRIMARY gb
export GROUNDBREAK_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT_PRIMARY/gb"
"$BIN" demo --projects "$PROJECTS" 2>/dev/null | tail -n 1
GROUNDBREAK_NEW_PASSWORD='Kx9#Mirror-2026' "$BIN" user add --username replica --name 副本演练 --admin >/dev/null
TOKEN=$("$BIN" user token --username replica --name replica-drill | tail -n 1)
GROUNDBREAK_NEW_PASSWORD='Kx9#Mirror-2026' "$BIN" user add --username replica-other --name 副本演练他人 --admin >/dev/null
OTHER_TOKEN=$("$BIN" user token --username replica-other --name replica-drill-other | tail -n 1)
as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p $PORT_PRIMARY -U postgres -D "$REPLICA" -R -X stream --checkpoint=fast >/dev/null
chmod 700 "$REPLICA"
pg_start "$REPLICA" $PORT_REPLICA max_connections=200
in_recovery=$(sql $PORT_REPLICA "SELECT pg_is_in_recovery()")
streaming=$(sql $PORT_PRIMARY "SELECT COUNT(*) FROM pg_stat_replication WHERE state = 'streaming'")
check "副本：pg_basebackup 建立的热备库（pg_is_in_recovery = $in_recovery），主库上流复制连接 $streaming 个" \
    "$([ "$in_recovery" = t ] && [ "$streaming" = 1 ] && echo 0 || echo 1)"

GROUNDBREAK_DATABASE_READ_URL="postgres://postgres@127.0.0.1:$PORT_REPLICA/gb" GROUNDBREAK_DATABASE_READ_MAX_LAG=$MAX_LAG \
    GROUNDBREAK_SCHEDULER_ENABLED=false GROUNDBREAK_BCRYPT_COST=4 "$BIN" serve --port $PORT_APP >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
APP="http://127.0.0.1:$PORT_APP"
for _ in $(seq 1 150); do curl -fs "$APP/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
auth=(-H "Authorization: Bearer $TOKEN")
read_from() { # read_from <path> [curl args…]: where the answer was read ("replica" / "primary"), then its status
    curl -s -o "$WORK/body" -D - "${auth[@]}" "${@:2}" "$APP$1" | tr -d '\r' | awk '/^HTTP/ {s=$2} tolower($1) == "groundbreak-read:" {r=$2} END {print r "/" s}'
}
generation() { sql "$1" "SELECT generation FROM data_state WHERE id = 1"; }
month=$(date +%Y-%m)

# 1. Dashboards read the replica once it is level.
for _ in $(seq 1 50); do [ "$(generation $PORT_REPLICA)" = "$(generation $PORT_PRIMARY)" ] && break; sleep 0.1; done
ranking=$(read_from "/api/v1/assessment?month=$month")
screen=$(read_from "/api/v1/warnings")
ledger=$(curl -s -o /dev/null -D - "${auth[@]}" "$APP/api/v1/projects?perPage=1" | tr -d '\r' | awk -F': ' 'tolower($1) == "groundbreak-read" {print $2}')
check "读取：排名 API（$ranking）、预警 API（$screen）从副本读；台账列表不走副本（${ledger:-未标注，主库}）" \
    "$([ "$ranking" = replica/200 ] && [ "$screen" = replica/200 ] && [ -z "$ledger" ] && echo 0 || echo 1)"

# 2. Right after one's own write, with the replica's replay paused so that it cannot have it yet.
sql $PORT_REPLICA "SELECT pg_wal_replay_pause()" >/dev/null
name="副本演练新建项目$(date +%s%N)"
created=$(curl -s -D "$WORK/created-headers" -o /dev/null -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' -X POST "$APP/api/v1/projects" \
    -d "{\"name\":\"$name\",\"regionCode\":\"220104\",\"categoryCode\":\"IND-MFG\",\"investmentType\":\"enterprise\",\"totalInvestment\":100000000}")
seen=$(tr -d '\r' < "$WORK/created-headers" | awk -F': ' 'tolower($1) == "groundbreak-generation" {print $2}')
own=$(read_from "/projects.csv" -H "Groundbreak-Seen: $seen")
own_has=$(grep -c "$name" "$WORK/body" || true)
auth=(-H "Authorization: Bearer $OTHER_TOKEN")
other=$(read_from "/projects.csv")
auth=(-H "Authorization: Bearer $TOKEN")
other_has=$(grep -c "$name" "$WORK/body" || true)
sql $PORT_REPLICA "SELECT pg_wal_replay_resume()" >/dev/null
started=$(date +%s%N)
for _ in $(seq 1 500); do [ "$(generation $PORT_REPLICA)" -ge "${seen:-0}" ] && break; sleep 0.01; done
replayed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
after=$(read_from "/projects.csv" -H "Groundbreak-Seen: $seen")
after_has=$(grep -c "$name" "$WORK/body" || true)
check "本人写入后（副本暂停重放）：新建（HTTP $created，主库计数 $seen），本人随即导出台账读自 ${own%/*}、含新项目 $own_has 行（他人此刻读自 ${other%/*}、含 $other_has 行）；恢复重放后 ${replayed_ms} ms 追上，本人再导出读自 ${after%/*}、含新项目 $after_has 行" \
    "$([ "$created" = 201 ] && [ "$own" = primary/200 ] && [ "$own_has" = 1 ] && [ "$after" = replica/200 ] && [ "$after_has" = 1 ] && echo 0 || echo 1)"

# 3. A replica paused longer than the lag allowed is left; resumed, it is read again.
sql $PORT_REPLICA "SELECT pg_wal_replay_pause()" >/dev/null
curl -s -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$APP/api/v1/projects" \
    -d '{"name":"副本暂停期间新建项目","regionCode":"220104","categoryCode":"IND-MFG","investmentType":"enterprise","totalInvestment":100000000}'
sleep $((MAX_LAG + 1))
curl -s -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -X POST "$APP/api/v1/projects" \
    -d '{"name":"副本暂停期间再新建项目","regionCode":"220104","categoryCode":"IND-MFG","investmentType":"enterprise","totalInvestment":100000000}'
auth=(-H "Authorization: Bearer $OTHER_TOKEN")  # not the writer: the lag rule alone decides
paused=$(read_from "/api/v1/assessment?month=$month")
auth=(-H "Authorization: Bearer $TOKEN")
sql $PORT_REPLICA "SELECT pg_wal_replay_resume()" >/dev/null
for _ in $(seq 1 100); do [ "$(generation $PORT_REPLICA)" = "$(generation $PORT_PRIMARY)" ] && break; sleep 0.05; done
resumed=$(read_from "/api/v1/assessment?month=$month")
check "滞后：副本暂停重放超过允许的 ${MAX_LAG} 秒时排名读自 ${paused%/*}（HTTP ${paused#*/}），恢复重放追平后读自 ${resumed%/*}" \
    "$([ "$paused" = primary/200 ] && [ "$resumed" = replica/200 ] && echo 0 || echo 1)"

# 4. Load on a dashboard read from the replica (DURATION=0 leaves it out, as the drills' short form does).
if [ "$DURATION" != 0 ]; then
report=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$APP/api/v1/assessment?month=$month")
rps=$(echo "$report" | awk '/Requests\/sec/ {print $2}')
p99=$(echo "$report" | awk '$1 == "99%" {print $2}')
errors=$(echo "$report" | awk '/Non-2xx/ {print $5}')
sockets=$(echo "$report" | grep -c "Socket errors" || true)
check "负载：排名 API $CONNECTIONS 个连接 $DURATION，$rps 次/秒，p99 $p99，非2xx ${errors:-0}" "$([ -z "$errors" ] && [ "$sockets" = 0 ] && echo 0 || echo 1)"
fi

# 5. The replica down: pages still answer, from the primary.
pg_stop "$REPLICA"
down_started=$(date +%s%N)
down=$(read_from "/api/v1/assessment?month=$month")
down_ms=$(( ($(date +%s%N) - down_started) / 1000000 ))
export_down=$(read_from "/projects.xlsx")
check "副本停机：排名读自 ${down%/*}（HTTP ${down#*/}，${down_ms} ms），台账导出读自 ${export_down%/*}（HTTP ${export_down#*/}）" \
    "$([ "$down" = primary/200 ] && [ "$export_down" = primary/200 ] && echo 0 || echo 1)"
pg_start "$REPLICA" $PORT_REPLICA max_connections=200
sleep 11  # the pause after a failed replica read
for _ in $(seq 1 100); do [ "$(generation $PORT_REPLICA)" = "$(generation $PORT_PRIMARY)" ] && break; sleep 0.05; done
back=$(read_from "/api/v1/assessment?month=$month")
check "副本重启后：排名重新读自 ${back%/*}" "$([ "$back" = replica/200 ] && echo 0 || echo 1)"

{
    echo "# A streaming replica for the pages that tolerate lag"
    echo
    echo "Written by \`scripts/replica.sh\`: PostgreSQL $(pg_version) primary and a hot standby made by"
    echo "\`pg_basebackup -R\` (streaming replication), both on loopback; one instance ($(case "$BIN" in */debug/*) echo debug;; *) echo release;; esac) build) with"
    echo "\`GROUNDBREAK_DATABASE_READ_URL\` pointing at the standby and \`GROUNDBREAK_DATABASE_READ_MAX_LAG=$MAX_LAG\`; $PROJECTS demo projects."
    echo "How it decides is in \`docs/deployment.md\` (\"A read replica\")."
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk, the instance and both PostgreSQL servers share them"
    echo
    printf '%s\n' "${lines[@]}"
    echo
    echo "Reproduce: \`scripts/replica.sh\` (variables: PROJECTS, DURATION, CONNECTIONS, MAX_LAG, BIN)."
} > "$OUT"
echo "written to $OUT"
[ "$failures" = 0 ] || { echo "$failures check(s) failed"; tail -n 30 "$WORK/server.log"; exit 1; }
