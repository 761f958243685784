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
AFTER_PREVIEW=${AFTER_PREVIEW:-1.5}
ENGINE=${ENGINE:-sqlite}
PORT_PG=${PORT_PG:-55436}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true)
case "$ENGINE" in
    sqlite) command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)"; exit 1; } ;;
    postgres) [ -n "$PG_BIN" ] || { echo "PostgreSQL server binaries are needed"; exit 1; } ;;
    *) echo "ENGINE is sqlite or postgres"; exit 1 ;;
esac
if [ -z "${BIN:-}" ]; then
    swift build --product groundbreak > /tmp/groundbreak-fault-build.log 2>&1 || { cat /tmp/groundbreak-fault-build.log; exit 1; }
    BIN=$(swift build --show-bin-path)/groundbreak
fi

WORK=$(mktemp -d /tmp/groundbreak-killimport.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
IMPORT_PID=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    [ -n "$IMPORT_PID" ] && kill -9 "$IMPORT_PID" 2>/dev/null || true
    [ "$ENGINE" = postgres ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM

DB="$WORK/city.sqlite"
if [ "$ENGINE" = postgres ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$WORK" "$PG_DATA"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -o "-p $PORT_PG -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
    as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT_PG" -U postgres -qc "CREATE DATABASE drill" >/dev/null
    export GROUNDBREAK_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT_PG/drill"
    value() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT_PG" -U postgres -d drill -Atc "$1"; }
    csv_rows() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT_PG" -U postgres -d drill -Atc "COPY ($1) TO STDOUT WITH CSV"; }
else
    export GROUNDBREAK_DATABASE_URL="sqlite:$DB"
    value() { sqlite3 "$DB" "$1"; }
    csv_rows() { sqlite3 -csv "$DB" "$1"; }
fi
export GROUNDBREAK_ATTACHMENTS_DIR="$WORK/attachments"
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
if [ "$ENGINE" = postgres ]; then
    value "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null
    checked=$(value "SELECT COUNT(*) FROM (SELECT bt_index_parent_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE am.amname = 'btree' AND n.nspname = 'public') x")
    integrity="ok (amcheck, $checked indexes)"
else
    integrity=$(value "PRAGMA integrity_check")
fi

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
