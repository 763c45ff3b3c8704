# PNG and SVG pages are replaced as a set: several pages go in folder OUT
# (without its extension), written in a temporary folder and swapped in with
# one rename; one page is OUT itself. No page of an earlier, longer run stays,
# and a kill never leaves some pages new and others old.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l direction > m.csv
grep -v '^adm-blag' m.csv > two.csv
show() { echo "$1: $(find . -name 'reply*' | sort | tr '\n' ' ')"; }
leaflet -q -t reply -w direction=appeals -o reply.png m.csv; show "three pages"
leaflet -q -t reply -w direction=appeals -o reply.png two.csv; show "two pages"
leaflet -q -t reply -w direction=appeals -w authority=minsoc -o reply.png m.csv; show "one page"
leaflet -q -t reply -w direction=appeals -o reply.png two.csv; show "two again"
# A folder holding other files is not replaced.
touch reply/notes.txt
leaflet -q -t reply -w direction=appeals -o reply.png m.csv 2>&1; echo "exit $?"
show "kept"
rm reply/notes.txt
# Killed while drawing: the old set stays whole; the temporary folder it
# leaves is removed by the next run.
cp reply/reply-0001.png before.png
mkfifo pipe
sleep 30 > pipe &
holder=$!
leaflet -q -t reply -o reply.png pipe &
pid=$!
cat m.csv > pipe
for i in $(seq 100); do
  [ -n "$(find . -path './reply.anketa-tmp.*/*' -name '*.png')" ] && break
  sleep 0.05
done
kill -KILL $pid; wait $pid 2>/dev/null
kill $holder
cmp reply/reply-0001.png before.png && echo "old pages whole"
echo "left: $(ls -d reply.anketa-tmp.* | sed 's/[.][^.]*[.][0-9]*[.][a-z0-9]*$/.HOST.PID.RANDOM/')"
leaflet -q -t reply -w direction=appeals -o reply.png m.csv; show "next run"
# A device takes one page, in place (its page waits in $TMPDIR, not in /dev);
# several pages need a file name.
leaflet -q -t reply -w direction=appeals -w authority=minsoc -f png -o /dev/stdout m.csv |
  head -c 4 | tail -c 3; echo
leaflet -q -t reply -w direction=appeals -f png -o /dev/stdout m.csv 2>&1 | head -1
