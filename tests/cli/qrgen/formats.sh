# SVG, PDF, EPS and text: files of the right kind; the PDF code decodes.
echo 'name,url
one,https://forms.yandex.ru/u/abc/?point=pt-1' > in.csv
for f in svg pdf eps txt; do qrgen -o out -f $f in.csv > m-$f.csv || exit 1; done
file -b out/one.pdf | cut -c1-12
head -c 39 out/one.svg; echo
grep -c '<path' out/one.svg
head -1 out/one.eps
python3 "$CASE_DIR/decode-check.py" m-pdf.csv
wc -l < out/one.txt
