# An answer off its scale names file, line and column; nothing is written.
printf 'id,q.overall,comment\n1,5,"a\nb"\n2,7,\n' > bad.csv
tally -o out.csv bad.csv
echo "exit $?"; test -e out.csv && echo "out.csv written"
exit 0
