# Sourced by the kill -9 drills (fault-kill.sh, fault-kill-import.sh): the engine they run on
# (ENGINE=sqlite, the default, or postgres: a private cluster on loopback at PORT_PG), the debug
# binary unless BIN names one, and `value` / `csv_rows` to read the database behind the server's
# back. Call drill_setup before anything else and drill_database once $WORK exists.

drill_setup() {
    ENGINE=${ENGINE:-sqlite}
    case "$ENGINE" in
        sqlite) command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)"; exit 1; } ;;
        postgres) require_postgres ;;
        *) echo "ENGINE is sqlite or postgres"; exit 1 ;;
    esac
    if [ -z "${BIN:-}" ]; then
        swift build --product groundbreak > /tmp/groundbreak-fault-build.log 2>&1 || { cat /tmp/groundbreak-fault-build.log; exit 1; }
        BIN=$(swift build --show-bin-path)/groundbreak
    fi
}

source scripts/lib/postgres.sh

# The database in $WORK (SQLite file $DB, or the cluster in $PG_DATA), GROUNDBREAK_DATABASE_URL
# pointing at it, and value/csv_rows reading it.
drill_database() {
    chmod 755 "$WORK"
    DB="$WORK/groundbreak.sqlite"
    PG_DATA="$WORK/pg"
    if [ "$ENGINE" = postgres ]; then
        pg_init "$PG_DATA"
        pg_start "$PG_DATA" "$PORT_PG"
        pg_create_database "$PORT_PG" drill
        export GROUNDBREAK_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT_PG/drill"
    else
        export GROUNDBREAK_DATABASE_URL="sqlite:$DB"
    fi
    export GROUNDBREAK_ATTACHMENTS_DIR="$WORK/attachments"
}

value() {
    if [ "$ENGINE" = postgres ]; then pg_sql "$PORT_PG" drill "$1"
    else sqlite3 "$DB" "$1"; fi
}

csv_rows() {
    if [ "$ENGINE" = postgres ]; then pg_sql "$PORT_PG" drill "COPY ($1) TO STDOUT WITH CSV"
    else sqlite3 -csv "$DB" "$1"; fi
}

drill_stop_postgres() {
    [ "$ENGINE" = postgres ] && pg_stop "$PG_DATA" immediate || true
}

# "ok…" when the database is consistent: SQLite's integrity_check, or amcheck over every B-tree
# index of the schema (an inconsistent index makes psql fail, and the drill with it).
drill_integrity() {
    if [ "$ENGINE" = postgres ]; then
        value "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null 2>&1
        local checked
        checked=$(value "SELECT COUNT(*) FROM (SELECT bt_index_parent_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE am.amname = 'btree' AND n.nspname = 'public') x")
        echo "ok (amcheck, $checked indexes)"
    else
        value "PRAGMA integrity_check"
    fi
}
