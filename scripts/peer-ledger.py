#!/usr/bin/env python3
"""The peer tracker's ledger (../shared/peers/redmine/gen_ledger.py) as a ledger file our import reads.

Usage: peer-ledger.py GEN_LEDGER_PY N > ledger.csv

The same N rows the peer loads (same generator, same seed), with its English value lists mapped
onto ours: 15 regions onto Changchun's 11 districts and counties in order (Harbor, the region the
peer's list filter uses, alone on 220182 榆树市, so both filters match the same rows), 5 stages
onto ours (Completion reads as 竣工, which our ledger keeps as 投产运营), 8 categories and 12
departments onto ours. Total investment is read as 万元. What our ledger requires and the peer's
rows lack is filled alike for every row: a 项目单位 (from 前期 on), the planned start as the actual
start (from 在建 on), a completion 300 days after it (竣工/投产).
"""
import csv
import datetime
import io
import subprocess
import sys

REGIONS = ["220102", "220103", "220104", "220105", "220106", "220112", "220113", "220122", "220182", "220183", "220184"]
PEER_REGIONS = ["Central", "North", "South", "East", "West", "Riverside", "Hillside", "Lakeside", "Harbor", "Airport", "Highland",
                "OldTown", "NewTown", "TechPark", "Port"]
STAGES = {"Planning": "储备", "Approval": "前期", "Construction": "在建", "Completion": "竣工", "Operation": "投产"}
CATEGORIES = {"Infrastructure": "市政", "Manufacturing": "先进制造业", "Energy": "能源", "Transport": "交通", "Healthcare": "医疗卫生",
              "Education": "教育", "Technology": "战略性新兴产业", "Agriculture": "现代农业"}
DEPARTMENTS = {"DevReform": "市发改委", "Transport": "市交通局", "Housing": "市住建局", "Industry": "市工信局", "Commerce": "市商务局",
               "Education": "市教育局", "Health": "市卫健委", "Ecology": "市生态环境局", "WaterResources": "市水务局",
               "Agriculture": "市农业农村局", "Science": "市发改委", "Culture": "市文广旅局"}


def main() -> None:
    generator, n = sys.argv[1], sys.argv[2]
    rows = subprocess.run([sys.executable, generator, n], check=True, capture_output=True, text=True).stdout
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["序号", "项目名称", "项目单位", "所在属地", "阶段", "项目类别", "投资类型", "总投资（万元）", "计划开工", "实际开工", "实际竣工",
                  "牵头部门"])
    for seq, name, region, stage, category, invest, start, department in csv.reader(io.StringIO(rows)):
        under_way = stage in ("Construction", "Completion", "Operation")
        done = stage in ("Completion", "Operation")
        finished = (datetime.date.fromisoformat(start) + datetime.timedelta(days=300)).isoformat()
        out.writerow([seq, name, f"长春重点项目{seq}有限公司", REGIONS[PEER_REGIONS.index(region) % len(REGIONS)], STAGES[stage], CATEGORIES[category],
                      "企业投资", invest, start, start if under_way else "", finished if done else "", DEPARTMENTS[department]])


if __name__ == "__main__":
    main()
