# Bleed and crop marks: the sheet grows by the bleed and the marks' margin on
# each side (148 + 2 x (3 + 8) mm = 170 mm); the code still reads.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l item > m.csv
head -2 m.csv > one.csv
leaflet -q -t item --bleed 3 --crop-marks -o b.pdf one.csv || exit 1
pdfinfo b.pdf | grep 'Page size'
pdftoppm -r 150 -png b.pdf page
url=$(python3 -c "import csv; print(list(csv.DictReader(open(\"one.csv\")))[0][\"url\"])")
[ "$(zbarimg -q --raw page-1.png 2>/dev/null)" = "$url" ] && echo decoded
