# With a terminal on stderr (faked), a progress bar is drawn and then cleared.
ANKETA_FAKE_TTY=1 qrgen -c "$EXAMPLES/demo-campaign.yaml" --no-files > /dev/null 2> err.txt || exit 1
grep -c 'codes \[##############################\] 85/85' err.txt
