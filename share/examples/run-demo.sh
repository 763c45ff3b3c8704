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
