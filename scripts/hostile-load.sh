#!/usr/bin/env bash
# What hostile traffic costs real users (issue 12), measured on a release build with the demo
# city on SQLite, loopback only, every loop bounded. Figures go to bench-output/hostile.md.
#
#   1. a writer's latency (create a project through the API) alone, then beside a flood of
#      requests with bogus API tokens (wrk, 16 connections), and how many audit rows the flood left;
#   2. /healthz latency while two large spreadsheets (repeated cells inside the inflation
#      limits, and a csv of newlines) are previewed at once, and the server's peak memory.
#
#   scripts/hostile-load.sh                 # 1,500 demo projects, 20 s flood
#   DURATION=10 scripts/hostile-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
PORT=${PORT:-18090}
OUT=${OUT:-bench-output/hostile.md}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
source scripts/lib/release-binary.sh
release_binary
WORK=$(mktemp -d /tmp/groundbreak-hostile.XXXXXX)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
DB="sqlite:$WORK/db.sqlite"
export GROUNDBREAK_ATTACHMENTS_DIR="$WORK/attachments"
"$BIN" serve --demo --database "$DB" --port "$PORT" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done
TOKEN=$("$BIN" user token --username center --name hostile-load --database "$DB" | tail -n 1)
REGION_TOKEN=$("$BIN" user token --username chaoyang --name hostile-load --database "$DB" | tail -n 1)

python3 - "$PORT" "$TOKEN" "$REGION_TOKEN" "$DURATION" "$SERVER_PID" "$WORK" "$OUT" "$DB" <<'PY'
import io, json, os, statistics, subprocess, sys, threading, time, urllib.request, urllib.error, zipfile
port, token, region_token, duration, pid, work, out, db = sys.argv[1:9]
duration = int(duration)
base = f"http://127.0.0.1:{port}"

def request(method, path, body=None, headers=None):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except Exception:
        status = -1
    return status, (time.perf_counter() - started) * 1000

counter = [0]
def create_project():
    counter[0] += 1
    body = json.dumps({"name": f"压力测试写入项目{counter[0]}", "regionCode": "220104", "categoryCode": "IND-MFG", "investmentType": "enterprise",
                       "totalInvestment": 1200000000, "ownerName": "长春某公司"}).encode()
    return request("POST", "/api/v1/projects", body, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})

def writer(seconds):
    results, end = [], time.time() + seconds
    while time.time() < end:
        results.append(create_project())
    return results

def summary(results):
    times = sorted(t for _, t in results)
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return {"n": len(times), "p50": p(0.50), "p95": p(0.95), "max": times[-1], "statuses": statuses}

def peak_rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024
    return 0

def audit_rows(action):
    status, _ = 0, 0
    req = urllib.request.Request(base + f"/api/v1/audit?action={action}&perPage=1", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req) as response:
        return json.load(response).get("totalCount", -1)

alone = summary(writer(duration / 2))
rows_before = audit_rows("token-rejected")
lua = os.path.join(work, "flood.lua")
open(lua, "w").write('request = function() return wrk.format("GET", "/healthz", {["Authorization"] = "Bearer gbt_bogus_" .. math.random(1, 1000000000)}) end\n')
flood = subprocess.Popen(["wrk", "-t2", "-c16", f"-d{duration}s", "-s", lua, base + "/healthz"], stdout=subprocess.PIPE, text=True)
time.sleep(1)
beside = summary(writer(duration - 2))
flood_out = flood.communicate()[0]
flood_rps = next((line.split()[1] for line in flood_out.splitlines() if line.startswith("Requests/sec")), "?")
rows_after = audit_rows("token-rejected")

# Two large files previewed at once (by a region user), /healthz probed meanwhile.
cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in "ABCDEFGHIJKLMNOPQRST") + "</row>" for r in range(1, 100001))
parts = {
    "xl/workbook.xml": '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/sharedStrings.xml": '<sst><si><t>重复的单元格</t></si></sst>',
    "xl/worksheets/sheet1.xml": f"<worksheet><sheetData>{cells}</sheetData></worksheet>",
}
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    for name, text in parts.items():
        archive.writestr(name, text)
xlsx = buffer.getvalue()
newlines = b"\n" * (10 * 1024 * 1024 - 1)
upload_results = {}
def upload(name, data, kind):
    upload_results[name] = request("POST", f"/api/v1/imports/projects?fileName={name}", data,
                                   {"Authorization": f"Bearer {region_token}", "Content-Type": kind})
probes, stop = [], threading.Event()
def probe():
    while not stop.is_set():
        probes.append(request("GET", "/healthz"))
        time.sleep(0.05)
prober = threading.Thread(target=probe)
prober.start()
started = time.perf_counter()
uploads = [threading.Thread(target=upload, args=("cells.xlsx", xlsx, "application/octet-stream")),
           threading.Thread(target=upload, args=("newlines.csv", newlines, "text/csv"))]
for thread in uploads: thread.start()
for thread in uploads: thread.join()
upload_seconds = time.perf_counter() - started
stop.set()
prober.join()
health = summary(probes)

inflated = len(parts["xl/worksheets/sheet1.xml"]) // (1024 * 1024)
lines = [
    "# Hostile load (scripts/hostile-load.sh)", "",
    f"Release build, SQLite, demo city, loopback; {time.strftime('%Y-%m-%d %H:%M')}; flood {duration} s.", "",
    "## A writer beside a flood of bogus API tokens", "",
    "| | writes | p50 ms | p95 ms | max ms | answers |", "|---|---:|---:|---:|---:|---|",
    f"| alone | {alone['n']} | {alone['p50']:.1f} | {alone['p95']:.1f} | {alone['max']:.1f} | {alone['statuses']} |",
    f"| beside the flood | {beside['n']} | {beside['p50']:.1f} | {beside['p95']:.1f} | {beside['max']:.1f} | {beside['statuses']} |", "",
    f"Flood: {flood_rps} requests/s with random bogus tokens (wrk, 16 connections); audit rows it left: {rows_after - rows_before} (sampled once per address per minute).", "",
    "## Two large spreadsheets previewed at once", "",
    f"- xlsx of {len(xlsx) // 1024} KB inflating to {inflated} MB (2,000,000 repeated cells): {upload_results.get('cells.xlsx', (None, 0))[0]} in {upload_results.get('cells.xlsx', (0, 0))[1] / 1000:.1f} s",
    f"- csv of 10 MB of newlines: {upload_results.get('newlines.csv', (None, 0))[0]} in {upload_results.get('newlines.csv', (0, 0))[1] / 1000:.1f} s",
    f"- both done in {upload_seconds:.1f} s; /healthz meanwhile: {health['n']} probes, p50 {health['p50']:.1f} ms, p95 {health['p95']:.1f} ms, max {health['max']:.1f} ms, answers {health['statuses']}",
    f"- server peak resident memory (VmHWM) over the whole run: {peak_rss()} MiB", "",
]
os.makedirs(os.path.dirname(out), exist_ok=True)
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
