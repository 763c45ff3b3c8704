# Dates: ISO with Z and with an offset are converted to the campaign's zone
# (+09:00); local times (ISO without offset, ДД.ММ.ГГГГ ЧЧ:ММ, a date alone)
# are taken in it. --tz overrides the campaign's zone: local times are read
# in it and all times written in it.
# With neither a campaign nor --tz a local time is an error naming file:line,
# exit 1, and -o is not written.
printf 'response_id,submitted_at,q.overall\n' > d.csv
printf 'yf:1,2024-03-01T10:00:00Z,5\n' >> d.csv
printf 'yf:2,2024-03-01T10:00:00+03:00,4\n' >> d.csv
printf 'yf:3,2024-03-01T23:30:00Z,3\n' >> d.csv        # the next day in +09:00
printf 'yf:4,01.03.2024 10:00,3\n' >> d.csv
printf 'yf:5,2024-03-01 10:00:00,3\n' >> d.csv
printf 'yf:6,29.02.2024,3\n' >> d.csv
C=$EXAMPLES/demo-campaign.yaml
echo "-- campaign (+09:00)"
ingest -q -c "$C" -p canonical d.csv 2>/dev/null | cut -d, -f1,2
echo "-- campaign, --tz +03:00"
ingest -q -c "$C" -p canonical --tz +03:00 d.csv 2>/dev/null | cut -d, -f1,2
echo "-- no campaign, --tz -05:00"
ingest -q -p canonical --tz -05:00 d.csv 2>/dev/null | cut -d, -f1,2
echo "-- no campaign, no --tz"
ingest -p canonical -o out.csv d.csv 2>err
echo "exit $?"
head -1 err
test -e out.csv && echo "out.csv written" || echo "out.csv not written"
