# Sourced by every script that starts a PostgreSQL of its own on loopback (the benches, the fault
# drills, the replica and two-instance scripts): where Debian's server binaries are, running them as
# the postgres user when the script runs as root, and a cluster made, started, stopped and asked.

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1 || true)

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# require_postgres: stops the script when no server binaries are installed.
require_postgres() { [ -n "$PG_BIN" ] || { echo "PostgreSQL server binaries are needed"; exit 1; }; }

# pg_init DATA: a new cluster in DATA. As root, DATA and the folder holding it (where its log goes)
# are given to postgres.
pg_init() {
    mkdir -p "$1"
    [ "$(id -u)" = 0 ] && chown postgres "$(dirname "$1")" "$1"
    as_postgres "$PG_BIN/initdb" -D "$1" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
}

# pg_start DATA PORT [SETTING=VALUE…]: the cluster in DATA listening on 127.0.0.1:PORT only, its
# socket and its log (DATA.log) beside DATA, where a base backup of DATA does not copy them.
# Once in CI (2026-12-03) a start failed and the same start passed when run again; the log says
# why and goes with the script's folder at exit, so it is printed here, and the start is tried
# once more.
pg_start() {
    local data=$1 port=$2 options="-p $2 -k $(dirname "$1") -c listen_addresses=127.0.0.1" setting attempt
    for setting in "${@:3}"; do options="$options -c $setting"; done
    for attempt in 1 2; do
        as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data.log" -w -o "$options" start >/dev/null && return 0
        echo "PostgreSQL at $data did not start on port $port (attempt $attempt); its log:"
        tail -n 30 "$data.log" 2>/dev/null
        sleep 2
    done
    return 1
}

# pg_restart DATA: a fast restart (every connection is cut) with the options it was started with.
pg_restart() { as_postgres "$PG_BIN/pg_ctl" -D "$1" -l "$1.log" -w -m fast restart >/dev/null; }

# pg_stop DATA [MODE]: stops the cluster (fast, or MODE: immediate) if it runs; never fails.
pg_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" stop >/dev/null 2>&1 || true; }

# pg_create_database PORT NAME
pg_create_database() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -qc "CREATE DATABASE $2" >/dev/null; }

# pg_sql PORT DATABASE STATEMENT: the answer unaligned, one row a line, without headers.
pg_sql() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d "$2" -Atc "$3"; }

# pg_version: the server binaries' version, e.g. 15.14.
pg_version() { "$PG_BIN/postgres" --version | awk '{print $3}'; }
