# Not a tally file, a file without rows, no such file: a clear message, exit 1,
# and the old output left as it was.
echo old > r.pdf
report -o r.pdf "$DATA/report/not-tally.csv"; echo "status $?"
report -o r.pdf "$DATA/report/header-only.csv"; echo "status $?"
report -o r.pdf missing.csv; echo "status $?"
report -f docx < /dev/null; echo "status $?"
cat r.pdf
