#!/bin/sh
# The demo campaign end to end: codes for every desk, leaflets for the print
# shop, this month's exports into responses, satisfaction figures, the report.
# Usage: run-demo.sh BIN_DIR OUT_DIR  (the README's first quick-start command runs it)
set -eu
BIN=$(cd "$1" && pwd)
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
EXAMPLES=$(cd "$(dirname "$0")" && pwd)
PATH="$BIN:$PATH"
cd "$OUT"

echo "== qrgen: a code for every authority, direction and item at every point"
qrgen -c "$EXAMPLES/demo-campaign.yaml" -o "$OUT/codes" > "$OUT/manifest.csv"
echo "   $(($(wc -l < "$OUT/manifest.csv") - 1)) codes in $OUT/codes/, manifest $OUT/manifest.csv"
