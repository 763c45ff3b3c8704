# Every printed figure is rounded once, half away from zero, from the counts:
# 900/1232 = 73.0519 % is 73,1 % (and −6,9 п. п. to a target of 80 %), not
# 73,0 % from a rounded 0.7305; 27/48 = 56.25 % is 56,3 %, 5/16 = 31,3 %,
# 1461/2000 = 73.05 % is 73,1 %, a mean of 25/8 is 3,13. Checked against Python's
# exact fractions in the PDF text, HTML, Markdown, CSV and the XLSX cells.
python3 - <<'PY' || exit 1
groups = {"Группа A": [100, 100, 132, 400, 500], "Группа B": [5, 5, 11, 7, 20],
          "Группа C": [100, 139, 300, 461, 1000], "Группа D": [4, 3, 4, 2, 3],
          "Группа E": [1, 2, 2, 1, 2]}
i = 0
with open("groups.csv", "w") as g, open("all.csv", "w") as a:
    g.write("id,g,q.overall\n")
    a.write("id,q.overall\n")
    for name, counts in groups.items():
        for score, n in enumerate(counts, 1):
            for _ in range(n):
                i += 1
                g.write(f"{i},{name},{score}\n")
                if name == "Группа A":
                    a.write(f"{i},{score}\n")
PY
tally --questions q.overall:1-5 all.csv > all.t.csv && tally -g g --questions q.overall:1-5 groups.csv > g.t.csv || exit 1
for f in md html csv pdf xlsx; do
  report --target 0.8 -f $f -o r.$f all.t.csv g.t.csv || exit 1
done
pdftotext -layout r.pdf r.txt || exit 1
/usr/bin/python3 - <<'PY'
import csv, re
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction
import openpyxl

def ru(x, places, unit=""):
    """x rounded half away from zero, Russian typography."""
    q = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction) else Decimal(x)
    q = q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    s = f"{abs(q):f}".replace(".", ",")
    return ("\u2212" if q < 0 else "") + s + unit

def wilson(p, n):
    z = 1.959963984540054
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5 / d
    return max(c - h, 0), min(c + h, 1)

want = {}
for row in csv.DictReader(open("g.t.csv", encoding="utf-8")):
    n = [Fraction(row[f"n{k}"]) for k in range(1, 6)]
    ans = sum(n)
    share, mean = (n[3] + n[4]) / ans, sum(k * c for k, c in zip(range(1, 6), n)) / ans
    lo, hi = wilson(float(share), float(ans))
    want[row["g"]] = {"share": share, "mean": mean, "lo": lo, "hi": hi, "text": ru(share * 100, 1, "\u00a0%"),
                      "interval": ru(repr(lo * 100), 1) + "\u2013" + ru(repr(hi * 100), 1, "\u00a0%"),
                      "mean_text": ru(mean, 2)}
a = want["Группа A"]["share"]
gap = ru((a - Fraction(8, 10)) * 100, 1, "\u00a0п.\u00a0п.")
expect = {g: want[g]["text"] for g in want}
print("expected:", " ".join(f"{g[-1]}={t}" for g, t in expect.items()), "mean E", want["Группа E"]["mean_text"], "gap", gap)
ok = True
def check(fmt, cond, what):
    global ok
    if not cond:
        ok = False
        print(f"{fmt}: WRONG {what}")

md = open("r.md", encoding="utf-8").read()
html = open("r.html", encoding="utf-8").read()
text = open("r.txt", encoding="utf-8").read().replace("\u00a0", " ")
for g, w in want.items():
    cells = [w["text"], w["interval"], w["mean_text"]]
    check("md", f"| {g} | " in md and f"| {' | '.join(cells)} |" in md.split(f"| {g} | ", 1)[1].split("\n")[0] + " |", g)
    row = html.split(f">{g}</td>", 1)[1].split("</tr>")[0]
    check("html", all(f">{c}</td>" in row for c in cells), g)
    check("html chart", f">{w['text']}</text>" in html, g)
    line = next(l for l in text.splitlines() if g in l and "%" in l)
    check("pdf", all(c.replace("\u00a0", " ") in line for c in cells), f"{g}: {line.strip()}")
check("md", f"| Отклонение от цели | {gap} |" in md, "gap")
check("html", f">{gap}</td>" in html, "gap")
check("pdf", gap.replace("\u00a0", " ") in text, "gap")
rows = list(csv.reader(open("r.csv", encoding="utf-8")))
for g, w in want.items():
    share = [r for r in rows if r[1] == g and r[2] == "Удовлетворенность"]
    check("csv", share and share[0][4] == w["text"] and float(share[0][3]) == float(w["share"]), g)
    mean = [r for r in rows if r[1] == g and r[2] == "Средний балл"]
    check("csv", mean and mean[0][4] == w["mean_text"] and float(mean[0][3]) == float(w["mean"]), g)
check("csv", any(r[1] == "Отклонение от цели" and r[4] == gap for r in rows), "gap")

wb = openpyxl.load_workbook("r.xlsx")
ranking = next(wb[n] for n in wb.sheetnames if "Рейтинг" in n)
for r in ranking.iter_rows(min_row=3):
    g, share, lo, hi, mean = r[1].value, r[3], r[4], r[5], r[6]
    w = want[g]
    # the unrounded share with a one-decimal percent format; as Excel shows it
    # (libxlsxwriter keeps 16 significant digits; Excel reads 15)
    near = lambda v, x: abs(v - float(x)) <= 1e-15 * abs(float(x))
    check("xlsx", near(share.value, w["share"]) and share.number_format == "0.0%", g)
    check("xlsx", ru(repr(share.value * 100), 1, "\u00a0%") == w["text"], g)
    check("xlsx", near(mean.value, w["mean"]) and mean.number_format == "0.00", g)
    check("xlsx", ru(repr(mean.value), 2) == w["mean_text"], g)
    # the interval's bounds as numbers, shown as the other formats print them
    check("xlsx", abs(lo.value - w["lo"]) < 1e-12 and abs(hi.value - w["hi"]) < 1e-12 and
          lo.number_format == "0.0%", f"{g} bounds")
    check("xlsx", ru(repr(lo.value * 100), 1) + "\u2013" + ru(repr(hi.value * 100), 1, "\u00a0%")
          == w["interval"], f"{g} bounds text")
figures = wb[wb.sheetnames[0]]
cells = {r[0].value: r[1] for r in figures.iter_rows(min_row=3)}
c = cells["Отклонение от цели"]
check("xlsx", abs(c.value - float((a - Fraction(8, 10)) * 100)) < 1e-12 and "0.0" in c.number_format
      and "0.00" not in c.number_format, f"gap {c.value} {c.number_format}")
print("all formats agree" if ok else "formats disagree")
PY
