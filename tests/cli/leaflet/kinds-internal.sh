# Internal clients: processes worded as processes, points that are units
# named «Подразделение: ...»; a direction of mixed kinds; a kind of control
# with one event type has one code. Every code decoded at 150 dpi.
C="$DATA/kinds/internal.yaml"
qrgen -q -c "$C" --no-files > manifest.csv || exit 1
leaflet -q -t item -c "$C" -o items.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-pdf.py" manifest.csv items.pdf item 7
pdftotext items.pdf - | tr -s ' \n' ' ' > items.txt
for want in "Оцените внутренний процесс" "Опрос анонимный" "Подразделение: Отдел информационных технологий" \
    "Подразделение: Отдел контроля" "В отношении Вашей организации проводилась проверка?"; do
  grep -q "$want" items.txt && echo "found: $want" || echo "MISSING: $want"
done
# grid: a sheet per unit and kind (one per event type of control)
leaflet -q -t grid -c "$C" -o grid.pdf manifest.csv || exit 1
python3 "$CASE_DIR/check-pdf.py" manifest.csv grid.pdf item 4
for n in 1 2 3 4; do
  pdftotext -f $n -l $n grid.pdf - | tr -s ' \n' ' ' |
    grep -o -e 'Оцените внутренние процессы' -e 'проводилась проверка?' \
      -e 'проводилось профилактическое мероприятие?' -e 'Подразделение: Отдел [^ ]*' | tr '\n' '|'
  echo
done
