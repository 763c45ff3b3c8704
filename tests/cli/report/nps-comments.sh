# NPS and comments, against an independent computation (python3) on made-up
# responses: the NPS shares of the groups shown, the number of comments per
# group, the lowest-rated comments (most recent first, at most 2), none from
# a suppressed group.
/usr/bin/python3 "$DATA/report/responses_gen.py" || exit 1
tally -g authority --totals --questions q.overall,q.nps:0-10 responses.csv > auth.csv || exit 1
report -f md --comments responses.csv --comments-max 2 auth.csv > r.md || exit 1
/usr/bin/python3 - <<'PY' || exit 1
import csv, math
from fractions import Fraction
def ru(x, d=1, sign=False):  # half away from zero, Russian typography
    q = abs(x) * 10**d; r = math.floor(q + Fraction(1, 2))
    s = str(r).rjust(d + 1, "0"); s = s[:-d] + "," + s[-d:]
    return ("−" if x < 0 and r else "+" if sign and r else "") + s
rows = list(csv.DictReader(open("responses.csv", encoding="utf-8")))
md = open("r.md", encoding="utf-8").read()
lines = [[c.strip() for c in l.strip("|").split("|")] for l in md.splitlines() if l.startswith("|")]
g = "minsoc"
sc = [int(r["q.nps"]) for r in rows if r["authority"] == g and r["q.nps"] != ""]
n = len(sc); pro = sum(s >= 9 for s in sc); pas = sum(7 <= s <= 8 for s in sc); det = n - pro - pas
want = [g, str(n), ru(Fraction(pro * 100, n)) + "\u00a0%", ru(Fraction(pas * 100, n)) + "\u00a0%",
        ru(Fraction(det * 100, n)) + "\u00a0%", ru(Fraction((pro - det) * 100, n), sign=True)]
assert want in lines, (want, [l for l in lines if l[0] == g])
com = [r for r in rows if r["authority"] == g and r["comment"].strip()]
assert [g, str(len(com))] in lines, len(com)
low = sorted(com, key=lambda r: (int(r["q.overall"]) if r["q.overall"] else 99, [-ord(c) for c in r["submitted_at"]]))[:2]
for r in low:
    d = r["submitted_at"]
    want = [g, d[8:10] + "." + d[5:7] + "." + d[:4], r["q.overall"], " ".join(r["comment"].strip().split("\n"))]
    assert want in lines, (want, [l for l in lines if l[0] == g])
assert "СЕКРЕТ" not in md and ["adm-blag", "скрыто"] in lines
print("nps:", lines[[l[0] for l in lines].index(g)][-1], "comments:", len(com), "shown:", len(low))
PY
# not canonical responses: an error naming the file
report -f md --comments auth.csv auth.csv 2>&1 >/dev/null | sed 's|.*/||'
# comments only of the period the report's data cover: a February tally
# leaves out every comment of March
tally -g month --questions q.overall responses.csv | sed 's/^2024-03,/2024-02,/' > feb.csv
report -f md --comments responses.csv auth.csv feb.csv | grep -E '^\| (minsoc|Орган власти) \|'
