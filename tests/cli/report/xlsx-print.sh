# The workbook fit for print and Excel habits: A4, fit to the page's width,
# the header row repeated on every page, landscape only for wide tables,
# row heights for wrapped text, the 95% bounds as numbers (those the tally's
# counts give); each chart in the table's order, its points in the colours
# of the table's cells, the interval as up-down bars between the bounds and
# a dashed target line, as in the PDF.
D="$DATA/report"
/usr/bin/python3 "$DATA/report/compare_gen.py" 7 || exit 1
report -c "$EXAMPLES/demo-campaign.yaml" --target 70% -o r.xlsx "$D/overall.csv" "$D/auth.csv" \
  "$D/month.csv" || exit 1
report --target 40% --compare before.csv -o wide.xlsx now.csv || exit 1
/usr/bin/python3 - "$D/auth.csv" <<'PY' || exit 1
import csv, sys, zipfile, openpyxl
from lxml import etree
wb = openpyxl.load_workbook("r.xlsx")
for ws in wb:
    ps = ws.page_setup
    assert ps.paperSize == 9 and ps.fitToWidth in (None, 1) and ps.fitToHeight == 0, ws.title
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$2:$2", ws.title
print("every sheet: A4, fit to width, header repeated")
print("orientation:", [wb[n].page_setup.orientation for n in wb.sheetnames],
      openpyxl.load_workbook("wide.xlsx").worksheets[1].page_setup.orientation)
q = next(wb[n] for n in wb.sheetnames if "вопрос" in n)
tall = [r for r in range(3, q.max_row + 1) if (q.row_dimensions[r].height or 15) > 15]
print("rows of long questions taller:", len(tall) > 0)
ws = next(wb[n] for n in wb.sheetnames if "Рейтинг" in n)
head = [c.value for c in ws[2]]
lo, hi = head.index("95% ДИ: от"), head.index("95% ДИ: до")
names = {"Минсоцзащиты Амурской области": "minsoc", "Минцифры Амурской области": "mincifry",
         "Администрация г. Благовещенска": "adm-blag", "Итого": "*"}
want = {r["authority"]: (float(r["csat_low"]), float(r["csat_high"]))
        for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
table = []
for row in ws.iter_rows(min_row=3, max_col=len(head), values_only=True):
    if row[1] is None:
        continue
    w = want[names[row[1]]]
    assert abs(row[lo] - w[0]) <= 5e-5 and abs(row[hi] - w[1]) <= 5e-5, (row, w)
    assert ws.cell(row=3, column=lo + 1).number_format == "0.0%"
    table.append(row)
print("bounds as numbers:", len(table))
# the chart: the table's order, the cells' tones, bounds, target
z = zipfile.ZipFile("r.xlsx")
ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
charts = [etree.fromstring(z.read(p)) for p in sorted(z.namelist()) if p.startswith("xl/charts/")]
chart = next(c for c in charts if "Рейтинг" in "".join(c.xpath(".//c:title//a:t/text()", namespaces=ns)))
sers = {s.findtext("c:tx/c:v", namespaces=ns): s for s in chart.findall(".//c:ser", ns)}
vals = lambda s: [float(v) for v in s.xpath("c:val//c:pt/c:v/text()", namespaces=ns)]
cats = sers["Удовлетворенность"].xpath("c:cat//c:pt/c:v/text()", namespaces=ns)
ranked = [r for r in table if r[0] is not None]
assert cats == [r[1] for r in ranked], (cats, ranked)
assert vals(sers["Удовлетворенность"]) == [r[3] for r in ranked]
assert vals(sers["Нижняя граница 95% ДИ"]) == [r[lo] for r in ranked]
assert vals(sers["Верхняя граница 95% ДИ"]) == [r[hi] for r in ranked]
assert vals(sers["Цель"]) == [0.7] * len(ranked)
assert sers["Цель"].find(".//a:prstDash", ns).get("val") == "dash"
assert chart.find(".//c:upDownBars", ns) is not None
ink = {"D8F0E0": "2E8B57", "FFF1C2": "E0A800", "F8D4CF": "C0392B"}
points = sers["Удовлетворенность"].xpath("c:dPt//a:solidFill/a:srgbClr/@val", namespaces=ns)[::2]
fills = [ws.cell(row=3 + i, column=4).fill.fgColor.rgb[-6:] for i in range(len(ranked))]
assert points == [ink[f] for f in fills], (points, fills)
print("chart:", len(cats), "groups in the table's order, tones", points)
PY
