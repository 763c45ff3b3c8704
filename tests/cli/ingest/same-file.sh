# Two paths of one run that name the same file are refused before anything is
# read or written (compared as files, not as strings): exit 2, nothing changed.
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\n' > x.csv
ln -s x.csv alias.csv
cp x.csv x.keep
run() { ingest -p canonical --tz +03:00 "$@" 2>&1; echo "exit $?"; }
run --seen F -o F x.csv
run --rejects G -o G x.csv
run -o x.csv x.csv
run -o alias.csv x.csv
run --rejects ./x.csv x.csv
run --seen x.csv x.csv
mkdir sub
run --rejects R -o sub/../R x.csv
ls
cmp x.csv x.keep && echo "input unchanged"
# Devices may be named twice.
ingest -q -p canonical --tz +03:00 --rejects /dev/null -o /dev/null x.csv; echo "exit $?"
