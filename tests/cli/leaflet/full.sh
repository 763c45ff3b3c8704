# A full disk on standard output: one message, not a hint to fix the rows; exit 1.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l authority > m.csv
leaflet -q -t authority -w authority=minsoc m.csv > /dev/full
