# CSV as exports come, detected as ingest detects them: Windows-1251 with ';'
# and CRLF (a quoted line break and a ';' inside quotes) gives the same bytes
# as its UTF-8 comma twin, from a file, on standard input and on two threads;
# a file with lines in both encodings, UTF-16 and XLSX on standard input are
# refused with the reason.
python3 - <<'PY' || exit 1
rows = [["submitted_at", "район", "организация", "q.overall"]]
for i in range(400):
    rows.append(["2024-03-%02dT10:00:00+07:00" % (i % 28 + 1), ["Майма", "Чоя", "Турочак"][i % 3],
                 'ООО "Ромашка; №%d"\nфилиал' % i if i % 5 == 0 else "ИП Ёлкин", str(i % 5 + 1)])
def line(r, sep):
    return sep.join('"' + f.replace('"', '""') + '"' if any(c in f for c in '";\n,') else f
                    for f in r)
open("win.csv", "wb").write("\r\n".join(line(r, ";") for r in rows).encode("cp1251") + b"\r\n")
open("utf.csv", "wb").write("\n".join(line(r, ",") for r in rows).encode("utf-8") + b"\n")
open("mixed.csv", "wb").write("район;q.overall\r\nМайма;5\r\n".encode("utf-8") +
                              "Чоя;4\r\nЧоя;3\r\n".encode("cp1251"))
PY
tally -g район,организация --min-n 0 utf.csv > utf.out || exit 1
tally -g район,организация --min-n 0 win.csv | cmp - utf.out && echo "Windows-1251 file: same"
tally -g район,организация --min-n 0 < win.csv | cmp - utf.out && echo "Windows-1251 stdin: same"
ANKETA_TALLY_SPLIT_MIN=1 tally -g район,организация --min-n 0 win.csv | cmp - utf.out &&
  echo "Windows-1251 on two threads: same"
tally -g район --where район=Чоя --min-n 0 -q win.csv | grep -c '^Чоя,'
tally -g район mixed.csv 2>&1
echo "exit $?"
printf '\377\376a\000,\000' > u16.csv
tally u16.csv 2>&1
echo "exit $?"
printf 'PK\003\004rest' | tally 2>&1
echo "exit $?"
