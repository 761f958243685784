#!/usr/bin/env bash
# Benchmarks on SQLite and PostgreSQL, one suite of URLs at a time:
#   ledger     the ledger list (GET /api/v1/projects) at province scale → docs/performance.md
#   approvals  the approval queue, analytics and a project's approvals at city scale → docs/performance-approvals.md
#   dashboards the pages leaders read (home, big screen, ranking, statistics, lights) at province scale → docs/performance-dashboards.md
#
# Loads `groundbreak demo --projects $PROJECTS` into a fresh database for each engine, starts a
# release server on loopback, signs in, and drives each URL with wrk. Figures go to the suite's
# file (overwritten). Needs wrk (Debian: wrk) and PostgreSQL server binaries.
#
#   scripts/bench.sh                        # ledger: 100,000 projects, 32 connections, 30 s per URL
#   scripts/bench.sh approvals              # approvals: 2,000 projects (a city's year)
#   PROJECTS=20000 DURATION=10s scripts/bench.sh ledger
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=${1:-ledger}
case $SUITE in
ledger) PROJECTS=${PROJECTS:-100000}; OUT=${OUT:-docs/performance.md}; TITLE="# Performance" ;;
approvals) PROJECTS=${PROJECTS:-2000}; OUT=${OUT:-docs/performance-approvals.md}; TITLE="# Performance: approvals" ;;
dashboards) PROJECTS=${PROJECTS:-100000}; OUT=${OUT:-docs/performance-dashboards.md}; TITLE="# Performance: the pages leaders read" ;;
*) echo "unknown suite $SUITE (ledger, approvals or dashboards)"; exit 2 ;;
esac
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
ENGINES=${ENGINES:-"sqlite postgres"}

command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
source scripts/lib/bench-common.sh
release_binary
work_folder groundbreak-bench

if [ "$SUITE" = ledger ]; then
URLS=(
    "/api/v1/projects?region=220104&stage=construction&perPage=20|一个区在建项目，每页20条"
    "/api/v1/projects?perPage=50|全部项目第一页（合计覆盖全部10万条）"
    "/api/v1/projects?sizeBand=Y10&category=IND&sort=plannedStart&order=asc&perPage=50|10亿元以上产业项目，按计划开工排序"
    "/api/v1/projects?q=%E6%B1%BD%E8%BD%A6&perPage=20|关键字“汽车”全文匹配"
    "random|每次不同的投资下限筛选（缓存全不命中）"
    "mixed|每次不同的区域、阶段、排序、页码与投资下限组合（缓存全不命中）"
    "snapshot|读入图表快照（任何领导页面首次打开时读入；此后台账页的行取自快照）"
    "random|每次不同的投资下限筛选（缓存全不命中，快照已读入）"
    "mixed|每次不同的区域、阶段、排序、页码与投资下限组合（缓存全不命中，快照已读入）"
    "oneproject|一个项目（同一个项目反复读取，快照已读入）"
)
elif [ "$SUITE" = dashboards ]; then
URLS=(
    "/|首页（工作台）"
    "/screen|大屏"
    "/assessment|考核排名（县区）"
    "/api/v1/assessment|考核排名 API"
    "/statistics|统计（推进情况）"
    "/warnings|红黄绿灯预警"
    "/api/v1/warnings|红黄绿灯预警 API"
    "/approvals/analytics|审批效能分析"
    "/api/v1/approvals/analytics|审批效能分析 API（第一页）"
    "/targets|目标与序时进度（全市）"
    "/reports|月报看板（上月）"
)
else
URLS=(
    "/api/v1/approvals?perPage=50|全市待办审批事项，按办结期限排序，第一页"
    "/api/v1/approvals?department=CC-ZRZY&state=overdue|一个审批部门的超时事项"
    "/approvals?department=CC-ZJJ|一个审批部门的待办页面"
    "/api/v1/approvals/analytics|审批效能分析：部门排名、项目用时、全市51个工作日占比"
    "/approvals/analytics|审批效能分析页面"
    "project|一个项目的审批进度页（含倒排工期）"
)
fi

# Every request a different filter, so neither the ledger cache nor the response cache helps.
cat > "$WORK/random.lua" <<'LUA'
request = function()
  return wrk.format(nil, "/api/v1/projects?perPage=20&minWan=" .. math.random(1, 3000000))
end
LUA

# wrk's 95th percentile and how many answers said their figures lagged (Groundbreak-Figures-Lag).
# Each wrk thread counts in its own Lua state; `done` runs in another and sums them.
cat > "$WORK/lagged.lua" <<'LUA'
local threads = {}
setup = function(thread) table.insert(threads, thread) end
lagged = 0
response = function(status, headers, body)
  if headers["Groundbreak-Figures-Lag"] or headers["groundbreak-figures-lag"] then lagged = lagged + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("lagged") end
  io.write(string.format("P95 %.2fms\n", latency:percentile(95) / 1000))
  io.write(string.format("LAGGED %d of %d\n", total, summary.requests))
end
LUA

# sign_in ENGINE USERNAME: the session cookie's value.
sign_in() {
    local jar="$WORK/cookies-$1-$2" token
    token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"//')
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "username=$2" \
        --data-urlencode 'password=Wrk#Load2026' "http://127.0.0.1:$PORT/login"
    awk '$6 == "gb_session" {print $7}' "$jar"
}

results=()

run_engine() {
    local engine=$1 url=$2
    echo "== $engine: loading $PROJECTS demo projects"
    local started=$(date +%s)
    "$BIN" demo --database "$url" --projects "$PROJECTS" | tail -n 1
    local load_seconds=$(( $(date +%s) - started ))
    GROUNDBREAK_NEW_PASSWORD='Wrk#Load2026' "$BIN" user add --database "$url" --username bench --name 压测 --admin >/dev/null
    local api_token
    api_token=$("$BIN" user token --database "$url" --username bench --name bench | tail -n 1)
    # The scheduler's daily jobs (a day's lights for every project) would run during the first URL.
    GROUNDBREAK_SCHEDULER_ENABLED=false GROUNDBREAK_BCRYPT_COST=4 "$BIN" serve --database "$url" --port "$PORT" >"$WORK/server-$engine.log" 2>&1 &
    SERVER_PID=$!
    wait_for_server
    local session reader
    session=$(sign_in "$engine" bench)
    [ -n "$session" ] || { echo "sign-in failed"; cat "$WORK/server-$engine.log"; exit 1; }
    # A second leader, who makes no change: what everyone but the writer is answered after one.
    GROUNDBREAK_NEW_PASSWORD='Wrk#Load2026' "$BIN" user add --database "$url" --username bench-reader --name 压测读者 --admin >/dev/null
    reader=$(sign_in "$engine" bench-reader)
    # RSS counts SQLite's mapped database file; anonymous memory is the process's own.
    anon_kib() { awk '/^Anonymous:/ {print $2}' "/proc/$SERVER_PID/smaps_rollup"; }
    local rss_before anon_before
    rss_before=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
    anon_before=$(anon_kib)
    for entry in "${URLS[@]}"; do
        local path=${entry%%|*} label=${entry#*|}
        local first="" script=()
        if [ "$SUITE" = dashboards ]; then
            # First one request at a time: the first computes the page's figures (once per
            # FiguresGeneration), the next five read them from memory. Then $CONNECTIONS at once
            # for $DURATION on the same page (readers asking while it is computed wait for that one
            # computation, so this no longer holds gigabytes as it did before the figure caches).
            echo "== $engine: $label"
            local times=()
            for _ in 1 2 3 4 5 6; do
                times+=("$(curl -s -m 300 -o /dev/null -w '%{time_total}' -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT$path")")
            done
            local sorted
            sorted=$(printf '%s\n' "${times[@]:1}" | sort -n)
            local median max
            median=$(echo "$sorted" | sed -n 3p | awk '{printf "%.0fms", $1 * 1000}')
            max=$(echo "$sorted" | tail -n 1 | awk '{printf "%.0fms", $1 * 1000}')
            first=$(echo "${times[0]}" | awk '{printf "%.0fms", $1 * 1000}')
            echo "first $first, then median $median, slowest $max"
            wrk_figures "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT$path")"
            echo "$CONNECTIONS at once: $WRK_RPS req/s, p99 $WRK_P99"
            RPS_QUIET=$WRK_RPS P99_QUIET=$WRK_P99
            # After a change (a project created through the API by the bench account): the other
            # leader is answered the figures already computed (at most GROUNDBREAK_FIGURES_MAX_LAG
            # old) while the newest are computed in the background; the writer waits for those.
            create() {
                curl -s -o /dev/null -m 30 -H "Authorization: Bearer $api_token" -H 'Content-Type: application/json' -X POST \
                    "http://127.0.0.1:$PORT/api/v1/projects" \
                    -d '{"name":"压测变更后项目","regionCode":"220104","categoryCode":"IND-MFG","investmentType":"enterprise","totalInvestment":100000000}'
            }
            local other changed
            # The other leader has opened the page before (home and screen figures are per reader).
            curl -s -m 300 -o /dev/null -H "Cookie: gb_session=$reader" "http://127.0.0.1:$PORT$path"
            create
            other=$(curl -s -m 300 -o /dev/null -w '%{time_total}' -H "Cookie: gb_session=$reader" "http://127.0.0.1:$PORT$path" | awk '{printf "%.0fms", $1 * 1000}')
            curl -s -m 300 -o /dev/null -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT$path"  # the background computation's end
            create
            changed=$(curl -s -m 300 -o /dev/null -w '%{time_total}' -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT$path" | awk '{printf "%.0fms", $1 * 1000}')
            echo "after a change: another leader $other, the writer $changed"
            # The other leader's $CONNECTIONS connections while a project is created every second.
            ( while :; do create; sleep 1; done ) &
            local writer=$! report p95 lagged
            report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/lagged.lua" -H "Cookie: gb_session=$reader" "http://127.0.0.1:$PORT$path")
            kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null || true
            wrk_figures "$report"
            p95=$(echo "$report" | awk '$1 == "P95" {print $2}')
            lagged=$(echo "$report" | awk '$1 == "LAGGED" {print $2 " of " $4}')
            # Requests past wrk's 2 s timeout are left out of its percentiles: say how many.
            local timeouts
            timeouts=$(echo "$report" | { grep -o "timeout [0-9]*" || true; } | awk '{print $2}')
            [ "${timeouts:-0}" = 0 ] || lagged="$lagged; $timeouts timed out (> 2 s)"
            echo "$CONNECTIONS at once, a change a second: $WRK_RPS req/s, p95 $p95, p99 $WRK_P99, lagging answers $lagged"
            results+=("| $engine | $label | \`$path\` | $first | $median | $max | $RPS_QUIET | $P99_QUIET | $other | $changed | $WRK_RPS | $p95 | $WRK_P99 | $lagged |")
            continue
        fi
        if [ "$path" = snapshot ]; then
            # The figures' snapshot is read by the first figure page after start (the home page's
            # tiles, the lights); the ledger then takes its page's rows from it.
            local took
            took=$(curl -s -m 600 -o /dev/null -w '%{time_total}' -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT/api/v1/warnings" | awk '{printf "%.1fs", $1}')
            echo "== $engine: $label: $took"
            results+=("| $engine | $label | \`/api/v1/warnings\` | $took | | | | |")
            continue
        fi
        if [ "$path" = random ]; then
            script=(-s "$WORK/random.lua")
            path="/api/v1/projects?perPage=20&minWan=<随机>"
        elif [ "$path" = mixed ]; then
            # What officials combine: a region (or the city), a stage (or none), a sort and direction, a page.
            script=(-s scripts/lib/ledger-mix.lua)
            path="/api/v1/projects?region=<随机>&stage=<随机>&sort=<随机>&order=<随机>&page=<1–5>&minWan=<随机>"
        else
            if [ "$path" = oneproject ]; then
                path="/api/v1/projects/$(curl -sf -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT/api/v1/projects?perPage=1&sort=name" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)"
            fi
            if [ "$path" = project ]; then
                local project
                project=$(curl -sf -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT/api/v1/approvals?perPage=1" | grep -o '"projectId":[0-9]*' | head -n 1 | cut -d: -f2)
                path="/projects/$project/approvals"
            fi
            # The first request after start meets empty caches.
            first=$(curl -sf -o /dev/null -w '%{time_total}' -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT$path" | awk '{printf "%.1fms", $1 * 1000}')
        fi
        echo "== $engine: $label"
        local report
        report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" -H "Cookie: gb_session=$session" "http://127.0.0.1:$PORT${path%%<*}")
        echo "$report" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
        wrk_figures "$report"
        results+=("| $engine | $label | \`$path\` | ${first:-—} | $WRK_RPS | $WRK_P50 | $WRK_P99 | $WRK_ERRORS |")
    done
    local rss_after anon_after
    rss_after=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
    anon_after=$(anon_kib)
    results+=("| $engine | 载入 $PROJECTS 个项目用时 ${load_seconds}s；服务进程内存 RSS $((rss_before / 1024)) → $((rss_after / 1024)) MiB，其中进程自有（匿名）$((anon_before / 1024)) → $((anon_after / 1024)) MiB | | | | | | |")
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

for engine in $ENGINES; do
    case $engine in
    sqlite)
        run_engine sqlite "sqlite:$WORK/bench.sqlite"
        ;;
    postgres)
        start_postgres 25432 bench || continue
        run_engine postgres "postgres://postgres@127.0.0.1:25432/bench"
        ;;
    esac
done

{
    if [ "$SUITE" = ledger ]; then
    echo "Measured by \`scripts/bench.sh ledger\` (wrk on loopback, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per URL,"
    echo "release build, $PROJECTS demo projects). Aim: p99 under 20 ms at 32 connections."
    echo
    echo "Repeated identical reads are served from two caches that live until the next change to any"
    echo "project (ledger generation, bumped in the same transaction as the change): the per-stage totals"
    echo "of a filtered set (Store) and the encoded response (Web). \"first request\" is the same URL with"
    echo "empty caches; the last two rows of each engine send a different filter on every request, so"
    echo "neither cache helps. Those are answered by the ledger index (\`LedgerIndex\`): every project's"
    echo "filterable columns in memory for the current ledger generation; a region (or a district's own"
    echo "scope), stage and investment range summed from groups kept in investment order (\`LedgerBuckets\`),"
    echo "any other filter in one pass over every row; the page's rows from the figures' snapshot when it is"
    echo "held at the same generation (read by the first figure page after start; the rows before it are"
    echo "without), else from SQL. After any change the list answers from SQL until the index has caught up in"
    echo "the background, so no answer is older than the data. RSS includes SQLite's mapped database file;"
    echo "the anonymous figure is the process's own."
    elif [ "$SUITE" = dashboards ]; then
    echo "Measured by \`scripts/bench.sh dashboards\` (curl on loopback, release build, $PROJECTS demo projects with three years"
    echo "of monthly figures, signed in as an administrator who sees everything)."
    echo "Each page is asked for six times, one request at a time: the first after start computes its figures, the next"
    echo "five read them from memory (cached per FiguresGeneration: every audited change moves it). Then $CONNECTIONS"
    echo "connections ask for the same page for $DURATION with wrk. The aim is p95 under 50 ms. Then a project is created"
    echo "through the API and another leader asks for the page (answered the figures already computed, at most"
    echo "\`GROUNDBREAK_FIGURES_MAX_LAG\` old, while the newest are computed in the background); another is created and its"
    echo "writer asks (the writer waits for the newest: the time to compute the page's figures after a change). Last, the other"
    echo "leader's $CONNECTIONS connections for $DURATION while the writer creates a project every second; \"lagging\" counts the"
    echo "answers that said their figures were older than the data (\`Groundbreak-Figures-Lag\`)."
    else
    echo "Measured by \`scripts/bench.sh approvals\` (wrk on loopback, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per URL,"
    echo "release build, $PROJECTS demo projects with their approval histories, signed in as an administrator who sees the whole city)."
    echo "The queue and the analytics are computed once per caller reach, day and ledger generation (every approval event bumps it)"
    echo "and then served from memory; \"first request\" is each row's first (an earlier row may already have filled the cache it shares)."
    echo "A project's approvals tab is computed afresh on every request."
    fi
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB; wrk runs on the same machine"
    echo
    if [ "$SUITE" = dashboards ]; then
    echo "| engine | page | path | first request | median of the next five | slowest of the five | $CONNECTIONS at once: req/s | p99 | after a change: another leader | its writer | $CONNECTIONS at once, a change a second: req/s | p95 | p99 | lagging answers |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    else
    echo "| engine | request | path | first request | requests/s | p50 | p99 | non-2xx |"
    echo "|---|---|---|---|---|---|---|---|"
    fi
    printf '%s\n' "${results[@]}"
    echo
    if [ "$SUITE" = ledger ]; then
    echo "Before the ledger index (commit 29b0853, 2026-11-23, same machine and script, 20 s per URL), a different"
    echo "investment floor on every request gave 243.16 req/s (p99 162.45 ms) on SQLite and 355.37 req/s (p99 133.82 ms)"
    echo "on PostgreSQL: the totals were a scan of the filtered set in SQL. With the index alone (commit 65722e7) the"
    echo "totals were a pass over memory and the rows SQL reads: 642–702 req/s on SQLite, 437–504 on PostgreSQL, p99"
    echo "66–98 ms. Then the region-and-stage groups, the rows from the figures' snapshot, each project's JSON written"
    echo "straight to bytes (\`JSONStream\`), and the query decoded on its bytes (2026-12-01, morning); then (evening) a"
    echo "project and its page written by hand (\`JSONWritable\`, byte for byte the synthesised encoding) instead of kept"
    echo "per version, a filter the groups answer without the page cache's key, and a token's minute noted once instead"
    echo "of by every request in flight."
    echo
    echo "Beside a widely used tracker holding the same 100,000-row ledger (a filtered list page, one record, a create, in"
    echo "one run): \`docs/performance-peer.md\` (\`scripts/bench-peer.sh\`). Writes under load: \`docs/performance-writes.md\`."
    echo
    fi
    echo "Reproduce: \`scripts/bench.sh $SUITE\` (variables: PROJECTS, DURATION, CONNECTIONS, ENGINES)."
} | write_generated "$OUT" "scripts/bench.sh $SUITE" "$TITLE"
