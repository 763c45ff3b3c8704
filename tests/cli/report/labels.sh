# Russian labels: months, quarters, ISO weeks with their dates (checked
# against python's calendar), days, years, sources, channels, 0/1 columns;
# question names as column titles where the campaign has none.
/usr/bin/python3 - <<'PY' || exit 1
import datetime
fig = ",q.overall,11,8,3.6250,0.6250,0.3057,0.8632,2,0,1,1,4,0,72.5000,\n"
head = ",question,responses,answered,mean,csat,csat_low,csat_high,n1,n2,n3,n4,n5,suppressed,mean_pct,nps\n"
keys = {"week": ["2024-W09", "2020-W53", "2025-W01", "2024-W01"],
        "quarter": ["2024-Q1", "2023-Q4"], "month": ["2024-03", "2023-12"],
        "day": ["2024-03-05"], "year": ["2024"], "source": ["yf", "pos", "site", "paper"],
        "channel": ["qr", "site", "other"], "connected": ["1", "0"]}
want = []
months = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
for k, vs in keys.items():
    with open(k + ".csv", "w") as f:
        f.write(k + head + "".join(v + fig for v in vs))
    for v in vs:
        if k == "week":
            y, w = int(v[:4]), int(v[6:])
            a, b = datetime.date.fromisocalendar(y, w, 1), datetime.date.fromisocalendar(y, w, 7)
            span = (a.strftime("%d.%m.%Y") if a.year != b.year else a.strftime("%d.%m")) + "–" + b.strftime("%d.%m.%Y")
            want.append("неделя %d (%s)" % (w, span))
        elif k == "quarter":
            want.append("%s квартал %s г." % (["I", "II", "III", "IV"][int(v[6]) - 1], v[:4]))
        elif k == "month":
            want.append("%s %s" % (months[int(v[5:]) - 1], v[:4]))
        elif k == "day":
            want.append(datetime.date.fromisoformat(v).strftime("%d.%m.%Y"))
        elif k == "year":
            want.append(v + " г.")
        elif k == "source":
            want.append({"yf": "Яндекс Формы", "pos": "ПОС", "site": "сайт", "paper": "бумажные анкеты"}[v])
        elif k == "channel":
            want.append({"qr": "QR-код", "site": "сайт", "other": "other"}[v])
        else:
            want.append({"1": "да", "0": "нет"}[v])
open("want.txt", "w").write("\n".join(want) + "\n")
PY
for k in week quarter month day year source channel connected; do
  report -f md $k.csv || exit 1
done | awk -F' [|] ' '/^[|] [0-9]+ [|]/ { print $2 }' > got.txt
diff want.txt got.txt && echo "labels: $(wc -l < got.txt) as computed"
# a readiness table: the columns titled by the question names
report -f md "$DATA/report/readiness.csv" | grep '^| №'
