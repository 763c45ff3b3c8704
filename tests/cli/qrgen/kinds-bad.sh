# Bad kinds are errors naming file:line:column, exit 1, nothing written:
# an item with no kind whose direction gives none, an unknown kind, a kind
# of control with no event type enabled.
run() {
  rm -rf codes
  qrgen -c c.yaml -o codes 2>&1 > manifest.csv
  echo "exit $?, manifest $(wc -c < manifest.csv) bytes, $(ls codes 2>/dev/null | wc -l) code files"
}
C="$DATA/kinds/internal.yaml"
sed 's/direction: processes, kind: process, name: "Согласование/direction: processes, name: "Согласование/; s/kind: process, name: "Внутренние/name: "Внутренние/' "$C" > c.yaml
run
sed 's/kind: process, name: "Оформление/kind: proces, name: "Оформление/' "$C" > c.yaml
run
sed 's/events: \[prevention\]/events: []/' "$C" > c.yaml
run
# leaflet reads the campaign by the same rules
leaflet -t item -c c.yaml -o out.pdf /dev/null 2>&1; echo "leaflet exit $?, $( [ -e out.pdf ] && echo written || echo nothing written)"
