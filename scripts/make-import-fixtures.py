#!/usr/bin/env python3
"""Builds the import fixtures in Tests/GroundbreakOfficeTests/Fixtures with tools other than ours
(openpyxl, LibreOffice), shaped like the ledgers units keep: title rows, a unit line, merged group
headers, synonyms, 亿元, full-width digits, typed dates, section and subtotal rows, blank rows.
Run once and commit the files: `python3 scripts/make-import-fixtures.py` (needs openpyxl; soffice
for the LibreOffice copy)."""
import datetime, os, shutil, subprocess, sys, tempfile
from openpyxl import Workbook
from openpyxl.styles import Font

here = os.path.join(os.path.dirname(__file__), "..", "Tests", "GroundbreakOfficeTests", "Fixtures")

def county_ledger(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "朝阳区台账"
    ws.append(["2026年朝阳区重大项目推进台账"])
    ws.merge_cells("A1:K1")
    ws.append(["填报单位：朝阳区项目中心", None, None, None, None, None, None, None, "单位：亿元"])
    ws.append(["序号", "项目名称", "基本情况", None, None, "投资情况", None, "进度安排", None, "投资主体", "建设单位"])
    ws.append([None, None, "建设地点", "建设性质", "项目类别", "总投资", "年度计划投资", "计划开工时间", "计划竣工时间", None, None])
    for col in ["A", "B", "J", "K"]:
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("C3:E3"); ws.merge_cells("F3:G3"); ws.merge_cells("H3:I3")
    ws.append(["甲", "乙", 1, 2, 3, 4, 5, 6, 7, 8, 9])
    ws.append(["一、续建项目（2个）"])
    ws.append([1, "长春光电产业园二期", "朝阳区", "续建", "先进制造业", 12.5, 3, "2024.3", "2027年6月", "企业投资", "长春光电科技有限公司"])
    ws.append([2, "朝阳区老旧小区改造（２０２６年）", "长春市朝阳区", "续建", "保障性住房/棚户区改造/老旧小区改造/城中村改造", "１.２", 0.8, datetime.date(2025, 4, 1), "2026-12-31", "政府投资", "朝阳区住建局"])
    ws["H8"].number_format = "yyyy-mm-dd"
    ws.append(["小计", None, None, None, None, "=SUM(F7:F8)", "=SUM(G7:G8)"])
    ws.append([])
    ws.append(["二、新建项目（1个）"])
    ws.append([3, "朝阳智慧物流中心", "朝阳区", "新建", "现代服务业", "3500万元", 0.2, "2027年3月", "2028.10", "民间投资", "吉林智运物流有限公司"])
    ws.append(["合计", None, None, None, None, "=F9+F12", None])
    ws["A1"].font = Font(bold=True, size=16)
    wb.save(path)

def uncached_formula(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "所在属地", "项目类别", "投资类型", "总投资（万元）"])
    ws.append(["公式项目", "朝阳区", "先进制造业", "企业投资", "=1000*2"])
    wb.save(path)

def gb18030_csv(path):
    text = "宽城区2026年项目台账（单位：亿元）\r\n项目名称,属地,项目类别,投资类型,计划总投资,计划开工\r\n" \
           "宽城区北站商务综合体,宽城区,现代服务业,企业投资,2.35,2027年4月\r\n" \
           "宽城区供热管网改造,宽城区,市政,政府投资,0.8,2026.11\r\n"
    with open(path, "wb") as f:
        f.write(text.encode("gb18030"))

def seed004_ledger(path):
    """A district's 3000万元以上 list shaped as seed 004 prints it: the district's own six fields,
    建设性质 新建/续建/谋划, the year's planned investment, no 投资类型, places below the district."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2019年重点项目"
    ws.append(["二道区2019年3000万元以上重点项目台账"])
    ws.merge_cells("A1:H1")
    ws.append(["单位：万元"])
    ws.append(["序号", "项目名称", "建设地点", "产业类别", "建设性质", "总投资（万元）", "2019年计划投资（万元）", "建设内容"])
    classes = ["先进制造业"] * 4 + ["现代服务业"] * 51 + ["现代农业"] * 1 + ["战略性新兴产业"] * 5 + ["重大基础设施"] * 11 + ["棚户区改造"] * 29
    natures = ["新建"] * 21 + ["续建"] * 31 + ["谋划"] * 49
    # 10 under 1亿, 32 of 1–5亿, 59 of 5亿 and more: 91 亿元以上, 59 5亿元以上, 914亿元 in all.
    totals = [5000] * 10 + [20000] * 32 + [100000] * 58 + [2650000]
    streets = ["二道区东站街道", "二道区吉林街道", "二道区远达街道", "二道区八里堡街道", "二道区"]
    for index in range(101):
        total = totals[(index * 37) % 101]
        ws.append([index + 1, f"二道区重点项目{index + 1:03d}", streets[index % len(streets)], classes[index], natures[(index * 13) % 101],
                   total, min(total, 3000 + index * 10), "建设内容见项目备案"])
    wb.save(path)

def seed002_ledgers(path2020, path2021):
    """A city's 5000万元以上 lists of two years shaped as seed 002 prints them: 2021 has 1315
    projects (1117 亿元以上, 325 10亿元以上, 28 50亿元以上, 9 100亿元以上), 2020 has 1290
    (1112, 302, 27, 5); most projects are on both."""
    districts = ["南关区", "宽城区", "朝阳区", "二道区", "绿园区", "双阳区", "九台区", "农安县", "榆树市", "德惠市"]
    def band(prefix, count, total):
        return [(f"{prefix}{i + 1:04d}", total) for i in range(count)]
    y21 = band("长春市项目A", 198, 6000) + band("长春市项目B", 792, 30000) + band("长春市项目C", 297, 200000) + band("长春市项目D", 19, 600000) + band("长春市项目E", 9, 1500000)
    y20 = (band("长春市项目A", 178, 6000) + band("长春市项目B", 792, 30000) + band("长春市项目F", 18, 30000) + band("长春市项目C", 275, 200000)
           + band("长春市项目D", 19, 600000) + band("长春市项目G", 3, 600000) + band("长春市项目E", 5, 1500000))
    for year, rows, path in [(2020, y20, path2020), (2021, y21, path2021)]:
        wb = Workbook()
        ws = wb.active
        ws.append([f"长春市{year}年5000万元以上重点项目计划"])
        ws.append(["序号", "项目名称", "所在属地", "项目类别", "建设性质", "总投资（万元）", "年度计划投资（万元）"])
        for index, (name, total) in enumerate(rows):
            ws.append([index + 1, name, districts[sum(map(ord, name)) % len(districts)],
                       "现代服务业" if index % 3 else "先进制造业", "续建" if index % 4 else "新建", total, total // 5])
        wb.save(path)

def main():
    os.makedirs(here, exist_ok=True)
    county_ledger(os.path.join(here, "county-ledger.xlsx"))
    uncached_formula(os.path.join(here, "uncached-formula.xlsx"))
    gb18030_csv(os.path.join(here, "ledger-gb18030.csv"))
    seed004_ledger(os.path.join(here, "seed004-erdao-2019.xlsx"))
    seed002_ledgers(os.path.join(here, "seed002-changchun-2020.xlsx"), os.path.join(here, "seed002-changchun-2021.xlsx"))
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out,
                            os.path.join(here, "county-ledger.xlsx")], check=True, capture_output=True,
                           env=dict(os.environ, HOME=out))
            shutil.copy(os.path.join(out, "county-ledger.xlsx"), os.path.join(here, "county-ledger-libreoffice.xlsx"))
    else:
        print("soffice not found: the LibreOffice copy was not made", file=sys.stderr)

main()
