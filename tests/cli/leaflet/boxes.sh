# Every leaflet PDF carries its boxes, in points: TrimBox the finished page,
# BleedBox the trim and the bleed, MediaBox the sheet with room for crop marks.
# A5 is 419.53 x 595.28 pt, A4 595.28 x 841.89 pt; 3 mm is 8.50 pt, 8 mm 22.68 pt.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files > m.csv
for t in item authority; do
  for opts in "" "--bleed 3" "--bleed 3 --crop-marks"; do
    # shellcheck disable=SC2086
    leaflet -q -t "$t" $opts -w authority=minsoc -o b.pdf m.csv || exit 1
    echo "$t ${opts:-(no bleed)}:"
    python3 "$CASE_DIR/print-check.py" boxes b.pdf
  done
done
