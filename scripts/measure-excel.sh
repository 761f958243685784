#!/usr/bin/env bash
# Excel in and out, measured with the release binary on SQLite: export and import at city scale
# (10,000 projects), a create-only import into an empty database, a monthly-figures import with its
# commit, and the 100,000-row export the issue holds to 300 MB. Wall time and peak RSS come from
# /usr/bin/time -v; the table is written to $OUT (bench-output/excel.md unless told), and the
# figures quoted in docs/excel.md come from it.
#
#   scripts/measure-excel.sh                  # 10,000 and 100,000 projects (~6 minutes on 2 cores)
#   BIG=0 scripts/measure-excel.sh            # skip the 100,000-project database
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL=${SMALL:-10000}
BIG=${BIG:-100000}
OUT=${OUT:-bench-output/excel.md}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)"; exit 1; }
source scripts/lib/release-binary.sh
release_binary
WORK=$(mktemp -d /tmp/groundbreak-excel.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$(dirname "$OUT")"

ROWS=()
# measure LABEL COMMAND…: runs it, keeps "label | seconds | MiB | what it printed last".
measure() {
    local label=$1; shift
    /usr/bin/time -v "$@" > "$WORK/out.txt" 2> "$WORK/time.txt" || true
    local wall rss said
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$WORK/time.txt")
    said=$(grep -E '：新增|已导出|已载入|已写入' "$WORK/out.txt" | sed "s|$WORK/||" | tr '\n' ' ' | sed 's/|/\\|/g')
    ROWS+=("| $label | $wall | $rss | $said |")
    echo "$label: $wall, $rss MiB"
}

DB="sqlite:$WORK/city.sqlite"
"$BIN" demo --database "$DB" --projects "$SMALL" > /dev/null
measure "export $SMALL projects to xlsx" "$BIN" export --database "$DB" --out "$WORK/city.xlsx"
measure "import that xlsx (dry run)" "$BIN" import --database "$DB" "$WORK/city.xlsx"
"$BIN" export --database "$DB" --out "$WORK/city.csv" > /dev/null
measure "import the csv export (dry run)" "$BIN" import --database "$DB" "$WORK/city.csv"

# Files whose rows all match or create cleanly: a code or a name unique in its region, no seat
# columns (seats are demo data an empty database lacks), and for months the reports as stored.
python3 - "$WORK" "$WORK/city.sqlite" <<'PY'
import csv, collections, sqlite3, sys
work, db = sys.argv[1], sqlite3.connect(sys.argv[2])
rows = list(csv.reader(open(f"{work}/city.csv", encoding="utf-8-sig")))
head = rows[0]
name, region, code = head.index("项目名称"), head.index("所在属地"), head.index("投资项目统一代码")
keep = [i for i, h in enumerate(head) if h not in ("包保领导", "项目秘书")]
seen = collections.Counter((r[name], r[region]) for r in rows[1:])
with open(f"{work}/create.csv", "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow([head[i] for i in keep])
    for r in rows[1:]:
        if r[code] or seen[(r[name], r[region])] == 1:
            out.writerow([r[i] for i in keep])
monthly = []
query = "SELECT p.code, r.dispatch_yuan, r.status FROM monthly_reports r JOIN projects p ON p.id = r.project_id WHERE r.month = ? AND p.code IS NOT NULL"
for c, d, _ in db.execute(query, ("2026-10",)):
    monthly.append([c, "2026-11", f"{d / 10000:.2f}", "", "11月形象进度"])
for c, d, status in db.execute(query, ("2026-10",)):
    if status == "submitted":
        monthly.append([c, "2026-10", "", f"{d * 0.9 / 10000:.2f}", ""])
for c, d, _ in db.execute(query, ("2026-09",)):
    if len(monthly) >= 10000:
        break
    monthly.append([c, "2026-09", f"{d / 10000:.2f}", "", ""])
with open(f"{work}/monthly.csv", "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["投资项目统一代码", "月份", "当月完成投资（调度口径，万元）", "当月完成投资（统计口径，万元）", "形象进度"])
    out.writerows(monthly)
PY
measure "monthly figures (dry run)" "$BIN" import --monthly --database "$DB" "$WORK/monthly.csv"
measure "monthly figures, preview and commit" "$BIN" import --monthly --commit --database "$DB" "$WORK/monthly.csv"

EMPTY="sqlite:$WORK/empty.sqlite"
"$BIN" migrate --database "$EMPTY" > /dev/null 2>&1
# Rows the lifecycle refuses for a new project (暂缓, an actual start before 开工) are left out.
"$BIN" import --database "$EMPTY" "$WORK/create.csv" 2>/dev/null | grep -oP '第 \K[0-9]+(?= 行)' | sort -u > "$WORK/refused.txt" || true
python3 - "$WORK" <<'PY'
import csv, sys
work = sys.argv[1]
refused = {int(x) for x in open(f"{work}/refused.txt") if x.strip()}
rows = list(csv.reader(open(f"{work}/create.csv", encoding="utf-8")))
with open(f"{work}/create-clean.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows([rows[0]] + [r for n, r in enumerate(rows[1:], start=2) if n not in refused])
PY
measure "create projects from csv into an empty database (commit)" "$BIN" import --commit --database "$EMPTY" "$WORK/create-clean.csv"

# A ledger as a district keeps it (seed 004's shape): a title row naming the unit, the year and the
# threshold; the district's own classes; 建设性质 and the year's planned investment; no 投资类型.
python3 - "$WORK" "$SMALL" <<'PY'
import csv, sys
work, count = sys.argv[1], int(sys.argv[2])
classes = ["先进制造业", "现代服务业", "现代农业", "战略性新兴产业", "重大基础设施", "棚户区改造", "数字经济"]
natures = ["新建", "续建", "谋划"]
streets = ["二道区东站街道", "二道区吉林街道", "二道区远达街道", "二道区"]
with open(f"{work}/seed004.csv", "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["二道区2019年3000万元以上重点项目台账"])
    out.writerow(["序号", "项目名称", "建设地点", "产业类别", "建设性质", "总投资（万元）", "2019年计划投资（万元）", "建设内容"])
    for n in range(1, count + 1):
        total = 3000 + (n * 7919) % 500000
        out.writerow([n, f"二道区重点项目{n:05d}", streets[n % 4], classes[n % 7], natures[n % 3], total, total // 4, "建设内容见备案"])
PY
EMPTY2="sqlite:$WORK/empty2.sqlite"
"$BIN" migrate --database "$EMPTY2" > /dev/null 2>&1
measure "a seed-004-shaped ledger of $SMALL rows (title row, own classes, 建设性质, year plan) into an empty database (commit)" \
    "$BIN" import --commit --database "$EMPTY2" "$WORK/seed004.csv"

if [ "$BIG" != 0 ]; then
    BIGDB="sqlite:$WORK/province.sqlite"
    measure "load $BIG demo projects" "$BIN" demo --database "$BIGDB" --projects "$BIG"
    printf '项目名称,所在属地\n测试,朝阳区\n' > "$WORK/tiny.csv"
    measure "baseline: the process at that scale, two-row import" "$BIN" import --database "$BIGDB" "$WORK/tiny.csv"
    measure "export $BIG projects to xlsx" "$BIN" export --database "$BIGDB" --out "$WORK/province.xlsx"
    measure "export $BIG projects to csv" "$BIN" export --database "$BIGDB" --out "$WORK/province.csv"
fi

{
    echo "# Excel in and out: measured figures"
    echo
    echo "\`scripts/measure-excel.sh\` on $(nproc) cores, $(date -u +%Y-%m-%d), release build, SQLite."
    echo
    echo "| what | wall time | peak RSS (MiB) | output |"
    echo "|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
} > "$OUT"
echo "written to $OUT"
