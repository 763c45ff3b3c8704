# The manifest as the output: refused before reading (exit 2), manifest kept.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l authority > m.csv
cp m.csv m.keep
leaflet -t authority -f pdf -o m.csv m.csv 2>&1; echo "exit $?"
cmp m.csv m.keep && echo "manifest unchanged"
