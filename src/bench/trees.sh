#!/usr/bin/env bash
# Whole-tree benchmark: vforklint next to `grep -rlw vfork` on the same trees, in one invocation,
# each command run cold (a new JVM) RUNS times; medians of wall time, CPU time (user + system)
# and peak RSS, and vforklint's wall-time ratio to grep.
#
#   src/bench/trees.sh [-n RUNS] [--against JAR [--against-jvm 'FLAGS']] [TREE ...]
#
# --against JAR also measures another vforklint jar (an older build) on the same trees in the same
# invocation, and prints its row below each tree's. It runs as the launcher runs a jar (a class
# data sharing archive made for it first, outside the timed runs) with the JVM flags FLAGS, by
# default the launcher's own: give the flags the launcher of that jar's day used to compare
# releases as users met them.
#
# TREE is a directory, or one of the named trees (default: busybox none kernel empty):
#   busybox  Debian's busybox source package, scanned with -I include
#   none     the kernel's drivers/ folder: 28,000 C files and no vfork anywhere
#   kernel   Debian's linux source package (55,000 C files and headers), no options
#   empty    an empty folder: start-up cost only
# Named trees are fetched by src/bench/fetch.sh (apt-get source) into $VFORKLINT_BENCH_DIR
# (default ~/.cache/vforklint-bench), outside the repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=5
against=""
# the launcher's JVM flags (the line jvm=(...) in ./vforklint)
against_jvm=$(sed -n 's/^jvm=(\(.*\))$/\1/p' "$here/vforklint")
while [ $# -gt 0 ]; do
  case $1 in
    -n) runs=$2; shift 2 ;;
    --against) against=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --against-jvm) against_jvm=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || set -- busybox none kernel empty
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

fetch() {  # fetch NAME: prints the tree's directory
  case $1 in
    busybox|none|kernel|empty) "$here/src/bench/fetch.sh" "$1" ;;
    *) (cd "$1" && pwd) ;;
  esac
}

# measure CMD...: RUNS cold runs; prints "median_wall median_cpu median_rss_mib"
measure() {
  local out; out=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$out" -a "$@" >/dev/null 2>&1 || true
  done
  # GNU time adds a "Command exited with non-zero status" line for failing commands: keep the figures only
  grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$out" | awk -v m=$(( (runs + 1) / 2 )) '
    { w[NR] = $1; c[NR] = $2 + $3; r[NR] = $4 }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return a[m] }
    END { printf "%.2f %.2f %.0f\n", med(w, NR), med(c, NR), med(r, NR) / 1024 }'
  rm -f "$out"
}

"$here/vforklint" --version >/dev/null   # builds the jar if needed, outside the timed runs
if [ -n "$against" ]; then
  # the archive the launcher makes for its jar (see ./vforklint), made for this one
  against_dir=$(mktemp -d)
  trap 'rm -rf "$against_dir"' EXIT
  against_archive=$against_dir/against.jsa
  # shellcheck disable=SC2086
  java $against_jvm -XX:DumpLoadedClassList="$against_archive.classes" -jar "$against" check --no-config -q \
    --fail-on never -f sarif -o /dev/null "$here/testdata/c" >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  java $against_jvm -Xshare:dump -XX:SharedClassListFile="$against_archive.classes" \
    -XX:SharedArchiveFile="$against_archive" -cp "$against" >/dev/null 2>&1 || true
fi
printf '%d cold runs each, %d CPUs; medians. CPU = user + system seconds.\n' "$runs" "$(nproc)"
printf '%-8s %7s %9s | %8s %7s %8s | %9s %8s | %10s\n' tree files lines "vfl wall" "vfl CPU" "vfl MiB" "grep wall" "grep CPU" "wall ratio"
for name in "$@"; do
  tree=$(fetch "$name")
  args=(check --no-config -q --fail-on never -f json -o /dev/null)
  if [ "$name" = busybox ]; then args+=(-I include); fi
  files=$(find "$tree"/ -name '*.[ch]' -type f | wc -l)
  lines=$(find "$tree"/ -name '*.[ch]' -type f -print0 | xargs -0 -r cat | wc -l)
  read -r vw vc vr < <(cd "$tree" && measure "$here/vforklint" "${args[@]}" .)
  read -r gw gc _ < <(cd "$tree" && measure grep -rlw --include='*.[ch]' vfork .)
  row() {
    awk -v n="$1" -v f="$files" -v l="$lines" -v vw="$2" -v vc="$3" -v vr="$4" -v gw="$gw" -v gc="$gc" 'BEGIN {
      printf "%-8s %7d %9d | %8.2f %7.2f %8d | %9.2f %8.2f | %9.1fx\n", n, f, l, vw, vc, vr, gw, gc, vw / (gw > 0 ? gw : 0.01) }'
  }
  row "$name" "$vw" "$vc" "$vr"
  if [ -n "$against" ]; then
    # shellcheck disable=SC2086
    read -r bw bc br < <(cd "$tree" && measure java $against_jvm -XX:SharedArchiveFile="$against_archive" -Xshare:auto \
      -jar "$against" "${args[@]}" .)
    row "  before" "$bw" "$bc" "$br"
  fi
done
