# The format from -o's extension, whatever its case; an extension that names
# no format is a usage error (exit 2), not a PDF under a wrong name.
T=$DATA/report/injection.csv
report -o ОТЧЕТ.XLSX "$T" && head -c 2 ОТЧЕТ.XLSX && echo
report -o Report.Md "$T" && head -c 2 Report.Md && echo
report -o r.xls "$T" 2>&1; echo "exit $?"
report -o r.docx "$T" 2>&1; echo "exit $?"
report -f csv -o r.xls "$T"; echo "exit $? with -f csv"
report -o r "$T" && head -c 4 r && echo
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l authority > m.csv
leaflet -q -t authority -w authority=minsoc -o out.PNG m.csv && head -c 4 out.PNG | tail -c 3 && echo
leaflet -q -t authority -o out.jpg m.csv 2>&1; echo "exit $?"
qrgen -q -c "$EXAMPLES/demo-campaign.yaml" -l authority -f SVG -o codes > /dev/null && ls codes | head -1
ls
