# Not a manifest, an unknown template, an unreadable logo: a clear message, exit 1.
printf 'name,link\nx,https://example.ru/\n' > notmanifest.csv
leaflet -t item -o a.pdf notmanifest.csv; echo "status $?"
leaflet -t poster -o b.pdf notmanifest.csv; echo "status $?"
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l authority > m.csv
echo 'not a png' > logo.png
leaflet -q -t authority --logo logo.png -o c.pdf m.csv; echo "status $?"
ls
