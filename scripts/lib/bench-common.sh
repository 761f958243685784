# Sourced by the bench scripts (bench.sh, bench-writes.sh, bench-peer.sh): the release binary, a
# work folder removed on exit with the server and PostgreSQL it started, a private PostgreSQL
# cluster on loopback, and wrk's figures.

source scripts/lib/release-binary.sh

SERVER_PID=""

# wait_for_server: until the server just started as $SERVER_PID answers /healthz on $PORT. Stops
# the bench when that process has died (another server holding the port would otherwise be
# measured in its place) or after 20 s.
wait_for_server() {
    for _ in $(seq 1 100); do
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited (is port $PORT taken?)" >&2; exit 1; }
        curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return 0
        sleep 0.2
    done
    echo "the server did not answer on port $PORT within 20 s" >&2
    exit 1
}
PG_DATA=""
source scripts/lib/postgres.sh

# A fresh WORK folder named after $1; on exit the server, the cluster and the folder go.
work_folder() {
    WORK=$(mktemp -d "/tmp/$1.XXXXXX")
    chmod 755 "$WORK"
    trap bench_cleanup EXIT
}
bench_cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    [ -n "$PG_DATA" ] && pg_stop "$PG_DATA" || true
    rm -rf "$WORK"
}

# start_postgres PORT DATABASE: a new cluster in $WORK/pg listening on 127.0.0.1:PORT with an
# empty DATABASE; fails (status 1) when no server binaries are installed.
start_postgres() {
    local port=$1 database=$2
    [ -n "$PG_BIN" ] || { echo "PostgreSQL server binaries not found; skipping"; return 1; }
    PG_DATA="$WORK/pg"
    pg_init "$PG_DATA"
    pg_start "$PG_DATA" "$port" shared_buffers=256MB max_connections=200 || return 1
    pg_create_database "$port" "$database"
}

# wrk_figures REPORT: WRK_RPS, WRK_P50, WRK_P99 and WRK_ERRORS (non-2xx, 0 when none) of a `wrk --latency` report.
wrk_figures() {
    WRK_RPS=$(echo "$1" | awk '/Requests\/sec/ {print $2}')
    WRK_P50=$(echo "$1" | awk '$1 == "50%" {print $2}')
    WRK_P99=$(echo "$1" | awk '$1 == "99%" {print $2}')
    WRK_ERRORS=$(echo "$1" | awk '/Non-2xx/ {print $5}')
    WRK_ERRORS=${WRK_ERRORS:-0}
}
