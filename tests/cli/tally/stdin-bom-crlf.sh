# A BOM and CRLF line ends (a spreadsheet's save) read from stdin give the
# same figures as the plain file.
tally -g city --questions q.a,q.r:0-1 --min-n 1 "$DATA/tally/small.csv" > plain.csv
{ printf '\357\273\277'; sed 's/$/\r/' "$DATA/tally/small.csv"; } | tally -g city --questions q.a,q.r:0-1 --min-n 1 - > bom.csv
cmp plain.csv bom.csv && echo same
