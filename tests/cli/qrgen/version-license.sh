# Every command's --version names its licence, the one in LICENSE.
head -n 1 "$ANKETA_SOURCE/LICENSE"
for c in qrgen leaflet ingest tally report; do
  $c --version | grep '^License:' | sed "s/^/$c: /"
done
