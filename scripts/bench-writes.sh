#!/usr/bin/env bash
# Writes under load, on SQLite and PostgreSQL: creating projects and raising problems through the
# API with wrk (every request a new row, its audit row and the generations it moves committed
# before the answer). Figures go to docs/performance-writes.md, between its markers: what is written there by
# hand around them stays.
#
#   scripts/bench-writes.sh                          # 2,000 demo projects, 32 connections, 15 s per request
#   ENGINES=postgres DURATION=30s scripts/bench-writes.sh
#   BIN=/tmp/groundbreak-before OUT=/tmp/before.md scripts/bench-writes.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-2000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18090}
ENGINES=${ENGINES:-"sqlite postgres"}
OUT=${OUT:-docs/performance-writes.md}

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
source scripts/lib/bench-common.sh
release_binary
work_folder groundbreak-writes

# Each wrk thread numbers its own requests, so every name is new.
write_lua() {
    local path=$1 body=$2
    cat > "$WORK/$(basename "$path").lua" <<LUA
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
request = function()
  n = n + 1
  local body = string.format('$body', tid, n)
  return wrk.format("POST", "$path", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}, body)
end
LUA
}
write_lua /api/v1/projects '{"name":"压测新建项目%d-%d","regionCode":"220104","categoryCode":"IND-MFG","investmentType":"enterprise","totalInvestment":100000000}'
write_lua /api/v1/problems '{"enterpriseName":"压测企业%d-%d","regionCode":"220104","categoryCode":"FUNDING","description":"流动资金贷款难"}'

results=()
run_engine() {
    local engine=$1 url=$2
    echo "== $engine: loading $PROJECTS demo projects"
    "$BIN" demo --database "$url" --projects "$PROJECTS" | tail -n 1
    "$BIN" user add --database "$url" --username writer --name 写入压测 --role admin --password 'Wr1te#Load2026' > /dev/null
    export BENCH_TOKEN
    BENCH_TOKEN=$("$BIN" user token --database "$url" --username writer --name bench | tail -n 1)
    GROUNDBREAK_SCHEDULER_ENABLED=false "$BIN" serve --database "$url" --port "$PORT" > "$WORK/server-$engine.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server
    for entry in "/api/v1/projects|新建项目（含审计行）" "/api/v1/problems|提出企业问题（含审计行与通知）"; do
        local path=${entry%%|*} label=${entry#*|}
        echo "== $engine: $label"
        local report
        report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$(basename "$path").lua" "http://127.0.0.1:$PORT")
        echo "$report" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
        wrk_figures "$report"
        results+=("| $engine | $label | \`POST $path\` | $WRK_RPS | $WRK_P50 | $WRK_P99 | $WRK_ERRORS |")
    done
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

for engine in $ENGINES; do
    case $engine in
    sqlite) run_engine sqlite "sqlite:$WORK/bench.sqlite" ;;
    postgres)
        start_postgres 25443 bench || continue
        run_engine postgres "postgres://postgres@127.0.0.1:25443/bench"
        ;;
    esac
done

{
    echo "Measured by \`scripts/bench-writes.sh\` (wrk on loopback, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per request,"
    echo "release build, $PROJECTS demo projects, an API token of an administrator). Every request writes a new row with its audit row;"
    echo "each answer comes after the commit. Aim (issue 18): creating a project ≥ 1,500 req/s on PostgreSQL."
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown); binary: $BIN"
    echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB; wrk runs on the same machine"
    echo
    echo "| engine | request | path | requests/s | p50 | p99 | non-2xx |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${results[@]}"
    echo
    echo "Reproduce: \`scripts/bench-writes.sh\` (variables: PROJECTS, DURATION, CONNECTIONS, ENGINES, BIN)."
} | write_generated "$OUT" scripts/bench-writes.sh "# Performance: writes"
