# A campaign written before kinds: every item takes its direction's kind,
# qrgen says so once, and the code ids are what they were (no event
# suffix: a control or prevention direction's item keeps its one code).
qrgen -c "$DATA/tally/campaign.yaml" --no-files > m.csv 2> err.txt || exit 1
wc -l < err.txt
sed "s#$DATA/##" err.txt
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("m.csv", encoding="utf-8")))
print(len(rows), "codes")
for r in rows:
    if r["direction"] in ("support", "control", "prevention") and r["level"] == "item":
        print(r["code_id"], r["kind"], r["event"], sep=",")
PY
