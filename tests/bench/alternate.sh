#!/bin/sh
# Runs commands in turn, RUNS rounds (default 3) after one warm-up round
# (WARMUP=0: none),
# so that a busy machine's slow spells fall on all of them alike, and prints
# each one's median wall seconds with the spread (min-max) and its median
# peak RSS. Every command runs through sh -c.
#   usage: tests/bench/alternate.sh 'NAME=COMMAND' 'NAME=COMMAND' ...
# Needs /usr/bin/time. Output: NAME  median s (min-max)  MiB
set -u
RUNS=${RUNS:-3}
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (apt-get install time)"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
round=$((1 - ${WARMUP:-1}))
while [ $round -le "$RUNS" ]; do
  n=0
  for spec in "$@"; do
    n=$((n + 1))
    cmd=${spec#*=}
    if [ $round -eq 0 ]; then
      sh -c "$cmd" >/dev/null 2>&1 || { echo "${spec%%=*} failed: $cmd"; exit 1; }
    else
      /usr/bin/time -f "%e %M" -o "$tmp/t" sh -c "$cmd" >/dev/null 2>&1 || { echo "${spec%%=*} failed"; exit 1; }
      cat "$tmp/t" >> "$tmp/$n"
    fi
  done
  round=$((round + 1))
done
n=0
for spec in "$@"; do
  n=$((n + 1))
  rss=$(awk '{ print $2 }' "$tmp/$n" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  sort -n "$tmp/$n" | awk -v name="${spec%%=*}" -v rss="$rss" '
    { w[NR] = $1 }
    END { mid = int((NR + 1) / 2)
          printf "%-28s %7.2f s (%.2f-%.2f)  %6d MiB\n", name, w[mid], w[1], w[NR], rss / 1024 }'
done
