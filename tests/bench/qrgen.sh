#!/bin/sh
# qrgen against the tools people use today, on the same URLs, in one run:
# the qrencode command in a shell loop, python3-segno in one process.
# Prints codes per second, the ratios, and mean file sizes.
# usage: tests/bench/qrgen.sh [N]   (needs: qrencode, python3-segno; build/ built)
set -eu
N=${1:-10000}
SEGNO_N=${SEGNO_N:-1000}     # segno is ~60 times slower: a sample gives its rate
top=$(cd "$(dirname "$0")/../.." && pwd)
QRGEN=$top/build/cmd/qrgen
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sh "$top/tests/bench/gen_urls.sh" "$N" > "$work/urls.txt"
N=$(wc -l < "$work/urls.txt")
{ echo url; cat "$work/urls.txt"; } > "$work/urls.csv"
head -n "$SEGNO_N" "$work/urls.txt" > "$work/urls-sample.txt"

now() { date +%s.%N; }
rate() { echo "$1 $2 $3" | awk '{ printf "%.0f", $1 / ($3 - $2) }'; }
size() { find "$1" -type f -name "*.$2" -printf '%s\n' | awk '{ s += $1; n++ } END { printf "%.0f", s / n }'; }

for fmt in png svg; do
  t0=$(now); "$QRGEN" -q -f "$fmt" -s 4px -o "$work/anketa-$fmt" "$work/urls.csv" > /dev/null; t1=$(now)
  eval "anketa_$fmt=$(rate "$N" "$t0" "$t1")"
  eval "anketa_${fmt}_size=$(size "$work/anketa-$fmt" "$fmt")"
done
. "$top/tests/bench/measure.sh"
if need_apt qrencode qrencode; then
  for fmt in png svg; do
    T=$(echo $fmt | tr a-z A-Z); mkdir -p "$work/qrencode-$fmt"; n=0
    t0=$(now)
    while IFS= read -r u; do n=$((n+1)); qrencode -l M -s 4 -m 4 -t "$T" -o "$work/qrencode-$fmt/$n.$fmt" "$u"; done < "$work/urls.txt"
    t1=$(now)
    eval "qrencode_$fmt=$(rate "$N" "$t0" "$t1")"
    eval "qrencode_${fmt}_size=$(size "$work/qrencode-$fmt" "$fmt")"
  done
else
  echo "qrencode not installed (apt-get install qrencode): skipped"
fi
if /usr/bin/python3 -c 'import segno' 2>/dev/null; then
  for fmt in png svg; do
    t0=$(now)
    /usr/bin/python3 - "$work/urls-sample.txt" "$work/segno-$fmt" "$fmt" <<'PY'
import os, sys, segno
urls, out, fmt = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
for n, line in enumerate(open(urls), 1):
    segno.make_qr(line.rstrip("\n"), error="m", boost_error=False).save(
        os.path.join(out, "%d.%s" % (n, fmt)), scale=4, border=4)
PY
    t1=$(now)
    eval "segno_$fmt=$(rate "$SEGNO_N" "$t0" "$t1")"
    eval "segno_${fmt}_size=$(size "$work/segno-$fmt" "$fmt")"
  done
else
  echo "python3-segno not installed (apt-get install python3-segno): skipped"
fi

printf '\n%-22s %12s %12s %10s %10s\n' "$N codes" "PNG codes/s" "SVG codes/s" "PNG bytes" "SVG bytes"
printf '%-22s %12s %12s %10s %10s\n' "qrgen" "$anketa_png" "$anketa_svg" "$anketa_png_size" "$anketa_svg_size"
[ -n "${qrencode_png:-}" ] && printf '%-22s %12s %12s %10s %10s\n' "qrencode loop" "$qrencode_png" "$qrencode_svg" "$qrencode_png_size" "$qrencode_svg_size"
[ -n "${segno_png:-}" ] && printf '%-22s %12s %12s %10s %10s\n' "segno ($SEGNO_N sample)" "$segno_png" "$segno_svg" "$segno_png_size" "$segno_svg_size"
echo
[ -n "${qrencode_png:-}" ] && echo "qrgen / qrencode loop: PNG x$(echo "$anketa_png $qrencode_png" | awk '{printf "%.1f", $1/$2}'), SVG x$(echo "$anketa_svg $qrencode_svg" | awk '{printf "%.1f", $1/$2}')"
[ -n "${segno_png:-}" ] && echo "qrgen / segno:         PNG x$(echo "$anketa_png $segno_png" | awk '{printf "%.1f", $1/$2}'), SVG x$(echo "$anketa_svg $segno_svg" | awk '{printf "%.1f", $1/$2}')"
exit 0
