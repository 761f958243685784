#!/usr/bin/env bash
# The figures a writer waits for after a change, at province scale with its months closed, as a
# province runs: a demo province (three years of reports) whose months through October are closed
# (22 months, 1.15 million frozen figures; October through the API, as the centre closes a month,
# so its assessment tables are frozen and November's ranking reads them for the change of rank),
# then for each build, in turns, the first request to each page below after a start, and each of
# them after a project is created (three rounds).
# The demo never closes a month, so the other benches measure a province that has never had a
# month-end. Figures go to $OUT (overwritten).
#
#   scripts/bench-closed-months.sh                                     # this build, both engines
#   BEFORE=/tmp/groundbreak-before ENGINES=postgres scripts/bench-closed-months.sh
#   ONLY='home|board' OUT=/tmp/home.md scripts/bench-closed-months.sh              # some pages only
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-100000}
PORT=${PORT:-18095}
PG_PORT=${PG_PORT:-25437}
ENGINES=${ENGINES:-"sqlite postgres"}
ROUNDS=${ROUNDS:-2}
OUT=${OUT:-docs/closed-months.md}
# label|path: the figures a writer may wait for after a change.
PAGES=("ranking|/api/v1/assessment" "lights|/api/v1/warnings" "district targets|/api/v1/targets?unit=region:220104"
       "approval analytics|/api/v1/approvals/analytics" "statistics|/api/v1/statistics/paragraph" "big screen|/screen"
       "home, the centre's|/" "report board|/reports")
# ONLY='home|board' measures only the pages whose label matches (an extended regular expression).
if [ -n "${ONLY:-}" ]; then
    chosen=()
    for page in "${PAGES[@]}"; do [[ "${page%%|*}" =~ $ONLY ]] && chosen+=("$page"); done
    PAGES=("${chosen[@]}")
fi

source scripts/lib/bench-common.sh
release_binary
work_folder groundbreak-closed
builds=("this|$BIN")
[ -n "${BEFORE:-}" ] && builds=("before|$BEFORE" "${builds[@]}")

# What a close writes (`MonthCloseRepository.close`) but the assessment tables, for every month
# from the first report through September: minutes of SQL instead of an hour of closes.
CLOSE_SQL="INSERT INTO month_closes (month, closed_at, closed_by) SELECT DISTINCT month, '2026-12-01T00:00:00.000Z', 'bench' FROM monthly_reports WHERE month <= '2026-09';
INSERT INTO report_snapshots (month, project_id, dispatch_yuan, statistical_yuan, progress_percent, status)
SELECT month, project_id, dispatch_yuan, statistical_yuan, progress_percent, status FROM monthly_reports WHERE month <= '2026-09';"

# close_october URL: October closed through the API by this build, its tables frozen as the close freezes them.
close_october() {
    local url=$1 token
    GROUNDBREAK_NEW_PASSWORD='Wrk#Load2026' "$BIN" user add --database "$url" --username closer --name 关账 --admin >/dev/null
    token=$("$BIN" user token --database "$url" --username closer --name closer | tail -n 1)
    GROUNDBREAK_SCHEDULER_ENABLED=false "$BIN" serve --database "$url" --port "$PORT" >"$WORK/close.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server
    curl -sf -m 900 -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -X POST \
        "http://127.0.0.1:$PORT/api/v1/reports/close" -d '{"month":"2026-10"}' || { echo "closing 2026-10 failed" >&2; exit 1; }
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

# measure LABEL URL: the server of the build in $RUN_BIN on URL; the seconds each page takes.
measure() {
    local label=$1 url=$2 token
    GROUNDBREAK_NEW_PASSWORD='Wrk#Load2026' "$RUN_BIN" user add --database "$url" --username bench --name 压测 --admin >/dev/null
    token=$("$RUN_BIN" user token --database "$url" --username bench --name bench | tail -n 1)
    GROUNDBREAK_SCHEDULER_ENABLED=false GROUNDBREAK_BCRYPT_COST=4 "$RUN_BIN" serve --database "$url" --port "$PORT" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server
    get() { curl -s -m 600 -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT$1"; }
    create() {
        curl -s -o /dev/null -m 60 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$PORT/api/v1/projects" \
            -d '{"name":"关账后新建项目","regionCode":"220104","categoryCode":"IND-MFG","investmentType":"enterprise","totalInvestment":100000000}'
    }
    local row="| $label |"
    for page in "${PAGES[@]}"; do row="$row $(get "${page#*|}" | awk '{printf "%.2f s", $1}') |"; done
    for page in "${PAGES[@]}"; do
        local times=()
        for _ in 1 2 3; do create; times+=("$(get "${page#*|}")"); done
        row="$row $(printf '%s\n' "${times[@]}" | sort -n | awk 'NR == 1 {low = $1} END {printf "%.2f–%.2f s", low, $1}') |"
    done
    row="$row $(( $(awk '/^Anonymous:/ {print $2}' "/proc/$SERVER_PID/smaps_rollup") / 1024 )) MiB |"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
    echo "$row" | tee -a "$WORK/rows.md"
}

for engine in $ENGINES; do
    if [ "$engine" = sqlite ]; then
        "$BIN" demo --database "sqlite:$WORK/province.sqlite" --projects "$PROJECTS" >/dev/null 2>&1
        sqlite3 "$WORK/province.sqlite" "BEGIN; $CLOSE_SQL COMMIT;"
        close_october "sqlite:$WORK/province.sqlite"
        # Into the main file: each run copies that file alone.
        sqlite3 "$WORK/province.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    else
        start_postgres "$PG_PORT" province || continue
        "$BIN" demo --database "postgres://postgres@127.0.0.1:$PG_PORT/province" --projects "$PROJECTS" >/dev/null 2>&1
        pg_sql "$PG_PORT" province "$CLOSE_SQL" >/dev/null
        close_october "postgres://postgres@127.0.0.1:$PG_PORT/province"
        pg_sql "$PG_PORT" province "ANALYZE" >/dev/null
    fi
    for round in $(seq 1 "$ROUNDS"); do
        for build in "${builds[@]}"; do
            RUN_BIN=${build#*|}
            if [ "$engine" = sqlite ]; then
                cp "$WORK/province.sqlite" "$WORK/run.sqlite"; rm -f "$WORK/run.sqlite-wal" "$WORK/run.sqlite-shm"
                measure "$engine, ${build%%|*}, round $round" "sqlite:$WORK/run.sqlite"
            else
                pg_sql "$PG_PORT" postgres "DROP DATABASE IF EXISTS run" >/dev/null 2>&1
                pg_sql "$PG_PORT" postgres "CREATE DATABASE run TEMPLATE province" >/dev/null
                measure "$engine, ${build%%|*}, round $round" "postgres://postgres@127.0.0.1:$PG_PORT/run"
            fi
        done
    done
    [ "$engine" = postgres ] && { pg_stop "$PG_DATA"; PG_DATA=""; }
done

{
    echo "# The writer's wait at province scale with its months closed"
    echo
    echo "Measured by \`scripts/bench-closed-months.sh\` (release builds, $PROJECTS demo projects with three years of"
    echo "reports, every month through 2026-10 closed: 22 months, through 2026-09 the close's own rows written by SQL,"
    echo "2026-10 closed through the API so its assessment tables are frozen as a close freezes them). Each row is"
    echo "one server started on a fresh copy: the first request to each page after the start (the first reads the"
    echo "figures' snapshot), then each page right after a project is created through the API, three times (the"
    echo "writer waits for the figures that include the write), and the process's anonymous memory at the end."
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD)"
    echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "- builds: this \`$BIN\`${BEFORE:+; before \`$BEFORE\`}"
    echo
    header="| engine, build |" rule="|---|"
    for page in "${PAGES[@]}"; do header="$header ${page%%|*}, first |"; rule="$rule---|"; done
    for page in "${PAGES[@]}"; do header="$header ${page%%|*} after a create |"; rule="$rule---|"; done
    echo "Pages: $(for page in "${PAGES[@]}"; do printf '%s `%s`; ' "${page%%|*}" "${page#*|}"; done)"
    echo
    echo "$header memory |"
    echo "$rule---|"
    cat "$WORK/rows.md"
} > "$OUT"
echo "wrote $OUT"
