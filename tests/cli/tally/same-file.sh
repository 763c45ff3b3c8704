# Input and output the same file: refused before reading (exit 2), input kept.
printf 'response_id,q.overall\n1,5\n2,4\n' > t.csv
cp t.csv t.keep
tally -o t.csv t.csv 2>&1; echo "exit $?"
ln -s t.csv link.csv
tally -o link.csv t.csv 2>&1; echo "exit $?"
cmp t.csv t.keep && echo "input unchanged"
