# Dates and --where against an independent computation in Python over the
# same generated responses: a BOM, CRLF, UTC offsets from -05:00 to +12:00
# and Z, times next to midnight, values without an offset, weights, and
# quoted line breaks in comments and in a key column (a line-based filter
# would miscount). Python reads the CSV with its csv module and takes each
# record's local date with datetime.fromisoformat. Each case compares every
# group's responses, answered and mean, and the counts left out on stderr.
python3 - <<'PY' || exit 1
import csv, random
rng = random.Random(14)
offsets = ["-05:00", "+00:00", "Z", "+03:00", "+07:00", "+10:00", "+12:00", ""]
places = ["Горно-Алтайск", "Майма", "Чоя\nсело", 'Усть-Кокса, "центр"']
sources = ["paper", "pos", "site", "yandex-forms"]
with open("r.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["response_id", "submitted_at", "source", "channel", "municipality", "weight",
                "q.overall", "q.result", "comment"])
    for i in range(3000):
        m = rng.choice([1, 2, 2, 3, 3, 3, 4, 12])
        d = rng.randint(1, 28 if m == 2 else 30)
        if rng.random() < 0.2:     # the edges of a month, late or early in the day
            d = rng.choice([1, 29 if m == 2 else 30])
        h = rng.choice([0, 0, 23, 23, rng.randint(0, 23)])
        stamp = "%04d-%02d-%02dT%02d:%02d:00%s" % (2024 if m != 12 else 2023, m, d, h,
                                                   rng.randint(0, 59), rng.choice(offsets))
        com = rng.choice(["", "", "ок", "долго\nждал", 'сказали "нет"\r\nи всё'])
        w.writerow(["r%d" % i, stamp, rng.choice(sources), rng.choice(["qr", "site"]),
                    rng.choice(places), rng.choice(["1", "1", "0.5", "2"]),
                    rng.choice(["1", "2", "3", "4", "5", ""]), rng.choice(["0", "1", ""]), com])
PY
check() {   # check KEY ARGS...: tally's figures and left-out counts against Python's
  key=$1; shift
  tally -g "$key" --questions q.overall --min-n 0 "$@" r.csv > t.csv 2> t.err || { cat t.err; return 1; }
  python3 - "$key" "$@" <<'PY'
import csv, datetime, sys
key, args = sys.argv[1], sys.argv[2:]
lo, hi, where = None, None, []
i = 0
while i < len(args):
    a, v = args[i], args[i + 1]
    i += 2
    if a == "--from": lo = datetime.date.fromisoformat(v)
    elif a == "--to": hi = datetime.date.fromisoformat(v)
    elif a == "--period":
        if "-W" in v:
            y, wk = v.split("-W")
            lo = datetime.date.fromisocalendar(int(y), int(wk), 1)
            hi = lo + datetime.timedelta(days=6)
        elif "-Q" in v:
            y, q = int(v[:4]), int(v[-1])
            lo = datetime.date(y, 3 * q - 2, 1)
            hi = datetime.date(y + (q == 4), (3 * q) % 12 + 1, 1) - datetime.timedelta(days=1)
        else:
            y, m = map(int, v.split("-"))
            lo = datetime.date(y, m, 1)
            hi = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
    elif a == "--where":
        col, vals = v.split("=", 1)
        where.append((col, vals.split(",")))
def derived(r, col):
    d = datetime.datetime.fromisoformat(r["submitted_at"]).date()
    if col == "month": return "%04d-%02d" % (d.year, d.month)
    if col == "week": return "%04d-W%02d" % d.isocalendar()[:2]
    if col == "day": return d.isoformat()
    return r[col]
groups, out_date, out_where = {}, 0, 0
with open("r.csv", encoding="utf-8-sig", newline="") as f:
    for r in csv.DictReader(f):
        d = datetime.datetime.fromisoformat(r["submitted_at"]).date()
        if (lo and d < lo) or (hi and d > hi):
            out_date += 1
            continue
        if not all(derived(r, c) in vals for c, vals in where):
            out_where += 1
            continue
        g = groups.setdefault(derived(r, key), [0.0, 0.0, 0.0])
        w = float(r["weight"])
        g[0] += w
        if r["q.overall"]:
            g[1] += w
            g[2] += w * int(r["q.overall"])
with open("t.csv", newline="") as f:
    rows = {r[key]: r for r in csv.DictReader(f)}
bad = sorted(set(rows) ^ set(groups))
for k, (n, ans, s) in groups.items():
    r = rows.get(k)
    if r is None: continue
    if abs(float(r["responses"]) - n) > 1e-9 or abs(float(r["answered"]) - ans) > 1e-9 or \
       (ans and abs(float(r["mean"]) - s / ans) > 1e-9):
        bad.append(k)
err = open("t.err", encoding="utf-8").read()
if out_date and "left out %d record%s outside" % (out_date, "s" * (out_date != 1)) not in err:
    bad.append("left out by date: want %d, got %r" % (out_date, err))
if out_where and "left out %d record%s not matching" % (out_where, "s" * (out_where != 1)) not in err:
    bad.append("left out by --where: want %d, got %r" % (out_where, err))
if not out_date and not out_where and err:
    bad.append("stderr: %r" % err)
print(" ".join(args), "->", "%d groups agree" % len(groups) if not bad else "DIFFER: %r" % bad[:5])
sys.exit(1 if bad else 0)
PY
}
check day --period 2024-03 || exit 1
check source --from 2024-02-29 --to 2024-03-01 || exit 1
check municipality --period 2024-W09 --where source=paper,pos || exit 1
check source --where month=2024-03 --where channel=qr || exit 1
check month --period 2024-Q1 --where "municipality=Чоя
село,Майма" || exit 1
check week --where "comment=" --to 2024-01-31 || exit 1
check channel --period 2023-12 || exit 1
# The same choice on two threads, and through --partial and --merge.
tally -g municipality,month --period 2024-Q1 --where source=paper,site --threads 1 -q r.csv > one.csv
ANKETA_TALLY_SPLIT_MIN=1 tally -g municipality,month --period 2024-Q1 --where source=paper,site -q r.csv > two.csv
cmp one.csv two.csv && echo "two threads: same"
tally -g municipality,month --period 2024-Q1 --where source=paper,site --partial -q r.csv > p.csv
tally --merge p.csv | cmp - one.csv && echo "partial and merge: same"
