# PNG and SVG: one page takes the output's name; several are numbered, in a
# folder named like the output without its extension.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files -l direction > m.csv
leaflet -q -t reply -w direction=appeals -o reply.png m.csv || exit 1
leaflet -q -t reply -w direction=appeals -w authority=minsoc -o one.png m.csv || exit 1
leaflet -q -t post -w code_id=minsoc.services -o post.svg m.csv || exit 1
ls; ls reply
file -b one.png | cut -d, -f1-2
head -c 5 post.svg; echo
