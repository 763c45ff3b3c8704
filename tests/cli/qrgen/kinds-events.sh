# Every item has a kind; a kind of control has one code per event type
# enabled, the event pre-filled in its link and, where there are two, added
# to its code id. Points that are units are labelled «Подразделение».
cols() {
  python3 -c '
import csv, sys
want = sys.argv[1].split(",")
for r in csv.DictReader(sys.stdin):
    print(",".join(r[c] for c in want))' "$1"
}
qrgen -c "$DATA/kinds/internal.yaml" --no-files > internal.csv || exit 1
cols code_id,kind,event,point_label,url < internal.csv
qrgen -q -c "$EXAMPLES/demo-campaign.yaml" --no-files > demo.csv || exit 1
cols code_id,level,kind,event,url < demo.csv | grep '^adm-blag\.control'
echo "demo kinds: $(cols kind < demo.csv | sort | uniq -c | tr -s ' \n' ' ')"
