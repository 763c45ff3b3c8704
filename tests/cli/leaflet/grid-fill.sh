# A sheet of fewer items lays them out larger, to fill the sheet: one code
# alone is set (name and code) about three times the size of one among
# twelve; every code still decodes at 150 dpi.
python3 - <<'PY'
import csv
cols = ["code_id", "level", "authority", "authority_name", "direction", "item", "item_name",
        "kind", "event", "point", "point_name", "municipality", "url"]
w = csv.writer(open("manifest.csv", "w", encoding="utf-8", newline=""))
w.writerow(cols)
for point, n in (("full", 12), ("one", 1)):
    for i in range(1, n + 1):
        w.writerow([f"a.s.i{i}.{point}", "item", "a", "Министерство", "s", f"i{i}", f"Услуга {i}",
                    "service", "", point, f"Офис {point}", "Город",
                    f"https://example.ru/form/?service=i{i}&point={point}"])
PY
leaflet -q -t grid -o grid.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-pdf.py" manifest.csv grid.pdf item 2
pdftotext -bbox grid.pdf bbox.html
python3 - <<'PY'
import re
pages = open("bbox.html", encoding="utf-8").read().split("<page ")[1:]
def height(page):
    m = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Услуга<', page)
    return float(m.group(2)) - float(m.group(1))
ratio = height(pages[1]) / height(pages[0])
print("alone vs among twelve:", "larger" if 2.5 <= ratio <= 3.05 else f"ratio {ratio:.2f}")
PY
