# shellcheck shell=bash
# pincart_newest_binary NAME: prints the path of the newest executable called NAME under the repository's build
# directories (build-bench, build-run, build; any that exist), or nothing. Needs $root, the repository's top.
# Never fails: the scripts run with `set -o pipefail`, under which find's complaint about a build directory that
# does not exist would end the caller silently.
pincart_newest_binary() {
  local dirs=() d
  for d in build-bench build-run build; do
    [[ -d $root/$d ]] && dirs+=("$root/$d")
  done
  ((${#dirs[@]})) || return 0
  { find "${dirs[@]}" -name CMakeFiles -prune -o -type f -name "$1" -perm -u+x -printf '%T@ %p\n' 2>/dev/null || true; } |
    sort -nr | head -n 1 | cut -d' ' -f2-
}
