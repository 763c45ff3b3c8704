# The same input and SOURCE_DATE_EPOCH give byte-identical PDF and XLSX.
D="$DATA/report"
for n in 1 2; do
  SOURCE_DATE_EPOCH=1700000000 report -c "$DATA/tally/campaign.yaml" -o r$n.pdf "$D/overall.csv" "$D/auth.csv" "$D/month.csv" || exit 1
  SOURCE_DATE_EPOCH=1700000000 report -c "$DATA/tally/campaign.yaml" -o r$n.xlsx "$D/overall.csv" "$D/auth.csv" "$D/month.csv" || exit 1
  sleep 1
done
cmp r1.pdf r2.pdf && echo "pdf identical"
cmp r1.xlsx r2.xlsx && echo "xlsx identical"
# A value that is not whole seconds is refused by the commands that date
# documents, not read as 0.
for cmd in qrgen leaflet report; do
  SOURCE_DATE_EPOCH=17e8 $cmd --help > /dev/null 2> err
  echo "$cmd: exit $?, $(cat err)"
done
