# The paper questionnaire (seed 000): an A4 form per item at a point and per
# direction, every question of the campaign on it, its code carrying its ids
# (read back from a 150 dpi rendering), and the clerks' data-entry file,
# which the paper profile reads as it is (--strict: every column known).
C="$DATA/seed/campaign.yaml"
qrgen -c "$C" --no-files > m.csv || exit 1
leaflet -q -t form -c "$C" -o forms.pdf m.csv || exit 1
pdfinfo forms.pdf | grep -E '^(Pages|Page size)'
python3 "$CASE_DIR/check-form.py" m.csv forms.pdf "$C"
pdftotext -f 1 -l 1 forms.pdf - | grep -E '^(АНКЕТА|Номер анкеты|Дата|Место приема:|Да|Нет|Ваши замечания и предложения:|Благодарим за участие в опросе!)$'
leaflet -t form -f csv -c "$C" -o entry.csv || exit 1
cat entry.csv
# Two forms typed in as a clerk would: ids or names, «да» for yes.
printf '%s\n' '1,05.03.2025,office-lenina,tr-mnogodet,5,4,5,9,да,Спасибо' \
  '2,06.03.2025,mfc-berdsk,Выдача разрешения на строительство,3,,2,,нет,' >> entry.csv
ingest --strict -c "$C" -p paper --rejects rejects.csv entry.csv 2>&1
# A campaign whose questions cannot fit one page: an error naming the item,
# nothing written.
cp "$C" long.yaml
i=0; while [ $i -lt 30 ]; do
  echo "  - { id: extra$i, scale: 1-5, text: \"Дополнительный вопрос номер $i о качестве взаимодействия с органом власти, сформулированный длинно\" }" >> long.yaml
  i=$((i + 1))
done
leaflet -t form -c long.yaml -o long.pdf -w code_id=mintrud.services.tr-mnogodet.office-lenina m.csv 2>&1 | sed 's/[0-9.]* mm more/N mm more/'
ls long.pdf 2>&1 | sed 's/.*: //'
# An item name too long for its field: the error names the item and point.
sed 's/name: "Выдача разрешения на строительство"/name: "'"$(printf 'Очень длинное название услуги %.0s' 1 2 3 4 5 6 7 8 9 10 11 12)"'"/' "$C" > longname.yaml
leaflet -q -t form -c longname.yaml -o ln.pdf -w item=st-rns m.csv 2>&1 | sed 's/^\(leaflet: m.csv:[0-9]*: \).*\.\.\.\(.*\)/\1...\2/'
# The form needs the campaign; csv is the form's.
leaflet -t form m.csv 2>&1; echo "exit $?"
leaflet -t item -f csv m.csv 2>&1; echo "exit $?"
