#!/usr/bin/env bash
# Groundbreak beside a widely used tracker, in one run on this machine: the peer in
# ../shared/peers/redmine (Redmine from Debian's packages on PostgreSQL 15) and Groundbreak on
# SQLite and on PostgreSQL, each holding the same ledger (the peer's generator, the same seed,
# scripts/peer-ledger.py mapping its value lists onto ours), each asked the same three things with
# wrk on loopback: (a) a page of a list filtered by region (50 rows after the first 100), (b) one
# record by a random id, (c) creating one. Writes docs/performance-peer.md.
#
#   scripts/bench-peer.sh                    # 100,000 rows, 32 connections, 20 s per request
#   N=20000 DURATION=10s ENGINES=sqlite scripts/bench-peer.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PEER=${PEER:-$(cd ../shared/peers/redmine && pwd)}
N=${N:-100000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
SINGLE=${SINGLE:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18095}
ENGINES=${ENGINES:-"sqlite postgres"}
OUT=${OUT:-docs/performance-peer.md}
HARBOR=220182   # where scripts/peer-ledger.py puts the peer's filter value, Harbor, alone

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
source scripts/lib/bench-common.sh
release_binary
work_folder groundbreak-peer

echo "== the peer: set up, load $N rows, measure (its own scripts)"
"$PEER/setup.sh" > "$WORK/peer-setup.log" 2>&1 || { tail -20 "$WORK/peer-setup.log"; exit 1; }
"$PEER/load.sh" "$N" > "$WORK/peer-load.log" 2>&1 || { tail -20 "$WORK/peer-load.log"; exit 1; }
DURATION=$DURATION WARMUP=$WARMUP SINGLE_DURATION=$SINGLE CONNECTIONS=$CONNECTIONS THREADS=$THREADS RESULTS_MD="$WORK/peer.md" \
    "$PEER/bench.sh" > "$WORK/peer-bench.log" 2>&1 || { tail -20 "$WORK/peer-bench.log"; exit 1; }
"$PEER/stop.sh" > /dev/null 2>&1 || true
grep -E '^\| \(' "$WORK/peer.md" || true

echo "== the same ledger for Groundbreak"
python3 scripts/peer-ledger.py "$PEER/gen_ledger.py" "$N" > "$WORK/ledger.csv"

cat > "$WORK/show.lua" <<LUA
request = function()
  return wrk.format("GET", "/api/v1/projects/" .. math.random(1, $N), {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")})
end
LUA
cat > "$WORK/list.lua" <<LUA
request = function()
  return wrk.format("GET", "/api/v1/projects?region=$HARBOR&perPage=50&page=3", {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")})
end
LUA
cat > "$WORK/create.lua" <<'LUA'
local regions = {"220102", "220103", "220104", "220105", "220106", "220112", "220113", "220122", "220182", "220183", "220184"}
local categories = {"INF-MUN", "IND-MFG", "INF-ENE", "INF-TRN", "SOC-HLT", "SOC-EDU", "IND-SEI", "IND-AGR"}
local departments = {"CC-FGW", "CC-JTJ", "CC-ZJJ", "CC-GXJ", "CC-SWJ", "CC-JYJ", "CC-WJW", "CC-STHJ", "CC-SWU", "CC-NYNC", "CC-WGLJ"}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
request = function()
  n = n + 1
  local k = tid * 10000000 + n
  local body = string.format('{"name":"Bench key project %d","regionCode":"%s","categoryCode":"%s","investmentType":"enterprise",'
    .. '"totalInvestment":%d,"plannedStart":"2025-%02d-%02d","leadDepartmentCode":"%s"}',
    k, regions[k % #regions + 1], categories[k % #categories + 1], (k % 5000000 + 100) * 100, k % 12 + 1, k % 28 + 1, departments[k % #departments + 1])
  return wrk.format("POST", "/api/v1/projects", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}, body)
end
LUA

results=()
measure() {   # engine label lua
    local engine=$1 label=$2 script=$3 report single
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "http://127.0.0.1:$PORT" > /dev/null
    report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "http://127.0.0.1:$PORT")
    single=$(wrk -t1 -c1 -d"$SINGLE" --latency -s "$script" "http://127.0.0.1:$PORT")
    local single_p50
    single_p50=$(echo "$single" | awk '$1 == "50%" {print $2}')
    wrk_figures "$report"
    echo "   $label: $WRK_RPS req/s, p50 $WRK_P50, p99 $WRK_P99, non-2xx $WRK_ERRORS; one connection p50 $single_p50"
    results+=("| Groundbreak, $engine | $label | $WRK_RPS | $WRK_P50 | $WRK_P99 | $WRK_ERRORS | $single_p50 |")
}

run_engine() {
    local engine=$1 url=$2
    echo "== Groundbreak on $engine: import $N rows"
    "$BIN" migrate --database "$url" > /dev/null 2>&1
    # A file holds at most 100,000 rows (docs/excel.md): the ledger goes in files of 50,000.
    rm -f "$WORK"/part-*
    tail -n +2 "$WORK/ledger.csv" | split -l 50000 - "$WORK/part-"
    local started=$SECONDS part
    for part in "$WORK"/part-*; do
        { head -n 1 "$WORK/ledger.csv"; cat "$part"; } > "$part.csv"
        "$BIN" import --database "$url" --commit "$part.csv" > "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" | head -20; exit 1; }
        head -n 1 "$WORK/import.log"
    done
    local import_seconds=$((SECONDS - started))
    "$BIN" user add --database "$url" --username peerbench --name 对比压测 --role admin --password 'Peer#Bench2026' > /dev/null
    export BENCH_TOKEN
    BENCH_TOKEN=$("$BIN" user token --database "$url" --username peerbench --name bench | tail -n 1)
    GROUNDBREAK_SCHEDULER_ENABLED=false "$BIN" serve --database "$url" --port "$PORT" > "$WORK/server-$engine.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server
    local matched
    matched=$(curl -s -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/api/v1/projects?region=$HARBOR&perPage=1" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalCount"])')
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/api/v1/projects/$N")" = 200 ] \
        || { echo "project $N not found: ids are not 1..$N"; exit 1; }
    echo "   the list filter matches $matched projects; import took ${import_seconds}s"
    local anon_idle rss_idle
    anon_idle=$(awk '/^Anonymous:/ {print int($2 / 1024)}' "/proc/$SERVER_PID/smaps_rollup")
    rss_idle=$(($(ps -o rss= -p "$SERVER_PID") / 1024))
    measure "$engine" "(a) GET list, region filter, 50 rows after 100" "$WORK/list.lua"
    measure "$engine" "(b) GET one project (random id 1..$N)" "$WORK/show.lua"
    measure "$engine" "(c) POST create project" "$WORK/create.lua"
    local anon_after rss_after
    anon_after=$(awk '/^Anonymous:/ {print int($2 / 1024)}' "/proc/$SERVER_PID/smaps_rollup")
    rss_after=$(($(ps -o rss= -p "$SERVER_PID") / 1024))
    results+=("| Groundbreak, $engine | import of the $N rows ${import_seconds}s; list filter matches $matched; memory RSS $rss_idle → $rss_after MiB, anonymous $anon_idle → $anon_after MiB | | | | | |")
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

for engine in $ENGINES; do
    case $engine in
    sqlite) run_engine sqlite "sqlite:$WORK/peer.sqlite" ;;
    postgres)
        start_postgres 25439 peer || continue
        run_engine postgres "postgres://postgres@127.0.0.1:25439/peer"
        ;;
    esac
done

{
    echo "# Performance beside a peer"
    echo
    echo "Measured by \`scripts/bench-peer.sh\` in one run on this machine: first the peer in \`../shared/peers/redmine\` with its own"
    echo "scripts (\`setup.sh\`, \`load.sh $N\`, \`bench.sh\`), then Groundbreak (release build, the scheduler off) on each engine,"
    echo "holding the same $N rows (the peer's generator and seed, imported through \`groundbreak import\`; value lists mapped by"
    echo "\`scripts/peer-ledger.py\`, the peer's filter value alone on one region so both filters match the same rows)."
    echo "The same wrk on loopback for both: $THREADS threads, $CONNECTIONS connections, $WARMUP warm-up, $DURATION measured, then $SINGLE on one"
    echo "connection (its p50 is the service time without queueing). An API token on every request."
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB; wrk runs on the same machine"
    echo
    echo "(a) is the same URL on every request, for both: Groundbreak answers it from its response cache after the first (the peer"
    echo "has none); a different filter on every request is measured in \`docs/performance.md\` (\`scripts/bench.sh ledger\`)."
    echo
    echo "## Groundbreak"
    echo
    echo "| system | request | requests/s | p50 | p99 | non-2xx | p50 on one connection |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${results[@]}"
    echo
    echo "## The peer (its own report, unchanged)"
    echo
    sed -n '/^- Date/,/^## Setup/p' "$WORK/peer.md" | sed '$d'
} > "$OUT"
echo "wrote $OUT"
