# leaflet draws a code only from a URL that qrgen's rule accepts, and draws
# the URL in that rule's form: a javascript: link is refused naming its row,
# a Cyrillic host is drawn in IDNA (punycode).
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l authority >all.csv || exit 1
python3 - <<'PY'
import csv
rows = list(csv.reader(open("all.csv", encoding="utf-8")))
url = rows[0].index("url")
rows[1][url] = "https://мфц-нсо.рф/оценка"
rows[2][url] = "javascript:alert(1)"
csv.writer(open("m.csv", "w", encoding="utf-8", newline="")).writerows(rows[:3])
csv.writer(open("good.csv", "w", encoding="utf-8", newline="")).writerows(rows[:2])
PY
leaflet -q -t authority -c "$EXAMPLES/demo-campaign.yaml" -o bad.pdf m.csv; echo "exit $?"
leaflet -q -t authority -c "$EXAMPLES/demo-campaign.yaml" -o good.pdf good.csv || exit 1
pdftoppm -r 150 -png good.pdf page
zbarimg -q --raw page-1.png 2>/dev/null
