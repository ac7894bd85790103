#!/usr/bin/env bash
# Whole-tree benchmark: vforklint next to `grep -rlw vfork` on the same trees, in one invocation,
# each command run cold (a new JVM) RUNS times; medians of wall time, CPU time (user + system)
# and peak RSS, and vforklint's wall-time ratio to grep.
#
#   src/bench/trees.sh [-n RUNS] [--against JAR [--against-jvm 'FLAGS']] [TREE ...]
#
# --against JAR also measures another vforklint jar (an older build) on the same trees in the same
# invocation, and prints its row below each tree's, then the medians of the ratios of each run
# to the older jar's run made just after it: the VM's drift over the invocation cancels out of
# those. It runs as the launcher runs a jar (a class data sharing archive made for it first,
# outside the timed runs) with the JVM flags FLAGS, by default the launcher's own: give the flags
# the launcher of that jar's day used to compare releases as users met them. The commands of a
# tree are run in turn (vforklint, the older jar, grep), RUNS rounds.
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

# once FILE CMD...: one cold run of CMD; its figures ("wall user system rss_kib") appended to FILE
once() {
  local out=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$out" -a "$@" >/dev/null 2>&1 || true
}

# figures FILE: the runs' figures, without the "Command exited with non-zero status" lines GNU time adds
figures() {
  grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$1"
}

MEDIAN='function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return a[int((n + 1) / 2)] }'

# medians FILE: "median_wall median_cpu median_rss_mib"
medians() {
  figures "$1" | awk "$MEDIAN"'
    { w[NR] = $1; c[NR] = $2 + $3; r[NR] = $4 }
    END { printf "%.2f %.2f %.0f\n", med(w, NR), med(c, NR), med(r, NR) / 1024 }'
}

# paired A B: the medians of the ratios of each run of A to the run of B made just after it
# ("wall cpu"): the VM's drift over the invocation cancels out of these
paired() {
  paste -d' ' <(figures "$1") <(figures "$2") | awk "$MEDIAN"'
    { w[NR] = $1 / ($5 > 0 ? $5 : 0.01); c[NR] = ($2 + $3) / ($6 + $7 > 0 ? $6 + $7 : 0.01) }
    END { printf "%.3f %.3f\n", med(w, NR), med(c, NR) }'
}

"$here/vforklint" --version >/dev/null   # builds the jar if needed, outside the timed runs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "$against" ]; then
  # the archive the launcher makes for its jar (see ./vforklint), made for this one
  against_archive=$work/against.jsa
  # shellcheck disable=SC2086
  java $against_jvm -XX:DumpLoadedClassList="$against_archive.classes" -jar "$against" check --no-config -q \
    --fail-on never -f sarif -o /dev/null "$here/testdata/c" >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  java $against_jvm -Xshare:dump -XX:SharedClassListFile="$against_archive.classes" \
    -XX:SharedArchiveFile="$against_archive" -cp "$against" >/dev/null 2>&1 || true
fi
printf '%d cold runs each, taken in turn (vforklint%s, grep); %d CPUs; medians. CPU = user + system seconds.\n' \
  "$runs" "${against:+, the older jar}" "$(nproc)"
printf '%-8s %7s %9s | %8s %7s %8s | %9s %8s | %10s\n' tree files lines "vfl wall" "vfl CPU" "vfl MiB" "grep wall" "grep CPU" "wall ratio"
for name in "$@"; do
  tree=$(fetch "$name")
  args=(check --no-config -q --fail-on never -f json -o /dev/null)
  if [ "$name" = busybox ]; then args+=(-I include); fi
  files=$(find "$tree"/ -name '*.[ch]' -type f | wc -l)
  lines=$(find "$tree"/ -name '*.[ch]' -type f -print0 | xargs -0 -r cat | wc -l)
  rm -f "$work/now" "$work/before" "$work/grep"
  for _ in $(seq "$runs"); do
    (cd "$tree" && once "$work/now" "$here/vforklint" "${args[@]}" .)
    if [ -n "$against" ]; then
      # shellcheck disable=SC2086
      (cd "$tree" && once "$work/before" java $against_jvm -XX:SharedArchiveFile="$against_archive" -Xshare:auto \
        -jar "$against" "${args[@]}" .)
    fi
    (cd "$tree" && once "$work/grep" grep -rlw --include='*.[ch]' vfork .)
  done
  read -r vw vc vr < <(medians "$work/now")
  read -r gw gc _ < <(medians "$work/grep")
  row() {
    awk -v n="$1" -v f="$files" -v l="$lines" -v vw="$2" -v vc="$3" -v vr="$4" -v gw="$gw" -v gc="$gc" 'BEGIN {
      printf "%-8s %7d %9d | %8.2f %7.2f %8d | %9.2f %8.2f | %9.1fx\n", n, f, l, vw, vc, vr, gw, gc, vw / (gw > 0 ? gw : 0.01) }'
  }
  row "$name" "$vw" "$vc" "$vr"
  if [ -n "$against" ]; then
    read -r bw bc br < <(medians "$work/before")
    row "  before" "$bw" "$bc" "$br"
    read -r pw pc < <(paired "$work/now" "$work/before")
    printf '  now/before, run by run: wall %s, CPU %s\n' "$pw" "$pc"
  fi
done
