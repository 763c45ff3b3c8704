# A typo in the campaign file names file, line and column; nothing is written.
sed 's/^    short_name: "Минцифры/    shortname: "Минцифры/' "$EXAMPLES/demo-campaign.yaml" > c.yaml
qrgen -c c.yaml -o codes > manifest.csv
status=$?
[ -e codes ] && [ -n "$(ls codes)" ] && echo "files written"
exit $status
