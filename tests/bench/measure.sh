# Sourced by the benchmark scripts. measure NAME CMD...: one warm-up run,
# then $RUNS timed runs (/usr/bin/time), the median kept; sets $wall
# (seconds) and $rss (peak MiB). Standard output goes to $work/out, standard
# error to $work/err (shown when the command fails).
measure() {
  name=$1; shift
  "$@" >/dev/null 2>&1
  rm -f "$work"/time.*
  i=0
  while [ $i -lt "$RUNS" ]; do
    i=$((i + 1))
    /usr/bin/time -f "%e %M" -o "$work/time.$i" "$@" >"$work/out" 2>"$work/err" ||
      { echo "$name failed:"; cat "$work/err"; wall=; return 1; }
  done
  set -- $(cat "$work"/time.* | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  wall=$1; rss=$(($2 / 1024))
}
