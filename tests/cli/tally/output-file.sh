# -o writes the file only when all went well: a failing run keeps the old one.
tally --questions q.a,q.r:0-1 -o figures.csv "$DATA/tally/small.csv" && wc -l < figures.csv
printf 'id,q.a\n1,9\n' > bad.csv
tally --questions q.a -o figures.csv bad.csv 2>/dev/null || echo "failed, kept: $(wc -l < figures.csv) lines"
