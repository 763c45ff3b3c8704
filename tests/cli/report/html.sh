# The HTML page is self-contained (no link, script or image from outside),
# holds the figures and the SVG charts; with Chromium installed, it renders.
D="$DATA/report"
report -c "$DATA/tally/campaign.yaml" -f html -o r.html "$D/overall.csv" "$D/auth.csv" "$D/month.csv" || exit 1
grep -c '<svg' r.html
grep -cE '(src|href)=|<script|@import|url\(' r.html
grep -o 'Минцифры Амурской области' r.html | head -1
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$PWD/chrome" \
    --screenshot="$PWD/shot.png" --window-size=1000,1400 "file://$PWD/r.html" > /dev/null 2>&1
  [ -s shot.png ] || echo "chromium made no screenshot"
fi
