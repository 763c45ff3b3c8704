# Report templates: the shipped monthly template (title, subtitle, sections in
# its order, labels); an edited copy (-t ./my-report.yaml) with its own
# sections, band colours and target; --target over the template's; errors
# naming file:line:column; an unknown name is a usage error.
D="$DATA/report"
report -t monthly -f md "$D/overall.csv" "$D/auth.csv" "$D/month.csv" > m.md || exit 1
sed -n 1,5p m.md
grep '^## ' m.md
grep -c 'Общая удовлетворенность' m.md
sed -e 's/^sections:.*/sections: [method, headline]/' -e '/^           comments, method\]/d' \
    -e 's/good_fill: "#D8F0E0"/good_fill: "#ABCDEF"/' -e 's/^# target: 80%/target: 50%/' \
    "$ANKETA_SOURCE/share/templates/report/monthly.yaml" > my-report.yaml
report -t ./my-report.yaml -f md "$D/overall.csv" | grep -E '^## |Целевое значение'
report -t ./my-report.yaml -f html "$D/overall.csv" | grep -o 'td.good{background:#[0-9a-f]*' 
report -t ./my-report.yaml --target 90% -f md "$D/overall.csv" | grep 'Целевое значение'
printf 'name: bad\nsections: [headline, charts]\n' > bad.yaml
report -t ./bad.yaml "$D/overall.csv" > /dev/null 2> err.txt; echo "exit $?"; sed 's|.*/||' err.txt
printf 'name: bad\ncolors: { good: green }\n' > bad.yaml
report -t ./bad.yaml "$D/overall.csv" > /dev/null 2> err.txt; echo "exit $?"; sed 's|.*/||' err.txt
report -t nosuch "$D/overall.csv" > /dev/null 2> err.txt; echo "exit $?"; head -1 err.txt | sed 's/: not found in .*/: not found in .../'
