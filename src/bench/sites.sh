#!/usr/bin/env bash
# Site coverage on real trees without a build: how many vfork calls become vfork sites, for each
# C file that calls vfork (or a wrapper named like one) copied alone into an empty folder, and for
# the whole tree, both scanned with no options; with the CPU time of the whole-tree scan.
#
#   src/bench/sites.sh [--against JAR] TREE ...
#
# "calls" counts the lines that grep finds calling vfork, xvfork, XVFORK, safe_vfork or
# vfork_or_die: a rough denominator (a prototype, a comment or a #define counts too), so a file
# may have fewer sites than calls and be right; the diagnostics say why for each call left out.
# --against JAR measures an older vforklint jar on the same files in the same invocation.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
against=""
if [ "${1:-}" = --against ]; then against=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2; fi
[ $# -gt 0 ] || { echo "usage: src/bench/sites.sh [--against JAR] TREE ..." >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
"$here/vforklint" --version >/dev/null   # builds the jar if needed
jar="$here/target/vforklint-0.1.0-SNAPSHOT-cli.jar"
# the launcher's JVM flags (the line jvm=(...) in ./vforklint), so that a jar runs as it does there
read -ra jvm <<< "$(sed -n 's/^jvm=(\(.*\))$/\1/p' "$here/vforklint")"
call='(^|[^A-Za-z0-9_])(vfork|xvfork|XVFORK|safe_vfork|vfork_or_die)[[:space:]]*\('
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sites() {  # sites JAR DIR: the vfork sites a scan of DIR with no options finds
  java "${jvm[@]}" -jar "$1" check --no-config -q --fail-on never -f json -o "$work/out.json" "$2" >/dev/null 2>&1 || true
  sed -n 's/.*"vforkSites" *: *\([0-9]*\).*/\1/p' "$work/out.json" | head -1
}

cpu() {  # cpu JAR DIR: CPU seconds (user + system) of a whole-tree scan
  /usr/bin/time -f '%U %S' -o "$work/time" java "${jvm[@]}" -jar "$1" check --no-config -q --fail-on never \
    -f json -o /dev/null "$2" >/dev/null 2>&1 || true
  awk 'END { printf "%.2f", $1 + $2 }' "$work/time"
}

printf '%-22s %5s %5s | %11s %11s | %10s %10s | %8s %8s\n' tree files calls "alone" "alone old" "whole" "whole old" "CPU s" "CPU old"
for tree in "$@"; do
  tree=$(cd "$tree" && pwd)
  files=0 calls=0 alone=0 alone_old=0
  while IFS= read -r -d '' f; do
    n=$(grep -cE "$call" "$f" || true)
    [ "$n" -gt 0 ] || continue
    files=$((files + 1)); calls=$((calls + n))
    rm -rf "$work/alone"; mkdir "$work/alone"; cp "$f" "$work/alone/"
    alone=$((alone + $(sites "$jar" "$work/alone")))
    if [ -n "$against" ]; then alone_old=$((alone_old + $(sites "$against" "$work/alone"))); fi
  done < <(find "$tree" -name '*.c' -type f -print0 | sort -z)
  whole=$(sites "$jar" "$tree"); seconds=$(cpu "$jar" "$tree")
  whole_old=- seconds_old=- ; [ -n "$against" ] || alone_old=-
  if [ -n "$against" ]; then whole_old=$(sites "$against" "$tree"); seconds_old=$(cpu "$against" "$tree"); fi
  printf '%-22s %5d %5d | %5s/%-5d %5s/%-5d | %10s %10s | %8s %8s\n' "$(basename "$tree")" "$files" "$calls" \
    "$alone" "$calls" "$alone_old" "$calls" "$whole" "$whole_old" "$seconds" "$seconds_old"
done
