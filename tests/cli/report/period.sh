# The report's period: from the data's day or month keys when no campaign
# period is given; with a campaign, the responses dated outside its period
# (16.02.2024 - 31.03.2024) are counted and their dates listed, as computed
# here (python3) from the responses.
/usr/bin/python3 - <<'PY' || exit 1
import csv, datetime, random
random.seed(3)
day0 = datetime.date(2024, 2, 10)
rows, out = [], {}
for i in range(200):
    d = day0 + datetime.timedelta(days=random.randint(0, 53))
    rows.append(["r%d" % i, d.isoformat() + "T12:00:00+09:00", "yf", "qr", "minsoc", "services", "", "", "", "1", str(random.randint(1, 5)), ""])
    if not (datetime.date(2024, 2, 16) <= d <= datetime.date(2024, 3, 31)):
        out[d] = out.get(d, 0) + 1
with open("responses.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow("response_id,submitted_at,source,channel,authority,direction,item,point,municipality,weight,q.overall,comment".split(","))
    w.writerows(rows)
days = sorted(d for r in rows for d in [datetime.date.fromisoformat(r[1][:10])])
open("want.txt", "w").write(
    "Период: %s – %s (по данным).\n" % (days[0].strftime("%d.%m.%Y"), days[-1].strftime("%d.%m.%Y")) +
    "Вне периода кампании (16.02.2024 – 31.03.2024) получено ответов: %d (%s).\n"
    % (sum(out.values()), ", ".join(d.strftime("%d.%m.%Y") for d in sorted(out))))
PY
tally -g day --questions q.overall responses.csv > day.csv || exit 1
report -f md day.csv | grep -o '^Период: .* (по данным)\.' > got.txt
report -f md -c "$DATA/tally/campaign.yaml" day.csv | grep '^Вне периода' >> got.txt
diff want.txt got.txt && echo "period and outside: as computed"
# one month of data: the month's name
report -f md "$DATA/report/month.csv" | sed -n 3p
head -2 "$DATA/report/month.csv" > march.csv
report -f md march.csv | sed -n 3p | cut -d. -f1
