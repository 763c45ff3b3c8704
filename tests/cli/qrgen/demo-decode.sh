# Every PNG made for the demo campaign decodes to exactly its manifest url.
qrgen -c "$EXAMPLES/demo-campaign.yaml" -o codes > manifest.csv || exit 1
python3 "$CASE_DIR/decode-check.py" manifest.csv
cut -d, -f2 manifest.csv | sort | uniq -c
