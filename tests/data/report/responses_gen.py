# Made-up canonical responses (responses.csv) for the NPS and comments
# cases: q.overall 1-5, q.nps 0-10, comments with quoted newlines and blanks;
# adm-blag has 3 responses (suppressed), its comments say СЕКРЕТ.
import csv, random, sys
random.seed(5)
rows = []
for i in range(120):
    a = random.choice(["minsoc"] * 5 + ["mincifry"] * 4 + ["adm-blag"] * 1)[:]
    if i >= 3 and a == "adm-blag":
        a = "minsoc"
    ov = random.choice(["", "1", "2", "3", "4", "5", "5"])
    nps = random.choice([""] + [str(k) for k in range(11)])
    day = 1 + i % 28
    c = "СЕКРЕТ" if a == "adm-blag" else random.choice(["", "", "Долго ждал", "Спасибо,\nвсё хорошо", "Грубо", " "]) + ("" if i % 3 else " #%d" % i)
    rows.append(["yf:%d" % i, "2024-03-%02dT%02d:00:00+09:00" % (day, i % 24), "yf", "qr", a, "services", "", "", "", "1", ov, nps, c])
with open("responses.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow("response_id,submitted_at,source,channel,authority,direction,item,point,municipality,weight,q.overall,q.nps,comment".split(","))
    w.writerows(rows)
