# Sourced by every script that runs the release build (benches, drills on release, two instances).
# BIN=path/to/groundbreak runs another build instead (an earlier commit's, for a before and after,
# or one built elsewhere so the script spends no time building).
release_binary() {
    if [ -z "${BIN:-}" ]; then
        swift build -c release --product groundbreak > /tmp/groundbreak-release-build.log 2>&1 || { cat /tmp/groundbreak-release-build.log; exit 1; }
        BIN=$(swift build -c release --show-bin-path)/groundbreak
    fi
}
