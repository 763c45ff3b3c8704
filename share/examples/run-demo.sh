#!/bin/sh
# The demo campaign end to end: codes for every desk, leaflets for the print
# shop, this month's exports into responses, satisfaction figures, the report.
# Usage: run-demo.sh BIN_DIR OUT_DIR  (the README's first quick-start command runs it)
set -eu
BIN=$(cd "$1" && pwd)
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
EXAMPLES=$(cd "$(dirname "$0")" && pwd)
PATH="$BIN:$PATH"
cd "$OUT"

echo "== qrgen: a code for every authority, direction and item at every point"
qrgen -c "$EXAMPLES/demo-campaign.yaml" -o "$OUT/codes" > "$OUT/manifest.csv"
echo "   $(($(wc -l < "$OUT/manifest.csv") - 1)) codes in $OUT/codes/, manifest $OUT/manifest.csv"
# The four directions of the recommendations; items coded by kind, a kind of
# control once per event type (control, prevention).
python3 - "$OUT/manifest.csv" <<'PY'
import collections, csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
dirs = sorted({r["direction"] for r in rows if r["level"] == "direction"})
kinds = collections.Counter(r["event"] and "control:" + r["event"] or r["kind"]
                            for r in rows if r["level"] == "item")
print("   directions:", ", ".join(dirs))
print("   item codes by kind:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
PY

echo "== leaflet: print-ready leaflets from the manifest"
C="$EXAMPLES/demo-campaign.yaml"
leaflet -q -t authority -c "$C" -o "$OUT/leaflets-authority.pdf" "$OUT/manifest.csv"
leaflet -q -t direction -c "$C" -o "$OUT/leaflets-direction.pdf" "$OUT/manifest.csv"
leaflet -q -t item -c "$C" --bleed 3 --crop-marks -o "$OUT/leaflets-item.pdf" "$OUT/manifest.csv"
leaflet -q -t grid -c "$C" -o "$OUT/leaflets-grid.pdf" "$OUT/manifest.csv"
mkdir -p "$OUT/reply" "$OUT/post"
leaflet -q -t reply -c "$C" -w level=direction -w direction=appeals -o "$OUT/reply/reply.png" "$OUT/manifest.csv"
leaflet -q -t post -c "$C" -w level=direction -o "$OUT/post/post.png" "$OUT/manifest.csv"
for f in "$OUT"/leaflets-*.pdf; do
  echo "   $f: $(pdfinfo "$f" 2>/dev/null | awk '/^Pages/ { print $2 }') pages"
done
echo "   replies to appeals: $(ls "$OUT/reply" | wc -l) PNG blocks in $OUT/reply/; posts: $(ls "$OUT/post" | wc -l) in $OUT/post/"

echo "== leaflet: texts to paste, and paper questionnaires"
# The «Оценить работу» module of every authority's site, and the closing
# paragraph of replies sent by e-mail, each with its active link.
leaflet -q -t site -f html -c "$C" -o "$OUT/site.html" "$OUT/manifest.csv"
leaflet -q -t site -f txt -c "$C" -o "$OUT/site.txt" "$OUT/manifest.csv"
leaflet -q -t reply -f html -c "$C" -w level=direction -w direction=appeals -o "$OUT/reply/email.html" "$OUT/manifest.csv"
leaflet -q -t reply -f txt -c "$C" -w level=direction -w direction=appeals -o "$OUT/reply/email.txt" "$OUT/manifest.csv"
echo "   site modules: $OUT/site.html, $OUT/site.txt; e-mail replies: $OUT/reply/email.html, email.txt"
auth=$(awk -F, '$2 == "authority" { print $3; exit }' "$OUT/manifest.csv")
leaflet -q -t site -f txt -c "$C" -w authority="$auth" "$OUT/manifest.csv" | sed 's/^/   | /'
leaflet -q -t reply -f txt -c "$C" -w level=direction -w direction=appeals -w authority="$auth" \
  "$OUT/manifest.csv" | sed 's/^/   | /'
# Paper forms for every item at one office, and the clerks' data-entry file.
first=$(awk -F, '$2 == "item" { print $1; exit }' "$OUT/manifest.csv")
leaflet -q -t form -c "$C" -w level=item -w point="${first##*.}" -o "$OUT/forms.pdf" "$OUT/manifest.csv"
leaflet -q -t form -f csv -c "$C" -o "$OUT/forms-entry.csv"
echo "   questionnaires for ${first##*.}: $OUT/forms.pdf ($(pdfinfo "$OUT/forms.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }') pages); data entry: $OUT/forms-entry.csv"

echo "== ingest: this month's exports into canonical responses"
X="$EXAMPLES/exports"
rm -f "$OUT/seen.bin"
ingest -q -c "$C" -p yandex-forms --seen "$OUT/seen.bin" --rejects "$OUT/rejects-yf-march.csv" \
  -o "$OUT/responses-yf-march.csv" "$X/yandex-forms-2024-03.csv"
# The same form downloaded again later and re-saved by Excel: the overlap is
# counted as duplicates through the seen file, the one changed answer rejected.
ingest -q -c "$C" -p yandex-forms --seen "$OUT/seen.bin" --rejects "$OUT/rejects-yf-excel.csv" \
  -o "$OUT/responses-yf-excel.csv" "$X/yandex-forms-2024-03-excel.csv"
ingest -q -c "$C" -p yandex-forms --seen "$OUT/seen.bin" --rejects "$OUT/rejects-yf-april.csv" \
  -o "$OUT/responses-yf-april.csv" "$X/yandex-forms-2024-04.xlsx"
ingest -q -c "$C" -p pos --rejects "$OUT/rejects-pos.csv" -o "$OUT/responses-pos.csv" \
  "$X/pos-2024-03.csv"
ingest -q -c "$C" -p paper --rejects "$OUT/rejects-paper.csv" -o "$OUT/responses-paper.csv" \
  "$X/paper-forms-2024-03.csv" "$X/paper-counts-2024-03.csv"
# One file of responses: the header once, then every source's rows.
{
  cat "$OUT/responses-yf-march.csv"
  for f in yf-excel yf-april pos paper; do tail -n +2 "$OUT/responses-$f.csv"; done
} > "$OUT/responses.csv"
echo "   responses in $OUT/responses.csv, rejects with their reasons in $OUT/rejects-*.csv"

echo "== tally: satisfaction figures"
R="$OUT/responses.csv"
tally -c "$C" -o "$OUT/tally-total.csv" "$R"
tally -c "$C" -g authority --totals -o "$OUT/tally-authority.csv" "$R"
tally -c "$C" -g direction -o "$OUT/tally-direction.csv" "$R"
tally -c "$C" -g month -o "$OUT/tally-month.csv" "$R"
tally -c "$C" -g authority,item -o "$OUT/tally-item.csv" "$R"
tally -c "$C" -g point,item -o "$OUT/tally-coverage.csv" "$R"
# Scaling out: partial counts of two halves merge into the very same figures.
half=$(( ($(wc -l < "$R") + 1) / 2 ))
head -n "$half" "$R" | tally -c "$C" -g authority --partial -o "$OUT/part1.csv"
{ head -n 1 "$R"; tail -n +"$((half + 1))" "$R"; } | tally -c "$C" -g authority --partial -o "$OUT/part2.csv"
tally --merge --totals -c "$C" -o "$OUT/tally-authority-merged.csv" "$OUT/part1.csv" "$OUT/part2.csv"
cmp -s "$OUT/tally-authority.csv" "$OUT/tally-authority-merged.csv" &&
  echo "   merged partials equal the whole: $OUT/tally-authority-merged.csv"
awk -F, '$3 == "q.overall" { n++; if ($4 == 0) z++ }
  END { printf "   %d of %d point and item pairs without a single answer (%s)\n", z, n, FILENAME }' \
  "$OUT/tally-coverage.csv"

echo "== report: the month's report for the ministry"
T="$OUT/tally-total.csv $OUT/tally-authority.csv $OUT/tally-direction.csv $OUT/tally-month.csv $OUT/tally-item.csv"
for fmt in pdf html xlsx md csv; do
  # shellcheck disable=SC2086
  report -q -c "$C" -o "$OUT/report.$fmt" $T
done
echo "   $OUT/report.pdf ($(pdfinfo "$OUT/report.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }') pages)," \
     "report.html, report.xlsx, report.md, report.csv"
