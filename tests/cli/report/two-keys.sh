# A tally of two keys with --totals: the matrix holds each pair's share as
# computed here (python3) from the responses; within each authority the
# channels are ranked best first, the authority's total after them with no
# rank; no total is ever ranked. A ranking of 30 groups gets a chart of the
# top and bottom 12 with a gap mark.
/usr/bin/python3 "$DATA/report/two_keys_gen.py" || exit 1
tally -g authority,channel --totals --questions q.overall responses.csv > two.csv || exit 1
report -f md two.csv > r.md || exit 1
/usr/bin/python3 - <<'PY' || exit 1
import csv, math
from fractions import Fraction
def pct(x):
    r = math.floor(abs(x) * 1000 + Fraction(1, 2)); return "%d,%d\u00a0%%" % (r // 10, r % 10)
resp = list(csv.DictReader(open("responses.csv", encoding="utf-8")))
hidden = {(r["authority"], r["channel"]) for r in csv.DictReader(open("two.csv")) if r["suppressed"] == "1"}
chan = {"qr": "QR-код", "site": "сайт", "pos": "ПОС", "paper": "бумажная анкета"}
md = open("r.md", encoding="utf-8").read().split("## ")
matrix = next(s for s in md if s.startswith("Удовлетворенность: Орган власти × Канал"))
within = next(s for s in md if s.startswith("Рейтинг внутри групп"))
rows = [[c.strip() for c in l.strip("|").split("|")] for l in matrix.splitlines() if l.startswith("| ")]
head, cells = rows[0], 0
for row in rows[1:]:
    for col, text in zip(head[1:], row[1:]):
        a = row[0]; c = next((k for k, v in chan.items() if v == col), "*")
        rs = [r for r in resp if a in ("Итого", r["authority"]) and c in ("*", r["channel"])]
        if a == "Итого" and c != "*":
            assert text == "", (a, c, text); continue
        if (a, c) in hidden: want = "скрыто"
        elif not rs: want = "—"
        else: want = pct(Fraction(sum(r["q.overall"] in "45" for r in rs), len(rs)))
        assert text == want, (a, c, text, want); cells += 1
lines = [[c.strip() for c in l.strip("|").split("|")] for l in within.splitlines() if l.startswith("| ")][1:]
groups = {}
for l in lines:
    groups.setdefault(l[1], []).append(l)
for a, ls in groups.items():
    assert ls[-1][2] in ("Итого по группе", "Итого") and ls[-1][0] == "", ls[-1]
    parts = ls[:-1]
    assert [p[0] for p in parts] == [str(i + 1) for i in range(len(parts))], parts
    shown = [float(p[4].split("\u00a0")[0].replace(",", ".")) for p in parts if p[4] != "скрыто"]
    assert shown == sorted(shown, reverse=True), shown
    assert all(p[4] != "скрыто" for p in parts[:len(shown)]), parts
assert not any(l[0] and "Итого" in l[2] for l in lines)
print("matrix cells:", cells, "groups ranked within:", len(groups))
PY
# 30 groups: the chart of the top and bottom 12
/usr/bin/python3 - <<'PY'
import math
Z = 1.959963984540054
with open("thirty.csv", "w") as f:
    f.write("district,question,responses,answered,mean,csat,csat_low,csat_high,n1,n2,n3,n4,n5,suppressed,mean_pct,nps\n")
    for i in range(30):
        c = [10, 5, 5, 0, 0]; c[4] = 2 * i + 1; a = sum(c); p = c[4] / a
        m = sum((k + 1) * v for k, v in enumerate(c)) / a
        d = 1 + Z * Z / a; ce = (p + Z * Z / (2 * a)) / d; h = Z * math.sqrt(p * (1 - p) / a + Z * Z / (4 * a * a)) / d
        f.write("район %02d,q.overall,%d,%d,%.6f,%.6f,%.6f,%.6f,%s,0,%.6f,\n" % (i, a, a, m, p, ce - h, ce + h, ",".join(map(str, c)), m / 5 * 100))
PY
report -f html thirty.csv > t.html || exit 1
for l in "район 29" "район 18" "район 11" "район 00" "ещё 6 в таблице"; do
  grep -c ">$l</text>" t.html
done
echo "left out of the chart: $(grep -c ">район 1[2-7]</text>" t.html)"
