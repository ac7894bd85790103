#!/usr/bin/env bash
# Whole-tree benchmark: vforklint on Debian's busybox 1.35 source package, cold JVM each run.
#   src/bench/busybox.sh [BUSYBOX_DIR] [RUNS]
# Without BUSYBOX_DIR it fetches the source package into target/bench/ (needs a deb-src line
# and root, as on a fresh Debian machine). Prints the median wall time and peak RSS of RUNS
# (default 5) scans, and the same for two baselines run in this invocation: a cold JVM that
# only prints vforklint's version (the floor of any Java CLI), and grep over the same tree
# (the floor of reading it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tree="${1:-}"
runs="${2:-5}"

if [ -z "$tree" ]; then
  mkdir -p "$here/target/bench"
  cd "$here/target/bench"
  if [ ! -d busybox-1.35.0 ]; then
    grep -rqs '^deb-src\|deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/ \
      || echo 'deb-src http://deb.debian.org/debian bookworm main' > /etc/apt/sources.list.d/vforklint-bench-src.list
    apt-get update -qq && apt-get source -qq busybox >/dev/null
  fi
  tree="$here/target/bench/busybox-1.35.0"
fi
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
"$here/vforklint" --version >/dev/null   # builds the jar if needed, outside the timed runs

# measure NAME CMD...: RUNS cold runs; prints "NAME median_wall_s median_peak_rss_mib"
measure() {
  local name=$1; shift
  local out; out=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$out" -a "$@" >/dev/null 2>&1 || true
  done
  local m=$(( (runs + 1) / 2 ))
  local wall rss
  # GNU time adds a "Command exited with non-zero status" line for failing commands: keep the figures only
  wall=$(grep -E '^[0-9.]+ [0-9]+$' "$out" | sort -n -k1 | sed -n "${m}p" | cut -d' ' -f1)
  rss=$(grep -E '^[0-9.]+ [0-9]+$' "$out" | sort -n -k2 | sed -n "${m}p" | cut -d' ' -f2)
  awk -v n="$name" -v w="$wall" -v r="$rss" 'BEGIN { printf "%s %.2f %.0f\n", n, w, r / 1024 }'
  rm -f "$out"
}

cd "$tree"
scan=$(measure scan "$here/vforklint" check -q --fail-on never -I include -f json -o /dev/null .)
jvm=$(measure jvm "$here/vforklint" --version)
grep_=$(measure grep grep -rlw --include='*.[ch]' vfork .)
files=$(find . -name '*.c' | wc -l); lines=$(find . -name '*.c' -print0 | xargs -0 cat | wc -l)

echo "busybox tree: $tree ($files .c files, $lines lines), $runs cold runs each, $(nproc) CPUs"
printf '%-8s %10s %14s\n' what "wall (s)" "peak RSS (MiB)"
for row in "$scan" "$jvm" "$grep_"; do set -- $row; printf '%-8s %10s %14s\n' "$1" "$2" "$3"; done
set -- $scan; sw=$2; sr=$3
set -- $jvm; jw=$2; jr=$3
set -- $grep_; gw=$2
awk -v sw="$sw" -v jw="$jw" -v gw="$gw" -v sr="$sr" -v jr="$jr" 'BEGIN {
  printf "scan / jvm start: %.1fx wall, %.1fx RSS; scan / grep: %.0fx wall\n", sw/jw, sr/jr, sw/(gw>0?gw:0.01) }'
