# The conventions every command keeps (README, "Conventions of every command"),
# checked the same way for each, so that a new command cannot drift:
# usage errors as two lines ending in "try 'CMD --help'" with exit 2, --help
# and --version on stdout with exit 0, a write error reported once with exit 1
# and nothing left behind, an output in a folder that does not exist refused.
printf 'name,url\nhelp,https://example.ru/\n' > urls.csv
qrgen -c "$EXAMPLES/demo-campaign.yaml" -f txt -o codes | head -n 2 > manifest.csv
printf 'response_id,submitted_at,source,channel,authority,direction,item,point,municipality,weight,q.overall,comment\n' > responses.csv
printf 'yf:1,2024-03-01T10:00:00+07:00,yf,,a,d,i,p,m,1,5,\n' >> responses.csv
tally --min-n 1 responses.csv > tally.csv

# The arguments of a run that succeeds and writes to standard output.
run_args() {
  case $1 in
    qrgen) echo "-f txt -o codes2 urls.csv" ;;
    leaflet) echo "-t authority -f pdf manifest.csv" ;;
    ingest) echo "-p canonical responses.csv" ;;
    tally) echo "responses.csv" ;;
    report) echo "-f md tally.csv" ;;
  esac
}
# The first option of each that takes a value.
valued() {
  case $1 in qrgen) echo "-f" ;; leaflet) echo "-t" ;; *) echo "-c" ;; esac
}
lines() { wc -l < "$1" | tr -d ' '; }

for cmd in qrgen leaflet ingest tally report; do
  $cmd --bogus > out 2> err; st=$?
  echo "$cmd --bogus: exit $st, stdout $(lines out), stderr $(lines err): $(tail -n 1 err)"
  $cmd $(valued $cmd) > out 2> err; st=$?
  echo "$cmd $(valued $cmd): exit $st, stdout $(lines out), stderr $(lines err): $(tail -n 1 err)"
  $cmd --help > out 2> err; st=$?
  echo "$cmd --help: exit $st, stderr $(lines err), $(head -c 7 out)$(head -n 1 out | cut -d' ' -f2)"
  $cmd --version > out 2> err; st=$?
  echo "$cmd --version: exit $st, stderr $(lines err), $(head -n 1 out | sed 's/[0-9][0-9.]*$/VERSION/')"
  $cmd --help > /dev/full 2> err; st=$?
  echo "$cmd --help >/dev/full: exit $st, stderr $(lines err)"
  # shellcheck disable=SC2046
  $cmd $(run_args $cmd) > /dev/full 2> err; st=$?
  echo "$cmd ... >/dev/full: exit $st, said $(grep -c 'No space left' err) time(s), blames the input $(grep -c 'fix the' err)"
  # shellcheck disable=SC2046
  $cmd -o missing/dir/out $(run_args $cmd | sed 's/-o codes2//') > out 2> err; st=$?
  echo "$cmd -o missing/dir/out: exit $st, stdout $(lines out), named $(grep -c 'missing/dir/out' err) time(s), blames the input $(grep -c 'fix the' err)"
  [ ! -e missing ] || echo "$cmd made missing/"
done
