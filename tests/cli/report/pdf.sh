# The PDF: headline figures and every ranked group in the text layer, fonts
# embedded, qpdf finds no fault, page numbers.
D="$DATA/report"
report -c "$DATA/tally/campaign.yaml" -o r.pdf "$D/overall.csv" "$D/auth.csv" "$D/dir.csv" \
  "$D/month.csv" "$D/items.csv" || exit 1
qpdf --check r.pdf > /dev/null && echo "qpdf: ok"
pdffonts r.pdf | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { print bad ? "fonts NOT embedded" : "fonts embedded" }'
pdftotext r.pdf - | sed 's/\xc2\xa0/ /g' | tr -s ' \n' ' ' > text.txt
for want in "59,2 %" "45,2–71,8 %" "Целевое значение 80,0 %" "−20,8 п. п." \
    "Минсоцзащиты Амурской области" "Минцифры Амурской области" "Администрация г. Благовещенска" \
    "Меры государственной поддержки" "март 2024" "Выдача разрешения на строительство" "О методике" \
    "Страница 1 из"; do
  grep -aqF "$want" text.txt && echo "found: $want" || echo "MISSING: $want"
done
