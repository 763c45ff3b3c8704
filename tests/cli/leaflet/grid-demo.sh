# Grid sheets: the items of one authority, direction and point per sheet;
# every code on every sheet readable.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files > manifest.csv || exit 1
leaflet -q -t grid -c "$EXAMPLES/demo-campaign.yaml" -o grid.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-pdf.py" manifest.csv grid.pdf item 35
# each sheet holds one kind (one event type of control), worded as the seed's
python3 "$CASE_DIR/check-wording.py" manifest.csv grid.pdf grid item
