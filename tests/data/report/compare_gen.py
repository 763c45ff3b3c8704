# Made-up tallies of two periods (now.csv, before.csv, by authority, with a
# total row) and, computed here independently of anketa, the change of each
# group's satisfaction in points (exact fractions, rounded half away from
# zero) and its significance (two-proportion z-test, pooled): want.txt.
import csv, math, random, sys
from fractions import Fraction
Z = 1.959963984540054
def wilson(p, n):
    z2 = Z*Z; d = 1 + z2/n; c = (p + z2/(2*n))/d
    h = Z*math.sqrt(p*(1-p)/n + z2/(4*n*n))/d
    return (0 if p <= 0 or c-h < 0 else c-h, 1 if p >= 1 or c+h > 1 else c+h)
def row(keys, counts, min_n=5):
    a = sum(counts); out = list(keys) + ["q.overall", a, a]
    if a < min_n:
        return out + ["", "", "", ""] + [""]*5 + [1, "", ""]
    mean = sum((k+1)*c for k, c in enumerate(counts))/a
    p = (counts[3]+counts[4])/a; lo, hi = wilson(p, a)
    return out + ["%.6f" % mean, "%.6f" % p, "%.6f" % lo, "%.6f" % hi] + counts + [0, "%.6f" % (mean/5*100), ""]
def write(path, groups):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["authority","question","responses","answered","mean","csat","csat_low","csat_high","n1","n2","n3","n4","n5","suppressed","mean_pct","nps"])
        tot = [0]*5
        for g, c in groups.items():
            w.writerow(row([g], c)); tot = [x+y for x, y in zip(tot, c)]
        w.writerow(row(["*"], tot))
    return tot
random.seed(int(sys.argv[1]))
now, before = {}, {}
for i in range(12):
    g = "org-%02d" % i
    if i != 0: before[g] = [random.randint(0, 40) for _ in range(5)]
    if i != 1: now[g] = [random.randint(0, 40) for _ in range(5)]
now["org-02"] = [1, 0, 1, 0, 1]   # suppressed now
# a change of exactly 0,05 points: half away from zero gives +0,1
now["org-12"], before["org-12"] = [500, 499, 0, 500, 501], [5, 5, 0, 5, 5]
tn = write("now.csv", now); tb = write("before.csv", before)
def half_up(x):  # x a Fraction, in points, one decimal, half away from zero
    q = abs(x) * 10; r = math.floor(q + Fraction(1, 2)); s = "%d,%d" % (r // 10, r % 10)
    return ("−" if x < 0 and r else "+") + s + "\u00a0п.\u00a0п."
def sig(c1, c0):
    n1, n0 = sum(c1), sum(c0); x1, x0 = c1[3]+c1[4], c0[3]+c0[4]
    p = (x1+x0)/(n1+n0); se = math.sqrt(p*(1-p)*(1/n1+1/n0))
    return "значимо" if se > 0 and abs(x1/n1-x0/n0)/se > Z else "незначимо"
def change(c1, c0):
    return half_up((Fraction(c1[3]+c1[4], sum(c1)) - Fraction(c0[3]+c0[4], sum(c0))) * 100)
with open("want.txt", "w") as f:
    for g in sorted(set(now) | set(before)):
        if g not in before: f.write("%s|новая группа|\n" % g)
        elif g not in now: f.write("%s|нет в периоде|\n" % g)
        elif sum(now[g]) < 5 or sum(before[g]) < 5: f.write("%s|нет данных|\n" % g)
        else: f.write("%s|%s|%s\n" % (g, change(now[g], before[g]), sig(now[g], before[g])))
    f.write("Итого|%s|%s\n" % (change(tn, tb), sig(tn, tb)))
