# The site module of §2.1 (seed 001) for every authority, as HTML and as
# text: the heading, the paragraph, the four questions each with the link of
# its direction's code, the links exactly the manifest's.
C="$DATA/seed/campaign.yaml"
qrgen -c "$C" --no-files -l direction > m.csv || exit 1
leaflet -t site -f html -c "$C" -o site.html m.csv || exit 1
python3 "$CASE_DIR/check-paste.py" site m.csv site.html
# One authority's module, ready to paste: no label line in text.
leaflet -q -t site -c "$C" -w authority=mintrud -o site.txt m.csv || exit 1
cat site.txt
# An ampersand of a URL is escaped in the HTML.
grep -c 'src=site&amp;a=1' site.html
# The site module is text only; a PDF reply cannot be HTML's template.
leaflet -t site -o site.pdf m.csv 2>&1; echo "exit $?"
leaflet -t item -f html m.csv 2>&1; echo "exit $?"
# Authority codes alone: no module to write, nothing written.
qrgen -c "$C" --no-files -l authority > a.csv || exit 1
leaflet -t site -f txt -o none.txt a.csv 2>&1; echo "exit $?"
ls none.txt 2>&1 | sed 's/.*: //'
