#!/usr/bin/env bash
# Fault drill (issue 18): kill -9 during the commit of a monthly-figures import, on SQLite or on
# PostgreSQL (ENGINE=postgres: a private cluster on loopback).
#
# Loads a demo city, writes a monthly-figures file of up to 10,000 rows for it (the reports as
# stored, the next month's and corrections), times a dry run (the preview), then runs the
# committing import and kills it with SIGKILL a little after its preview, in the middle of the one
# transaction that writes every row. Checks that
#   - nothing of the file is in the database: the reports, their audit rows and the import records
#     are exactly as before (all or nothing);
#   - SQLite: PRAGMA integrity_check says ok; PostgreSQL: amcheck finds every B-tree index of the
#     schema consistent with its table;
#   - the same import run again to the end writes the whole file, recorded once.
# The import's process is killed rather than a server's: it runs the same Store code in the
# same transaction. Bounded in time; loopback only.
#
#   scripts/fault-kill-import.sh                 # 3,000 demo projects
#   PROJECTS=10000 scripts/fault-kill-import.sh
#   ENGINE=postgres scripts/fault-kill-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECTS=${PROJECTS:-3000}
AFTER_PREVIEW=${AFTER_PREVIEW:-0.5}
PORT_PG=${PORT_PG:-25436}
source scripts/lib/drill-common.sh
drill_setup

WORK=$(mktemp -d /tmp/groundbreak-killimport.XXXXXX)
IMPORT_PID=""
cleanup() {
    [ -n "$IMPORT_PID" ] && kill -9 "$IMPORT_PID" 2>/dev/null || true
    drill_stop_postgres
    rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM
drill_database
"$BIN" demo --projects "$PROJECTS" > "$WORK/demo.log" 2>&1

csv_rows "SELECT p.code, r.dispatch_yuan, r.status FROM monthly_reports r JOIN projects p ON p.id = r.project_id WHERE r.month = '2026-10' AND p.code IS NOT NULL" > "$WORK/october.csv"
python3 - "$WORK/october.csv" "$WORK/monthly.csv" <<'PY'
import csv, sys
october = [(code, int(dispatch), status) for code, dispatch, status in csv.reader(open(sys.argv[1], encoding="utf-8"))]
rows = []
for code, dispatch, _ in october:
    rows.append([code, "2026-11", f"{dispatch / 10000:.2f}", "", "11月形象进度"])
for code, dispatch, status in october:
    if status == "submitted":
        rows.append([code, "2026-10", "", f"{dispatch * 0.9 / 10000:.2f}", ""])
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["投资项目统一代码", "月份", "当月完成投资（调度口径，万元）", "当月完成投资（统计口径，万元）", "形象进度"])
    out.writerows(rows[:10000])
PY
ROWS=$(($(wc -l < "$WORK/monthly.csv") - 1))

state() {
    value "SELECT (SELECT COUNT(*) FROM monthly_reports) || ' reports, ' || (SELECT COALESCE(SUM(version), 0) FROM monthly_reports) || ' versions, ' || (SELECT COUNT(*) FROM audit_log WHERE entity = 'monthly_report') || ' audit rows, ' || (SELECT COUNT(*) FROM imports) || ' imports'"
}
before=$(state)

started=$(date +%s.%N)
"$BIN" import --monthly "$WORK/monthly.csv" > "$WORK/dry.log" 2>&1
preview=$(echo "$(date +%s.%N) - $started" | bc)
[ "$(state)" = "$before" ] || { echo "the dry run changed the database"; exit 1; }

"$BIN" import --monthly --commit "$WORK/monthly.csv" > "$WORK/commit.log" 2>&1 &
IMPORT_PID=$!
sleep "$(echo "$preview + $AFTER_PREVIEW" | bc)"
if ! kill -0 "$IMPORT_PID" 2>/dev/null; then
    echo "the import finished before the kill (raise PROJECTS or lower AFTER_PREVIEW)"; exit 1
fi
kill -9 "$IMPORT_PID"
wait "$IMPORT_PID" 2>/dev/null || true
IMPORT_PID=""
after_kill=$(state)
integrity=$(drill_integrity)

started=$(date +%s.%N)
"$BIN" import --monthly --commit "$WORK/monthly.csv" > "$WORK/again.log" 2>&1
whole=$(echo "$(date +%s.%N) - $started" | bc)
after_again=$(state)
imports_again=$(value "SELECT COUNT(*) FROM imports")
imports_before=$(echo "$before" | sed 's/.* \([0-9]*\) imports$/\1/')

echo "$ENGINE; file: $ROWS rows for $PROJECTS demo projects; preview took $(printf '%.1f' "$preview") s; killed $AFTER_PREVIEW s into the commit"
echo "before:           $before"
echo "after the kill:   $after_kill"
echo "integrity_check:  $integrity"
echo "after a full run: $after_again (it took $(printf '%.1f' "$whole") s: the kill came $(printf '%.1f' "$(echo "$whole - $preview - $AFTER_PREVIEW" | bc)") s before its end)"
ok=0
[ "$after_kill" = "$before" ] || { echo "FAIL: the killed import left part of itself"; ok=1; }
[[ "$integrity" == ok* ]] || { echo "FAIL: integrity"; ok=1; }
# The kill must have come after the preview and before the end, i.e. inside the commit.
[ "$(echo "$whole > $preview + $AFTER_PREVIEW + 0.3" | bc)" = 1 ] || { echo "FAIL: the kill may not have come during the commit"; ok=1; }
[ "$after_again" != "$before" ] && [ "$imports_again" = $((imports_before + 1)) ] || { echo "FAIL: the import run again did not write the file once"; tail -n 5 "$WORK/again.log"; ok=1; }
[ "$ok" = 0 ] && echo "drill passed" || echo "drill FAILED"
exit $ok
