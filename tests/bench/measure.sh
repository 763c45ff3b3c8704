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

# need_apt COMMAND PACKAGE: COMMAND is there, or installed now from Debian
# (as root; else the caller names it missing and skips its peer).
need_apt() {
  command -v "$1" >/dev/null && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "installing $2 (apt-get) for $1 ..."
  apt-get install -y "$2" >/dev/null 2>&1 && command -v "$1" >/dev/null
}

# need_duckdb DIR: the npm package @duckdb/node-api in DIR, installed now
# when npm is there (a few seconds, about 60 MB).
need_duckdb() {
  [ -d "$1/node_modules/@duckdb/node-api" ] && command -v node >/dev/null && return 0
  command -v npm >/dev/null && command -v node >/dev/null || return 1
  echo "installing @duckdb/node-api (npm) into $1 ..."
  mkdir -p "$1" && (cd "$1" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install @duckdb/node-api >/dev/null 2>&1) && [ -d "$1/node_modules/@duckdb/node-api" ]
}
