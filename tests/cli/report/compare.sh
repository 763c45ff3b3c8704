# --compare: the change of each group against the previous period and its
# significance at 95 %, checked against an independent computation (python3,
# exact fractions) on made-up counts of three seeds; new, gone and hidden
# groups are marked; the headline gets the change too.
for seed in 1 7 42; do
  /usr/bin/python3 "$DATA/report/compare_gen.py" $seed || exit 1
  report -f md --compare before.csv now.csv > r.md || exit 1
  /usr/bin/python3 - <<'PY' || exit 1
import re
want = dict(l.rstrip("\n").split("|", 1) for l in open("want.txt", encoding="utf-8"))
got, head = {}, open("r.md", encoding="utf-8").read()
for line in head.splitlines():
    cells = [c.strip() for c in line.strip("|").split("|")]
    if len(cells) == 8 and (cells[1].startswith("org-") or cells[1] == "Итого"):
        got[cells[1]] = cells[6] + "|" + cells[7]
assert got == want, (sorted(got.items()), sorted(want.items()))
m = re.search(r"Изменение к предыдущему периоду \| (.*?) \|", head)
s = re.search(r"Значимость изменения \(95%\) \| (.*?) \|", head)
assert m and s and m.group(1) + "|" + s.group(1) == want["Итого"], (m, s, want["Итого"])
assert "z-критерий" in head
print("groups:", len(got), "total:", want["Итого"].split("|")[1])
PY
done
# a previous tally that is no tally: an error naming it
report -f md --compare "$DATA/report/not-tally.csv" "$DATA/report/auth.csv" >/dev/null 2>err.txt
echo "exit $?"; sed 's|.*/||' err.txt
