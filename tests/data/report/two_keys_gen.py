# Made-up canonical responses (responses.csv) for the two-key case: four
# authorities by channel, one pair with a single answer (suppressed).
import csv, random
random.seed(11)
rows = []
auths = ["minsoc", "mincifry", "adm-blag", "minzdrav"]
chans = ["qr", "site", "pos", "paper"]
for i in range(400):
    a = random.choice(auths); c = random.choice(chans)
    if a == "minzdrav" and c == "paper": c = "pos"
    n = 1 if (a, c) == ("adm-blag", "paper") and random.random() < 0.9 else 0
    if (a, c) == ("adm-blag", "paper") and i > 30: c = "qr"
    ov = str(random.choice([1, 2, 3, 4, 5, 5, 4] if a != "minsoc" else [3, 4, 5, 5, 5]))
    rows.append(["yf:%d" % i, "2024-03-%02dT10:00:00+09:00" % (1 + i % 28), "yf", c, a, "services", "", "", "", "1", ov, ""])
with open("responses.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow("response_id,submitted_at,source,channel,authority,direction,item,point,municipality,weight,q.overall,comment".split(","))
    w.writerows(rows)
