#!/usr/bin/env bash
# The fault drills' short form (issue 18), run by `.ci/run` after the test suite; each is bounded
# in time and listens on loopback only. Together about two minutes:
#   - kill -9 during a burst of creates, on SQLite and on PostgreSQL (scripts/fault-kill.sh);
#   - PostgreSQL restarted under load (scripts/fault-pg-restart.sh);
#   - a streaming replica paused, stopped and started again under an instance reading it
#     (scripts/replica.sh, without its load).
# Their long forms, and the drills that need a release build or a province (fault-kill-close.sh,
# fault-kill-import.sh, two-instances.sh), are run by hand; see docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product groundbreak > /tmp/groundbreak-drills-build.log 2>&1 || { cat /tmp/groundbreak-drills-build.log; exit 1; }
export BIN
BIN=$(swift build --show-bin-path)/groundbreak

run() { # run <name> <command…>
    local started=$SECONDS
    echo "== drill: $1"
    # The pool's connection errors during an outage are expected and would push the drill's own
    # summary (which check failed) out of the lines shown.
    "${@:2}" 2>&1 | grep -v " info \| notice \| warning \|Opening new connection for pool failed" | tail -n 24
    local status=${PIPESTATUS[0]}
    echo "== $1: $([ "$status" = 0 ] && echo passed || echo "FAILED ($status)") in $((SECONDS - started)) s"
    return "$status"
}
failed=0
run "kill -9 during creates, SQLite" env BURST_SECONDS=3 WRITERS=4 scripts/fault-kill.sh || failed=1
run "kill -9 during creates, PostgreSQL" env ENGINE=postgres BURST_SECONDS=3 WRITERS=4 scripts/fault-kill.sh || failed=1
run "PostgreSQL restarted under load" env WRITERS=2 READERS=2 scripts/fault-pg-restart.sh || failed=1
run "streaming replica paused, stopped, restarted" env PROJECTS=200 DURATION=0 OUT=/tmp/groundbreak-drill-replica.md scripts/replica.sh || failed=1
exit "$failed"
