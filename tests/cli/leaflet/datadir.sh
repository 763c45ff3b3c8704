# Templates and profiles are found beside the commands, with no ANKETA_DATADIR:
# build/cmd/../share/anketa is the source tree's share/, as bin/../share/anketa
# is an install's. ANKETA_DATADIR, when set, is looked in first.
unset ANKETA_DATADIR
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l item > m.csv
leaflet -q -t item -o items.pdf m.csv; echo "leaflet status $?"
ingest -q -c "$EXAMPLES/demo-campaign.yaml" -p yandex-forms -o r.csv \
  "$EXAMPLES/exports/yandex-forms-2024-03.csv" 2>/dev/null; echo "ingest status $?"
mkdir -p mine/templates/leaflet
cp "$EXAMPLES/../templates/leaflet/item.yaml" mine/templates/leaflet/desk.yaml
ANKETA_DATADIR=$PWD/mine leaflet -q -t desk -o desk.pdf m.csv; echo "own template status $?"
# Without it, the message names the folders looked in.
leaflet -q -t desk -o desk.pdf m.csv 2> err; echo "status $?"
sed "s|$(dirname "$ANKETA_BIN")/|BUILD/|g" err
