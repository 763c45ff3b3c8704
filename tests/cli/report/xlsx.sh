# The workbook opens with openpyxl and holds the shares in full precision
# (from the counts) with a display format (not rounded text), a frozen
# header, charts.
D="$DATA/report"
report -c "$DATA/tally/campaign.yaml" -o r.xlsx "$D/overall.csv" "$D/auth.csv" || exit 1
/usr/bin/python3 - "$D/auth.csv" <<'PY'
import csv, sys, openpyxl
wb = openpyxl.load_workbook("r.xlsx")
print("sheets:", wb.sheetnames)
ws = wb[wb.sheetnames[2]]
# the share from the counts, not the file's rounded csat
want = {r["authority"]: (float(r["n4"]) + float(r["n5"])) / float(r["answered"])
        for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
names = {"Минсоцзащиты Амурской области": "minsoc", "Минцифры Амурской области": "mincifry",
         "Администрация г. Благовещенска": "adm-blag", "Итого": "*"}
ok = 0
for row in ws.iter_rows(min_row=3, values_only=True):
    share = row[3]
    assert isinstance(share, float), row
    assert abs(share - want[names[row[1]]]) < 1e-12, (row, want)
    ok += 1
cell = ws.cell(row=3, column=4)
print("rows checked:", ok, "format:", cell.number_format, "frozen:", ws.freeze_panes)
print("charts:", len(ws._charts))
PY
