# tally --merge over partials of random splits (records shuffled into 1 to 5
# shards, partials concatenated in any order) equals one pass, byte for byte,
# with totals, suppression, coverage and fractional weights.
gen=$ANKETA_SOURCE/tests/bench/gen_responses.py
python3 "$gen" 1500 all.csv --small --seed=11
C=$DATA/tally/campaign.yaml
for keys in authority,direction direction,month,municipality item; do
  tally -c "$C" -g $keys --totals --min-n 20 all.csv > one.csv || exit 1
  for seed in 1 2 3 4; do
    rm -f shard-*.csv
    python3 - "$seed" <<'PY'
import csv, random, sys
rng = random.Random(int(sys.argv[1]))
rows = list(csv.reader(open("all.csv", newline="", encoding="utf-8")))
head, body = rows[0], rows[1:]
rng.shuffle(body)
k = rng.randint(1, 5)
outs = [csv.writer(open("shard-%d.csv" % i, "w", newline="", encoding="utf-8"), lineterminator="\n") for i in range(k)]
for o in outs:
    o.writerow(head)
for r in body:
    outs[rng.randrange(k)].writerow(r)
PY
    for s in shard-*.csv; do tally -c "$C" -g $keys --partial "$s"; done > parts
    tally -c "$C" --merge --totals --min-n 20 < parts > two.csv || exit 1
    cmp one.csv two.csv || { echo "keys $keys seed $seed differ"; exit 1; }
  done
done
echo "all splits equal"
