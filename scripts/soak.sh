#!/usr/bin/env bash
# Memory soak (issue 18): a release server on SQLite under the province's mixed load for MINUTES
# minutes, its memory printed every minute. The load: wrk at CONNECTIONS connections sending the
# ledger list with a different filter on every request and one project at a time, a writer creating
# a project every WRITE_EVERY seconds (so caches keep turning over), and a leader opening the
# ranking and the lights every 30 s. Each minute: requests/s and p99 of that minute, RSS, the
# process's private memory (smaps_rollup Private_Clean + Private_Dirty) and within it the anonymous
# memory, and SQLite's mapped database file (RSS − anonymous). Figures to $OUT (default
# docs/soak.md). Needs wrk.
#
#   scripts/soak.sh                                   # 100,000 projects, 10 minutes
#   PROJECTS=20000 MINUTES=3 scripts/soak.sh
#   SOURCE_DB=/path/province.sqlite scripts/soak.sh   # a province loaded before
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-100000}
MINUTES=${MINUTES:-10}
CONNECTIONS=${CONNECTIONS:-32}
WRITE_EVERY=${WRITE_EVERY:-2}
LEADER_EVERY=${LEADER_EVERY:-30}   # 0: no leader, to see the ledger under writes alone
PORT=${PORT:-18085}
OUT=${OUT:-docs/soak.md}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
source scripts/lib/bench-common.sh
release_binary
work_folder groundbreak-soak

DB="$WORK/province.sqlite"
export GROUNDBREAK_DATABASE_URL="sqlite:$DB" GROUNDBREAK_ATTACHMENTS_DIR="$WORK/attachments"
if [ -n "${SOURCE_DB:-}" ]; then
    cp "$SOURCE_DB" "$DB"
    PROJECTS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM projects")
else
    started=$(date +%s)
    "$BIN" demo --projects "$PROJECTS" 2>/dev/null | tail -n 1
    echo "loaded in $(( $(date +%s) - started )) s"
fi
GROUNDBREAK_NEW_PASSWORD='Kx9#Steady-2026' "$BIN" user add --username soak --name 浸泡测试 --admin >/dev/null
TOKEN=$("$BIN" user token --username soak --name soak | tail -n 1)
GROUNDBREAK_SCHEDULER_ENABLED=false "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
APP="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do curl -sf "$APP/healthz" >/dev/null && break; sleep 0.2; done

memory() { # RSS, private, anonymous, file-mapped, in MiB
    awk '/^Rss:/ {r=$2} /^Private_Clean:/ {pc=$2} /^Private_Dirty:/ {pd=$2} /^Anonymous:/ {a=$2}
         END {printf "%.0f %.0f %.0f %.0f", r/1024, (pc+pd)/1024, a/1024, (r-a)/1024}' "/proc/$SERVER_PID/smaps_rollup"
}
read -r rss private anon file <<< "$(memory)"
rows=("| 0 (idle, after start) | — | — | $rss | $private | $anon | $file |")
echo "idle: RSS $rss MiB, private $private MiB, anonymous $anon MiB, database file mapped $file MiB"

writer() {
    local n=0
    while :; do
        n=$((n + 1))
        curl -s -o /dev/null -m 10 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X POST "$APP/api/v1/projects" \
            -d "{\"name\":\"浸泡测试新建项目$n\",\"regionCode\":\"220104\",\"categoryCode\":\"IND-MFG\",\"investmentType\":\"enterprise\",\"totalInvestment\":100000000}" || true
        sleep "$WRITE_EVERY"
    done
}
leader() {
    while :; do
        curl -s -o /dev/null -m 120 -H "Authorization: Bearer $TOKEN" "$APP/api/v1/assessment" || true
        curl -s -o /dev/null -m 120 -H "Authorization: Bearer $TOKEN" "$APP/api/v1/warnings?page=$((RANDOM % 20 + 1))" || true
        sleep "$LEADER_EVERY"
    done
}
writer & WRITER=$!
LEADER=
[ "$LEADER_EVERY" != 0 ] && { leader & LEADER=$!; }
trap 'kill $WRITER ${LEADER:-} 2>/dev/null || true; bench_cleanup' EXIT

for minute in $(seq 1 "$MINUTES"); do
    report=$(ONE_PROJECT_SHARE=30 PROJECTS=$PROJECTS wrk -t2 -c"$CONNECTIONS" -d60s --latency -H "Authorization: Bearer $TOKEN" \
        -s scripts/lib/ledger-mix.lua "$APP/api/v1/projects")
    wrk_figures "$report"
    read -r rss private anon file <<< "$(memory)"
    echo "minute $minute: $WRK_RPS req/s, p99 $WRK_P99, non-2xx $WRK_ERRORS; RSS $rss MiB, private $private MiB, anonymous $anon MiB, database file mapped $file MiB"
    rows+=("| $minute | $WRK_RPS | $WRK_P99 | $rss | $private | $anon | $file |")
done
created=$(sqlite3 "$DB" "SELECT COUNT(*) FROM projects WHERE name LIKE '浸泡测试新建项目%'")

{
    echo "Written by \`scripts/soak.sh\`: a release server on SQLite with $PROJECTS projects (\`groundbreak demo\`: three years of"
    echo "monthly figures), the scheduler off. Load: wrk, $CONNECTIONS connections, 70 % the ledger list with a different filter"
    echo "on every request and 30 % one project by id; a writer creating a project every $WRITE_EVERY s ($created created), so"
    if [ "$LEADER_EVERY" != 0 ]; then
        echo "every cache keyed by a generation keeps turning over; a leader opening the ranking API and a page of the lights API"
        echo "every $LEADER_EVERY s."
    else
        echo "every cache keyed by a generation keeps turning over; no leader."
    fi
    echo "Memory from \`/proc/PID/smaps_rollup\` after each minute, in MiB: private = Private_Clean + Private_Dirty;"
    echo "anonymous is the process's own heap; \"file\" is SQLite's database file mapped into the process (RSS − anonymous),"
    echo "which the kernel reclaims under pressure."
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk and the server share them"
    echo
    echo "| minute | requests/s | p99 | RSS | private | anonymous | file |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Reproduce: \`scripts/soak.sh\` (variables: PROJECTS, SOURCE_DB, MINUTES, CONNECTIONS, WRITE_EVERY, LEADER_EVERY)."
} | write_generated "$OUT" scripts/soak.sh "# Memory under a 10-minute soak"
echo "written to $OUT"
