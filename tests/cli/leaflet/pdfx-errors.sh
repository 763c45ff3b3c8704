# --pdfx refuses what it cannot print as asked: PNG or SVG output (a usage
# error), a colour with no CMYK value, a rich black, CMYK out of range.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l item > m.csv
head -2 m.csv > one.csv
leaflet -q -t item --pdfx -o x.png one.csv; echo "png: exit $?"
cat > red.yaml <<'YAML'
name: red
page: { width: 100, height: 100 }
elements:
  - { type: qr, x: 10, y: 10, size: 60 }
  - { type: box, x: 0, y: 90, w: 100, h: 10, color: "#C00000" }
YAML
leaflet -q -t ./red.yaml -o plain.pdf one.csv; echo "red, plain PDF: exit $?"
leaflet -q -t ./red.yaml --pdfx -o x.pdf one.csv 2>&1; echo "red, --pdfx: exit $?"
sed 's/"#C00000"/{ rgb: "#000000", cmyk: [60, 40, 40, 100] }/' red.yaml > rich.yaml
leaflet -q -t ./rich.yaml --pdfx -o x.pdf one.csv 2>&1; echo "rich black: exit $?"
sed 's/"#C00000"/{ cmyk: [0, 100, 120, 0] }/' red.yaml > range.yaml
leaflet -q -t ./range.yaml -o x.pdf one.csv 2>&1; echo "out of range: exit $?"
sed 's/"#C00000"/{ cmyk: [0, 100, 100, 0] }/' red.yaml > cmyk.yaml
leaflet -q -t ./cmyk.yaml --pdfx -o x.pdf one.csv 2>&1; echo "cmyk only: exit $?"
python3 "$CASE_DIR/print-check.py" colours x.pdf | sed -n '/cmyk:/p'
ls
