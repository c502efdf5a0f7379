#!/usr/bin/env bash
# tat_rebuild: seeds the demo network over the real directory into a throwaway SQLite database and times a full
# rebuild of the TAT tables (bench/tat_rebuild.cpp). See bench/README.md.
#
#   bench/tat_rebuild.sh [--server-bin PATH] [--bench-bin PATH] [--items N] [--runs N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
die() { echo "tat_rebuild: $*" >&2; exit 1; }

server_bin= bench_bin= items=2000 runs=7
while (($#)); do
  case $1 in
    --server-bin | --bench-bin | --items | --runs)
      (($# >= 2)) || die "$1 needs a value"
      declare "$(tr - _ <<<"${1#--}")=$2"
      shift
      ;;
    -h | --help) sed -n '2,6s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
# shellcheck source=scripts/lib/binaries.sh
source "$root/scripts/lib/binaries.sh"
[[ -n $server_bin ]] || server_bin=$(pincart_newest_binary pincart-server)
[[ -n $bench_bin ]] || bench_bin=$(pincart_newest_binary pincart-bench-tat)
[[ -x $server_bin && -x $bench_bin ]] || die "build pincart-server and pincart-bench-tat first (scripts/bench does)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pincart-tat.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
"$server_bin" seed --database "sqlite://$tmp/pincart.db" --data-dir "$tmp" --items "$items" --seed 1 >"$tmp/seed.log" 2>&1 ||
  { tail -n 20 "$tmp/seed.log" >&2; die "seeding failed"; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg); commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$bench_bin" --database "sqlite://$tmp/pincart.db" --runs "$runs"
