#!/usr/bin/env bash
# Writes under load, on SQLite and PostgreSQL: creating projects and raising problems through the
# API with wrk (every request a new row, its audit row and the generations it moves committed
# before the answer). Figures go to docs/performance-writes.md (overwritten).
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
    echo "# Performance: writes"
    echo
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
    echo "Before and after (2026-11-30, same machine, script and settings, 15 s per request):"
    echo
    echo "| build | SQLite create | SQLite problem | PostgreSQL create | PostgreSQL problem |"
    echo "|---|---|---|---|---|"
    echo "| 9da6175 (before the figures generation) | 728.83 | 792.03 | 352.08 (p99 233 ms) | 569.33 |"
    echo "| cf1a5d9 (figures generation bumped at the end, ledger generation mid-transaction) | 704.34 | 799.90 | 314.69 (p99 250 ms) | 540.50 |"
    echo "| every generation bumped as the transaction's last statements | 664.62 | 754.46 | 494.62 (p99 140 ms) | 539.80 |"
    echo
    echo "On PostgreSQL a project's insert locked the ledger's counter row until its commit, so every project write waited"
    echo "for the whole transaction before it; now the row is locked from the transaction's last statement to its commit."
    echo
    echo "Before and after (2026-12-01, same machine, script and settings, 15 s per request; the first two rows in one run):"
    echo
    echo "| build | SQLite create | SQLite problem | PostgreSQL create | PostgreSQL problem |"
    echo "|---|---|---|---|---|"
    echo "| acfcfab (before) | 618.92 | 732.28 | 391.74 (p99 194 ms) | 504.17 |"
    echo "| a token and its account in one statement; the project from its insert; on PostgreSQL the counters in one statement | 728.35 | 801.69 | 605.06 (p99 125 ms) | 541.83 |"
    echo "| and stored instants written by hand | 773.91 | 840.70 | 678.61 (p99 109 ms) | 587.45 |"
    echo "| and the body's strings walked by reflection only when its bytes may hold a refused character | 869.25 | 840.32 | 668.89 (p99 108 ms) | 607.75 |"
    echo
    echo "A create was fourteen statements on PostgreSQL (the token, its account and its roles; the insert; the project read"
    echo "back with its three kinds of child rows; the audit row; the two counters and the ledger's change row) and is six."
    echo "What remains is CPU: at 670 creates/s the server uses about 0.8 of a core (1.1 ms a create: decoding the body,"
    echo "validating, encoding the audit row and the answer, the driver) and PostgreSQL's sixteen backends about one"
    echo "(1.5 ms a create), with wrk on the same two cores. 1,500 creates/s would need both halved; the aim is not reached."
    echo
    echo "With the token lookup prepared once per connection (05163bf, 2026-12-01, PostgreSQL only, the builds one after"
    echo "the other): create 696.72 → 723.87, problem 598.47 → 537.28 — within this machine's noise. Sending COMMIT queued"
    echo "behind the counters' statement (so the counter row's lock is not held while the awaiting task is rescheduled) was"
    echo "tried and measured the same (686 → 674) and not kept: the row lock's queue is where the wait shows, not its cause."
} > "$OUT"
echo "wrote $OUT"
