# The same input and SOURCE_DATE_EPOCH give byte-identical PDFs.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files > manifest.csv || exit 1
SOURCE_DATE_EPOCH=1700000000 leaflet -q -t item -c "$EXAMPLES/demo-campaign.yaml" -o a.pdf manifest.csv
sleep 1
SOURCE_DATE_EPOCH=1700000000 leaflet -q -t item -c "$EXAMPLES/demo-campaign.yaml" -o b.pdf manifest.csv
cmp a.pdf b.pdf && echo identical
pdfinfo a.pdf | grep CreationDate | tr -s ' '
