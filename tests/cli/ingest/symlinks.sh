# Outputs named by a symbolic link are written at the link's target and the
# link stays; a device (/dev/null, /dev/stdout) is written in place.
printf 'response_id,submitted_at,q.overall\nyf:1,2024-03-01 10:00,5\nyf:2,never,4\n' > in.csv
mkdir real
ln -s real/out.csv out.csv          # dangling: the run makes the target
ln -s real/rej.csv rej.csv
ln -s real/seen seen
echo old > real/rej.csv
ingest -q -p canonical --tz +03:00 --rejects rej.csv --seen seen -o out.csv in.csv
echo "exit $?"
for f in out.csv rej.csv seen; do [ -L $f ] && echo "$f: still a link"; done
ls real
head -1 real/out.csv; tail -1 real/rej.csv
# /dev/stdout is itself a link (to /proc/self/fd/1): written in place, never
# replaced by a regular file (as root a rename would have succeeded).
ingest -q -p canonical --tz +03:00 --rejects /dev/stdout -o /dev/null in.csv | tail -1
[ -L /dev/stdout ] && echo "/dev/stdout: still a link"
[ -c /dev/null ] && echo "/dev/null: still a device"
