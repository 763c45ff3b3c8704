# Every shipped sample export through its profile with the demo campaign:
# the summary, the number of records written (CSV records: the Yandex
# comments span lines), the first record, and the rejects (file, line,
# reason), which are exactly the deliberate faults listed in
# share/examples/exports/README.
C=$EXAMPLES/demo-campaign.yaml
cp "$EXAMPLES"/exports/*.csv "$EXAMPLES"/exports/*.xlsx . || exit 1
. "$CASE_DIR/csv-tools.inc"
for run in "yandex-forms yandex-forms-2024-03.csv" "yandex-forms yandex-forms-2024-03-excel.csv" \
           "yandex-forms yandex-forms-2024-04.xlsx" "pos pos-2024-03.csv" \
           "paper paper-forms-2024-03.csv" "paper paper-counts-2024-03.csv"; do
  set -- $run
  echo "== $2 ($1)"
  rm -f out.csv rej.csv
  ingest -q -c "$C" -p "$1" --rejects rej.csv -o out.csv "$2" 2>err
  echo "exit $?"
  cat err
  echo "records written: $(records out.csv)"
  sed -n 2p out.csv
  reasons rej.csv
done
# The hand counts hold 190 answers: the weights of the accepted rows.
awk -F, 'NR > 1 { s += $10 } END { print "paper counts weight:", s }' out.csv
# Both March Yandex downloads in one run: 159 of the 160 shared ids are
# duplicates, ID 1843929470 is a conflict (kept as in file 1, overall 5), and
# the multi-line comment that is in both (a CRLF file with a bare LF inside
# the quotes) is written once, with LF.
echo "== both March Yandex downloads"
ingest -q -c "$C" -p yandex-forms --rejects rej.csv -o out.csv yandex-forms-2024-03.csv yandex-forms-2024-03-excel.csv 2>err
echo "exit $?"
cat err
echo "records written: $(records out.csv)"
reasons rej.csv
awk '/^yf:(1843928718|1843929470),/ { on = 1 } on { print; q += gsub(/"/, "&"); if (q % 2 == 0) on = 0 }' out.csv | tr -cd '\r' | wc -c
awk '/^yf:(1843928718|1843929470),/ { on = 1 } on { print; q += gsub(/"/, "&"); if (q % 2 == 0) on = 0 }' out.csv
echo "-- April lies outside the demo campaign's period: accepted, and said"
ingest -c "$C" -p yandex-forms -o april.csv yandex-forms-2024-04.xlsx 2>&1 | grep -v 'rejected:'
