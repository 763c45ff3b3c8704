# A full disk on standard output is an error, not a silent loss.
qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files > /dev/full
