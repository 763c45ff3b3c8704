# A table ranked by its lowest groups (an item key) keeps only those rows
# when read from a file; from a pipe it keeps every row. Both give the same
# report, ties in satisfaction in file order, totals included; and a
# readiness table with an item key, read from a file, is read again whole.
python3 "$ANKETA_SOURCE/tests/bench/gen_responses.py" 4000 all.csv --small --seed=3
tally -c "$DATA/tally/campaign.yaml" -g authority,item,month --totals --min-n 3 all.csv >t.csv || exit 1
report -f md --title T --period P t.csv >file.md || exit 1
report -f md --title T --period P <t.csv >pipe.md || exit 1
cmp file.md pipe.md && echo "file and pipe agree"
sed -n '/^## Наименее/,/^## О методике/p' file.md
sed '1s/^district,/item,/' "$DATA/report/readiness.csv" >ready.csv
report -f md --title T --period P ready.csv >r1.md && report -f md --title T --period P <ready.csv >r2.md &&
  cmp r1.md r2.md && grep -c 'Готовность' r1.md
