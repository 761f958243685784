#!/usr/bin/env bash
# Times the monthly-figures import (issue 18's target: 10,000 rows committed in under 3 s) on
# SQLite: a demo city, a file of up to 10,000 rows for it (next month's figures for every coded
# project, then the statistical figure for this month's sent reports), a dry run (the preview) and
# a committing run, each on a fresh copy of the same database. BIN=… times another build; BEFORE=…
# times a second binary on the same copies for a before and after. PG=postgres://user@host:port
# (a server the user may create databases on) times PostgreSQL instead: the demo city is loaded
# into a database used as the template of each run's fresh copy (the file is made from the SQLite
# city all the same: the demo is the same on both engines). Figures to stdout and $OUT.
#
#   PROJECTS=10000 scripts/bench-import.sh
#   BEFORE=/tmp/gb-old PROJECTS=10000 scripts/bench-import.sh
#   PG=postgres://postgres@127.0.0.1:25440 BIN=… scripts/bench-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-10000}
source scripts/lib/release-binary.sh
release_binary
WORK=$(mktemp -d /tmp/groundbreak-benchimport.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export GROUNDBREAK_ATTACHMENTS_DIR="$WORK/attachments"
GROUNDBREAK_DATABASE_URL="sqlite:$WORK/city.sqlite" "$BIN" demo --projects "$PROJECTS" > "$WORK/demo.log" 2>&1
if [ -n "${PG:-}" ]; then
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS bench_import_city" -c "CREATE DATABASE bench_import_city"
    GROUNDBREAK_DATABASE_URL="$PG/bench_import_city" "$BIN" demo --projects "$PROJECTS" > "$WORK/demo-pg.log" 2>&1
fi

python3 - "$WORK/city.sqlite" "$WORK/monthly.csv" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
last = db.execute("SELECT MAX(month) FROM monthly_reports").fetchone()[0]
year, month = map(int, last.split("-"))
following = f"{year + (month == 12)}-{month % 12 + 1:02d}"
query = "SELECT p.code, r.dispatch_yuan, r.status FROM monthly_reports r JOIN projects p ON p.id = r.project_id WHERE r.month = ? AND p.code IS NOT NULL"
rows = [[code, following, f"{dispatch / 10000:.2f}", "", "形象进度"] for code, dispatch, _ in db.execute(query, (last,))]
rows += [[code, last, "", f"{dispatch * 0.9 / 10000:.2f}", ""] for code, dispatch, status in db.execute(query, (last,)) if status == "submitted"]
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["投资项目统一代码", "月份", "当月完成投资（调度口径，万元）", "当月完成投资（统计口径，万元）", "形象进度"])
    out.writerows(rows[:10000])
PY
ROWS=$(($(wc -l < "$WORK/monthly.csv") - 1))

measure() { # measure <label> <binary>
    if [ -n "${PG:-}" ]; then
        psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS bench_import_run" -c "CREATE DATABASE bench_import_run TEMPLATE bench_import_city"
        export GROUNDBREAK_DATABASE_URL="$PG/bench_import_run"
    else
        cp "$WORK/city.sqlite" "$WORK/run.sqlite"
        export GROUNDBREAK_DATABASE_URL="sqlite:$WORK/run.sqlite"
    fi
    local started preview whole written
    started=$(date +%s.%N)
    "$2" import --monthly "$WORK/monthly.csv" > "$WORK/dry.log" 2>&1
    preview=$(echo "$(date +%s.%N) - $started" | bc)
    started=$(date +%s.%N)
    "$2" import --monthly --commit "$WORK/monthly.csv" > "$WORK/commit.log" 2>&1 || { tail -n 5 "$WORK/commit.log"; exit 1; }
    whole=$(echo "$(date +%s.%N) - $started" | bc)
    local count="SELECT COUNT(*) FROM audit_log WHERE entity = 'monthly_report'"
    if [ -n "${PG:-}" ]; then written=$(psql "$PG/bench_import_run" -Atc "$count"); else written=$(sqlite3 "$WORK/run.sqlite" "$count"); fi
    printf '| %s | %d | %.2f s | %.2f s | %.2f s | %s |\n' "$1" "$ROWS" "$preview" "$whole" "$(echo "$whole - $preview" | bc)" "$written"
}
{
    echo "Monthly import, $([ -n "${PG:-}" ] && echo PostgreSQL || echo SQLite), $PROJECTS demo projects, $(date -u +%F), $(git rev-parse --short HEAD 2>/dev/null)"
    echo
    echo "| build | rows | dry run (read, check, preview) | commit run (the same, then write) | the write alone | report audit rows after |"
    echo "|---|---|---|---|---|---|"
    [ -n "${BEFORE:-}" ] && measure "before ($BEFORE)" "$BEFORE"
    measure "$BIN" "$BIN"
} | tee -a "${OUT:-/dev/null}"
