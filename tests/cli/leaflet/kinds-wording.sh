# The seed's direction leaflets and posts: the four directions' headings and
# captions; a direction's post in the direction's wording, an item's post
# with its item's name; every code decoded from a 150 dpi rendering. The
# manifest alone words them (no campaign).
qrgen -q -c "$EXAMPLES/demo-campaign.yaml" --no-files > manifest.csv || exit 1
leaflet -q -t direction -o dir.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-wording.py" manifest.csv dir.pdf direction direction
python3 "$CASE_DIR/check-pdf.py" manifest.csv dir.pdf direction 12
leaflet -q -t post -f pdf -w level=direction -o post-dir.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-wording.py" manifest.csv post-dir.pdf post direction
python3 "$CASE_DIR/check-pdf.py" manifest.csv post-dir.pdf direction 12
python3 - <<'PY'
import csv
rows = list(csv.reader(open("manifest.csv", encoding="utf-8")))
a = rows[0].index("authority")
csv.writer(open("blag.csv", "w", encoding="utf-8", newline="")).writerows(
    [rows[0]] + [r for r in rows[1:] if r[a] == "adm-blag"])
PY
leaflet -q -t post -f pdf -w level=item -o post-item.pdf blag.csv || exit 1
python3 "$CASE_DIR/check-wording.py" blag.csv post-item.pdf post item
python3 "$CASE_DIR/check-pdf.py" blag.csv post-item.pdf item 23
