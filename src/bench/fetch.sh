#!/usr/bin/env bash
# Prints the directory of a real source tree to scan, fetching it first if needed:
#   src/bench/fetch.sh busybox|none|kernel|empty
#   busybox  Debian's busybox 1.35 source package
#   none     the Linux kernel's drivers/ folder: 28,000 C files and no vfork at all
#   kernel   Debian's linux source package (55,000 C files and headers)
#   empty    an empty folder
# Trees are fetched with apt-get (a deb-src entry for Debian 12 is added when there is none;
# that needs root) into $VFORKLINT_BENCH_DIR (default ~/.cache/vforklint-bench), outside the
# repository. Nothing fetched is ever built or run.
set -euo pipefail
cache="${VFORKLINT_BENCH_DIR:-$HOME/.cache/vforklint-bench}"
mkdir -p "$cache"

deb_src() {
  if ! grep -rqs 'deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      > /etc/apt/sources.list.d/vforklint-src.sources
  fi
  apt-get update -qq >&2
}

kernel_dir() { # sets k to the unpacked kernel tree, empty when there is none (a glob, not ls: under pipefail a failed ls would end the script)
  k=""
  local d
  for d in "$cache"/linux-*/; do
    if [ -d "$d" ]; then k=$d; return; fi
  done
}

case ${1:-} in
  busybox)
    if [ ! -d "$cache"/busybox-1.35.0 ]; then
      deb_src
      (cd "$cache" && apt-get source -qq busybox >&2)
    fi
    echo "$cache"/busybox-1.35.0 ;;
  kernel|none)
    kernel_dir
    if [ -z "$k" ]; then
      deb_src
      (cd "$cache" && apt-get source --download-only -qq linux >&2 && tar xf linux_*.orig.tar.xz)
      kernel_dir
      [ -n "$k" ] || { echo "fetch: no linux-*/ folder in $cache after unpacking the source package" >&2; exit 1; }
    fi
    if [ "$1" = kernel ]; then echo "${k%/}"; else echo "${k%/}/drivers"; fi ;;
  empty) mkdir -p "$cache/empty"; echo "$cache/empty" ;;
  *) echo "usage: src/bench/fetch.sh busybox|none|kernel|empty" >&2; exit 2 ;;
esac
