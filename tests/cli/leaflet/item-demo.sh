# The item leaflets of the demo campaign: one A5 page per item code, fonts
# embedded, every name in the text, every code readable.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files > manifest.csv || exit 1
leaflet -t item -c "$EXAMPLES/demo-campaign.yaml" -o items.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-pdf.py" manifest.csv items.pdf item 70
pdfinfo items.pdf | grep 'Page size'
# every page worded by its item's kind (a kind of control: its event type)
python3 "$CASE_DIR/check-wording.py" manifest.csv items.pdf item item
