# The manifest is the same on every run (stable code ids), and matches the golden file.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files --level authority,direction > a.csv || exit 1
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files --level direction,authority > b.csv || exit 1
cmp a.csv b.csv && cat a.csv | cut -d, -f1,2,5,14,15
