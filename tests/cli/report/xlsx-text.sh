# Group labels with control characters (an export's hidden field), bytes
# that are not UTF-8 or U+FFFE, and text
# that looks like Excel's escape _xHHHH_: the workbook is valid XML in every
# part (a strict parser on the chart), openpyxl opens it, controls show as
# U+FFFD, and "_x0041_" stays "_x0041_" (not "A") in cells and chart
# categories (escaped as _x005F_x0041_); chart and document titles are plain
# strings, where only controls are replaced. LibreOffice too, when installed.
F=4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,
{ echo "отдел_x0041_,question,responses,answered,mean,csat,csat_low,csat_high,n1,n2,n3,n4,n5,suppressed,mean_pct,nps"
  printf 'a\001b\037c,q.overall,10,10,%s\n' "$F"
  printf '_x0041_,q.overall,10,10,%s\n' "$F"
  printf 'bad\377utf8 \357\277\276,q.overall,10,10,%s\n' "$F"
  printf '"tab\there, new\nline",q.overall,10,10,%s\n' "$F"
} > hostile.csv
report --title "$(printf 'Отчет _x0042_ \033[31m')" -o r.xlsx hostile.csv || exit 1
/usr/bin/python3 - <<'PY'
import zipfile
from lxml import etree
import openpyxl
z = zipfile.ZipFile("r.xlsx")
strict = etree.XMLParser(recover=False)
for part in z.namelist():
    if part.endswith(".xml") or part.endswith(".rels"):
        etree.fromstring(z.read(part), strict)  # raises on any invalid character
print("every part is well-formed XML")
chart = etree.fromstring(z.read("xl/charts/chart1.xml"), strict)
ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
cats = [v.text for v in chart.findall(".//c:ser", ns)[0].findall(".//c:cat//c:v", ns)]
title = "".join(t.text for t in chart.findall(".//c:title//a:t", ns))
print("chart categories:", cats)
print("chart title:", title)
wb = openpyxl.load_workbook("r.xlsx")
print("sheets:", wb.sheetnames)
ws = wb[wb.sheetnames[-1]]
print("labels:", [ws.cell(row=r, column=2).value for r in range(3, ws.max_row + 1)])
print("head:", ws.cell(row=2, column=2).value, "| title:", ws.cell(row=1, column=1).value)
print("document title:", wb.properties.title)
PY
if command -v soffice > /dev/null; then
  soffice --headless --convert-to csv --outdir lo r.xlsx > /dev/null 2>&1 && [ -s lo/r.csv ] ||
    echo "LibreOffice could not read the workbook"
fi
