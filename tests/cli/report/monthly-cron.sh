# share/examples/monthly-report.sh as cron runs it, over two simulated
# months: March's exports come as two overlapping downloads (the overlap
# counted once, through the seen file), April's in one; the April report's
# change against March for each authority and the total equals an
# independent computation; -q is silent; a file with no profile is one line
# and exit 1.
C=$EXAMPLES/demo-campaign.yaml
S=$EXAMPLES/monthly-report.sh
/usr/bin/python3 - <<'PY'
import random
random.seed(5)
auth = ["minsoc", "mincifry", "adm-blag"]
def gen(month, n, start):
    return [(f"yf:{start + i}", f"2024-{month}-{1 + i % 28:02d}T10:00:00+09:00", auth[i % 3],
             random.choice([1, 2, 3, 4, 5, 5, 4])) for i in range(n)]
mar, apr = gen("03", 300, 1), gen("04", 240, 1000)
def write(path, rows):
    with open(path, "w") as f:
        f.write("response_id,submitted_at,authority,q.overall\n")
        f.writelines(f"{r[0]},{r[1]},{r[2]},{r[3]}\n" for r in rows)
write("mar-a.csv", mar[:200]); write("mar-b.csv", mar[150:]); write("apr.csv", apr)
# the expected changes: shares of 4-5 in percentage points, rounded once,
# half away from zero, as the report writes them
from fractions import Fraction as F
def share(rows, a=None):
    sel = [r for r in rows if a is None or r[2] == a]
    return F(sum(r[3] >= 4 for r in sel), len(sel))
def ru(d):
    tenths = int(abs(d) * 1000 + F(1, 2))     # of a point, half away from zero
    s = f"{tenths // 10},{tenths % 10}\u00a0п.\u00a0п."
    return ("+" if d > 0 else "−" if d < 0 else "") + s
with open("want.txt", "w") as f:
    for a in auth + [None]:
        f.write(f"{a or '*'}|{ru(share(apr, a) - share(mar, a))}\n")
PY
[ -s want.txt ] || exit 1
mkdir -p d/inbox
printf '# export name  profile\n*.csv  canonical\n' > d/profiles
cp mar-a.csv mar-b.csv d/inbox/
sh "$S" -m 2024-03 -c "$C" d || exit 1
grep -h "^ingest:" d/state/last-run.log
cp apr.csv d/inbox/
sh "$S" -q -m 2024-04 -c "$C" d > out.txt 2>&1; echo "april: exit $?, $(wc -c < out.txt) bytes said"
ls d/reports d/state/done
/usr/bin/python3 - <<'PY'
names = {"minsoc": "Минсоцзащиты Амурской области", "mincifry": "Минцифры Амурской области",
         "adm-blag": "Администрация г. Благовещенска", "*": "Итого"}
want = dict(l.rstrip("\n").split("|") for l in open("want.txt", encoding="utf-8"))
got = {}
for line in open("d/reports/2024-04.md", encoding="utf-8"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    for k, n in names.items():
        if len(cells) == 8 and cells[1] == n:
            got[k] = cells[6]
assert got == want, (got, want)
print("changes as computed:", " ".join(f"{k} {v}" for k, v in sorted(got.items())))
PY
[ $? = 0 ] || exit 1
echo "== an export no profile maps"
printf 'x\n' > d/inbox/unknown.xls
sh "$S" -q -m 2024-04 -c "$C" d 2>&1; echo "exit $?"
