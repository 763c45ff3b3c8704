# --strict-fonts: a font of the template that is not installed is an error
# naming the font and its template line, and nothing is written; without it
# the text is set in a substitute with one warning. The recommendations
# forbid changing the font (Arial).
qrgen -q -c "$EXAMPLES/demo-campaign.yaml" --no-files -l authority > m.csv || exit 1
sed 's/size: 15,/size: 15, font: "Nonexistent Sans",/' "$EXAMPLES/../templates/leaflet/authority.yaml" > t.yaml
leaflet --strict-fonts -t ./t.yaml -o strict.pdf m.csv 2> err.txt
echo "exit $?, $( [ -e strict.pdf ] && echo written || echo nothing written)"
sed "s/ (fontconfig would use '[^']*')//" err.txt
leaflet -t ./t.yaml -o loose.pdf m.csv 2> err.txt
echo "exit $?, $(grep -c 'is not installed' err.txt) warning"
# Arial itself: an error exactly where fontconfig has no Arial
leaflet -q --strict-fonts -t authority -o arial.pdf m.csv 2> err.txt
status=$?
if [ "$(fc-match -f '%{family[0]}' Arial)" = Arial ]; then want=0; else want=1; fi
[ $status = $want ] && { [ $want = 0 ] || grep -q "font 'Arial' is not installed" err.txt; } &&
  echo "arial: as installed" || { echo "arial: exit $status"; cat err.txt; }
