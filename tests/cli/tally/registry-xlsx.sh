# Seed 003 (Altai): the ranking of districts by the share of organisations
# connected to the feedback platform and ready on it, from a registry workbook
# made here with openpyxl: «да/нет» cells in any case and with spaces, 1/0 as
# numbers, +/-, a ready cell left empty where an organisation is not
# connected. Python counts the same workbook; tally's counts and shares must
# equal its, and the report ranks the districts in its order.
/usr/bin/python3 - <<'PY' || exit 1
import openpyxl
# district: (organisations, connected, ready of the connected)
plan = {"Майминский": (12, 11, 9), "Онгудайский": (9, 6, 5), "Турочакский": (10, 8, 3),
        "Улаганский": (7, 5, 5), "Кош-Агачский": (11, 10, 7), "Чойский": (8, 7, 6),
        "г. Горно-Алтайск": (15, 15, 14)}
yes = ["да", "Да", "ДА", " да ", 1, "+", "yes"]
no = ["нет", "Нет", "НЕТ", 0, "-", "no"]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Реестр"
ws.append(["№", "Организация", "district", "connected", "ready", "Примечание"])
n = 0
for d, (orgs, conn, ready) in plan.items():
    for i in range(orgs):
        n += 1
        c = i < conn
        r = c and i < ready
        ws.append([n, 'МБОУ "Школа № %d", %s' % (n, d), d, (yes if c else no)[n % (6 if c else 5)],
                   (yes if r else no)[n % 6] if c else None, "тел.\n8-388-22" if n % 7 == 0 else None])
wb.save("registry.xlsx")
with open("expected.csv", "w", encoding="utf-8") as f:
    for d, (orgs, conn, ready) in plan.items():
        f.write("%s,%d,%d,%d,%d\n" % (d, orgs, conn, conn, ready))
PY
tally -g district --questions connected:yes/no,ready:yes/no registry.xlsx > t.csv || exit 1
tally -g district --questions ready:yes/no --where connected=да registry.xlsx > c.csv 2> c.err || exit 1
cat c.err
python3 - <<'PY' || exit 1
import csv
want = {r[0]: list(map(int, r[1:])) for r in csv.reader(open("expected.csv", encoding="utf-8"))}
got = {}
for r in csv.DictReader(open("t.csv", encoding="utf-8")):
    got[(r["district"], r["question"])] = r
of_conn = {r["district"]: r for r in csv.DictReader(open("c.csv", encoding="utf-8"))}
bad = []
for d, (orgs, conn, ans_ready, ready) in want.items():
    c, rd, oc = got[(d, "connected")], got[(d, "ready")], of_conn[d]
    checks = [(c["responses"], orgs), (c["answered"], orgs), (float(c["csat"]), conn / orgs),
              (rd["answered"], ans_ready), (float(rd["csat"]), ready / conn),
              (oc["responses"], conn), (float(oc["csat"]), ready / conn)]
    for g, w in checks:
        if (abs(g - w) > 1e-12) if isinstance(g, float) else int(g) != w:
            bad.append((d, g, w))
print("registry: %d districts agree" % len(want) if not bad else "DIFFER: %r" % bad)
PY
# The report ranks by the first share, connected, highest first.
tally -g district --questions connected:yes/no,ready:yes/no registry.xlsx | report -f md > r.md || exit 1
grep '^| [0-9]' r.md
