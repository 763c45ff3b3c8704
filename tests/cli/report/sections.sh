# Every section of a full monthly report (template, --compare, --comments,
# two keys, a trend, NPS) is in every format: each heading of the Markdown
# is in the PDF's text (a heading that moved to a new page once showed the
# footer's title instead) and in the HTML, which parses.
C="$DATA/tally/campaign.yaml"
R="$DATA/tally/demo-responses.csv"
tally -c "$C" "$R" > all.csv 2>/dev/null || exit 1
tally -c "$C" -g authority --totals --questions q.overall "$R" > auth.csv 2>/dev/null || exit 1
tally -c "$C" -g authority,direction --totals --questions q.overall "$R" > ad.csv 2>/dev/null || exit 1
tally -c "$C" -g month --questions q.overall "$R" > month.csv 2>/dev/null || exit 1
for f in md pdf html; do
  report -c "$C" -t monthly --compare auth.csv --comments "$R" -o r.$f all.csv auth.csv ad.csv \
    month.csv || exit 1
done
grep '^#' r.md
pdftotext r.pdf - | tr -s ' \n' ' ' > pdf.txt
/usr/bin/python3 - <<'PY'
from lxml import html
md = [l.lstrip("#").strip() for l in open("r.md", encoding="utf-8") if l.startswith("#")]
pdf = open("pdf.txt", encoding="utf-8").read()
doc = html.parse("r.html")
heads = [h.text_content().strip() for h in doc.xpath("//h1|//h2")]
missing = [h for h in md if " ".join(h.split()) not in pdf]
print("pdf: every heading" if not missing else "pdf MISSING: %s" % missing)
print("html: every heading" if heads == md else "html differs: %s" % heads)
PY
