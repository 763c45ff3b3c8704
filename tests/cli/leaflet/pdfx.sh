# leaflet --pdfx: PDF/X-4 for a print shop. Decompressed by qpdf, the pages
# hold CMYK colour operators only: black as K alone (0 0 0 1 k), the brand
# blue as the template's CMYK, the grey on the black plate. Ghostscript's
# separations put the QR code on the black plate alone (the plain PDF, RGB,
# comes out as rich black on all four); fonts stay embedded and the code
# still reads from a 150 dpi rendering.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l item > m.csv
head -2 m.csv > one.csv
leaflet -q -t item -c "$EXAMPLES/demo-campaign.yaml" --pdfx --bleed 3 --crop-marks -o x.pdf one.csv || exit 1
leaflet -q -t item -c "$EXAMPLES/demo-campaign.yaml" --bleed 3 --crop-marks -o plain.pdf one.csv || exit 1
python3 "$CASE_DIR/print-check.py" colours x.pdf
python3 "$CASE_DIR/print-check.py" boxes x.pdf
# The code's box on the sheet: the template's x 36, y 61, side 76, plus 3 + 8 mm.
printf 'plain PDF, '; python3 "$CASE_DIR/print-check.py" plates plain.pdf 47 72 76
printf 'PDF/X, '; python3 "$CASE_DIR/print-check.py" plates x.pdf 47 72 76
python3 "$CASE_DIR/check-pdf.py" one.csv x.pdf item 1
leaflet -q -t item -c "$EXAMPLES/demo-campaign.yaml" --pdfx --bleed 3 --crop-marks -o again.pdf one.csv || exit 1
cmp -s x.pdf again.pdf && echo "reproducible"
# Every shipped PDF template converts: no RGB is left.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files > all.csv
for t in authority direction grid reply; do
  leaflet -q -t "$t" -c "$EXAMPLES/demo-campaign.yaml" -w authority=minsoc --pdfx -o "$t.pdf" all.csv || exit 1
  printf '%s: ' "$t"; python3 "$CASE_DIR/print-check.py" colours "$t.pdf" | head -1
done
