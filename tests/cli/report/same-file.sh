# Input and output the same file: refused before reading (exit 2), input kept.
cp "$DATA/report/injection.csv" t.csv
report -f csv -o t.csv t.csv 2>&1; echo "exit $?"
cmp t.csv "$DATA/report/injection.csv" && echo "input unchanged"
