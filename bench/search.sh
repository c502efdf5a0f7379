#!/usr/bin/env bash
# search: the mixed query set of bench/search_queries.txt (free text, facets, filters, the pincode filter, sorts)
# over HTTP against pincart-server's GET /api/v1/search (wrk, bench/search.lua), and the same queries run in
# the same run as SQL against SQLite FTS5 and MariaDB FULLTEXT over the same items (pincart-bench-search-sql),
# at each catalogue size; plus the index build times. See bench/README.md, "search".
#
#   bench/search.sh [options]            (scripts/bench --scenario search builds what it needs, then runs this)
#
#   --server-bin PATH      pincart-server to measure (default: the newest in build-bench/, build-run/, build/)
#   --bench-bin PATH       pincart-bench-search-sql (default: the newest in build-bench/, build-run/, build/)
#   --items LIST           catalogue sizes, comma-separated (default 100000,1000000)
#   --backends LIST        from sqlite,mariadb (default both): each is seeded, measured over HTTP, then its
#                          own full-text engine runs the same queries on the same database
#   --queries FILE         the query set (default bench/search_queries.txt)
#   --threads N            server --threads (default: the server's own default)
#   --sql-threads N        client threads (one connection each) of the SQL baselines (default 8)
#   --wrk-threads N        wrk -t (default 2)
#   --connections N        wrk -c (default 64; the targets are defined at 64)
#   --duration S           seconds measured, wrk and SQL alike (default 15; the SQL runs go on until every
#                          query has run once, at most --sql-max-duration)
#   --sql-max-duration S   (default 120)
#   --warmup S             seconds run before each measurement, not counted (default 5)
#   --ready-timeout S      seconds to wait for /readyz after start (default 900)
#   --strict               exit 1 when a target is missed (errors always exit 1)
#
# Targets (issue 6): p99 under 10 ms at 1M items; at least 5 x MariaDB FULLTEXT's queries/s; 1M items
# indexed (pincart-server reindex) in under 3 minutes. All traffic on 127.0.0.1, everything in a temporary
# directory removed at the end (the MariaDB too). Prints a table; writes no file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/lib/mariadb.sh
source "$root/scripts/lib/mariadb.sh"

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }
die() { echo "search: $*" >&2; exit 1; }
say() { echo "search: $*" >&2; }

server_bin=
bench_bin=
items=100000,1000000
backends=sqlite,mariadb
queries=$here/search_queries.txt
threads=
sql_threads=8
wrk_threads=2
connections=64
duration=15
sql_max_duration=120
warmup=5
ready_timeout=900
strict=0
while (($#)); do
  case $1 in
    --server-bin | --bench-bin | --items | --backends | --queries | --threads | --sql-threads | --wrk-threads | \
      --connections | --duration | --sql-max-duration | --warmup | --ready-timeout)
      (($# >= 2)) || die "$1 needs a value"
      declare "$(tr - _ <<<"${1#--}")=$2"
      shift
      ;;
    --strict) strict=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "search: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
IFS=, read -r -a backend_list <<<"$backends"
((${#backend_list[@]})) || die "no --backends"
for b in "${backend_list[@]}"; do
  [[ $b == sqlite || $b == mariadb ]] || die "unknown backend $b (sqlite, mariadb)"
done
IFS=, read -r -a item_list <<<"$items"
((${#item_list[@]})) || die "no --items"
for n in "${item_list[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "bad --items $n"
done
duration=${duration%s}
warmup=${warmup%s}
for v in "$sql_threads" "$wrk_threads" "$connections" "$duration" "$sql_max_duration" "$ready_timeout"; do
  [[ $v =~ ^[1-9][0-9]*$ ]] || die "bad number $v"
done
[[ $warmup =~ ^[0-9]+$ ]] || die "bad --warmup $warmup"
[[ -z $threads || $threads =~ ^[1-9][0-9]*$ ]] || die "bad --threads $threads"
((connections >= wrk_threads)) || die "--connections must be at least --wrk-threads"
[[ -r $queries ]] || die "cannot read the query set $queries"
queries=$(cd "$(dirname "$queries")" && pwd)/$(basename "$queries")
command -v wrk >/dev/null || die "wrk not found (scripts/setup installs it)"
command -v curl >/dev/null || die "curl not found (scripts/setup installs it)"
# shellcheck source=scripts/lib/binaries.sh
source "$root/scripts/lib/binaries.sh"
[[ -n $server_bin ]] || server_bin=$(pincart_newest_binary pincart-server)
[[ -n $bench_bin ]] || bench_bin=$(pincart_newest_binary pincart-bench-search-sql)
[[ -n $server_bin && -x $server_bin ]] || die "no pincart-server binary: build one (scripts/bench) or pass --server-bin"
[[ -n $bench_bin && -x $bench_bin ]] ||
  die "no pincart-bench-search-sql binary: build it (scripts/bench --scenario search) or pass --bench-bin"
# A server without search still gives the baselines and the seeding times; its lines say why they are empty.
has_search=1
"$server_bin" --help 2>&1 | grep -q reindex || has_search=0
query_count=$(grep -c '^/' "$queries")

load_before=$(cut -d' ' -f1 /proc/loadavg)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pincart-search.XXXXXX")
server_pid=

# stop_pid PID SECONDS: SIGTERM, wait (reaping), SIGKILL after SECONDS.
stop_pid() {
  local pid=$1 deadline=$((SECONDS + $2))
  kill -TERM "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  while kill -0 "$pid" 2>/dev/null && [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]]; do
    if ((SECONDS >= deadline)); then
      say "pid $pid did not stop within $2 s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true
}
alive() { kill -0 "$1" 2>/dev/null && [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]; }

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  [[ -z $server_pid ]] || stop_pid "$server_pid" 30
  mariadb_stop || true
  rm -rf -- "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# json_num LINE KEY: a number field of a RESULT line.
json_num() { sed -n "s/.*\"$2\":\([-0-9.e+]*\).*/\1/p" <<<"$1"; }

# Results, keyed "ITEMS/ENGINE": the RESULT json of a load, or why there is none; build and seed times.
declare -A result=() failure=() build_ms=() build_note=() seed_s=() checked=() alone=()

# check_queries KEY URL: every query of the set once, one after the other (also a warm-up): all must answer 200.
# Their times, one request at a time on an idle server, are each query's own latency (no queueing).
check_queries() {
  local key=$1 url=$2 line answer code seconds bad=0 empty=0 first=
  : >"$tmp/alone.txt"
  while IFS= read -r line; do
    [[ $line == /* ]] || continue
    answer=$(curl -sS -o "$tmp/answer.json" -w '%{http_code} %{time_total}' --max-time 30 "$url$line" 2>/dev/null) ||
      answer="000 0"
    read -r code seconds <<<"$answer"
    echo "$seconds" >>"$tmp/alone.txt"
    if [[ $code != 200 ]]; then
      bad=$((bad + 1))
      [[ -n $first ]] || first="$code for $line"
    elif grep -q '"total":0[,}]' "$tmp/answer.json"; then
      empty=$((empty + 1))
    fi
  done <"$queries"
  alone[$key]=$(sort -g "$tmp/alone.txt" |
    awk '{ v[NR] = $1 * 1000 } END { printf "p50 %.1f ms, p99 %.1f ms", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1] }')
  checked[$key]="$((query_count - bad)) of $query_count answered 200, $empty without hits"
  say "$key: ${checked[$key]}; one at a time: ${alone[$key]}"
  [[ $bad -eq 0 ]] || { failure[$key]="$bad queries failed, first: $first"; return 1; }
}

# run_wrk KEY URL: warm-up run, then the measured run; prints the RESULT json.
run_wrk() {
  local key=$1 url=$2 label=${1//\//-} out=$tmp/wrk-${1//\//-}.txt
  say "$key: warm-up (${warmup}s), then wrk -t$wrk_threads -c$connections -d${duration}s"
  if ((warmup > 0)); then
    PINCART_BENCH_QUERIES=$queries PINCART_BENCH_LABEL=$label wrk -t"$wrk_threads" -c"$connections" \
      -d"${warmup}s" --timeout 10s -s "$here/search.lua" "$url" >"$out.warmup" 2>&1 ||
      { cat "$out.warmup" >&2; return 1; }
  fi
  PINCART_BENCH_QUERIES=$queries PINCART_BENCH_LABEL=$label PINCART_BENCH_ITEMS=${key%%/*} \
    wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$here/search.lua" "$url" \
    >"$out" 2>&1 || { cat "$out" >&2; return 1; }
  sed 's/^/    /' "$out" | grep -v RESULT >&2
  grep '^RESULT ' "$out" | tail -n 1 | cut -d' ' -f2-
}

# bench_pincart N BACKEND DATABASE_URL DATA_DIR: reindex (timed), serve, check, load, stop.
bench_pincart() {
  local n=$1 backend=$2 database=$3 data=$4
  local key=$n/pincart-$backend log=$tmp/server-$backend-$n.log port url t0 attempt args line
  if ((!has_search)); then
    failure[$key]="this pincart-server has no search (no reindex command)"
    return 1
  fi
  say "$key: pincart-server reindex"
  t0=$(date +%s%N)
  if ! "$server_bin" reindex --database "$database" --data-dir "$data" >"$tmp/reindex.log" 2>&1; then
    tail -n 20 "$tmp/reindex.log" >&2
    failure[$key]="reindex failed"
    return 1
  fi
  line=$(grep -m 1 '^indexed ' "$tmp/reindex.log" || true)
  say "$key: ${line:-reindex printed no summary}"
  # The server's own figure when it prints one, else the command's wall time.
  build_ms[$n/pincart-$backend]=$(sed -n 's/^indexed [0-9]* items in \([0-9]*\) ms.*/\1/p' <<<"$line")
  [[ -n ${build_ms[$n/pincart-$backend]} ]] ||
    build_ms[$n/pincart-$backend]=$((($(date +%s%N) - t0) / 1000000))
  build_note[$n/pincart-$backend]="pincart-server reindex"

  for attempt in 1 2 3; do
    port=$(pincart_free_port)
    url=http://127.0.0.1:$port
    args=(serve --database "$database" --address 127.0.0.1 --port "$port" --data-dir "$data" --access-log off)
    [[ -z $threads ]] || args+=(--threads "$threads")
    say "$key: starting ${server_bin##*/} ${args[*]}"
    "$server_bin" "${args[@]}" </dev/null >"$log" 2>&1 &
    server_pid=$!
    t0=$SECONDS
    until curl -fsS -o /dev/null --max-time 2 "$url/readyz" 2>/dev/null; do
      if ! alive "$server_pid" || ((SECONDS - t0 >= ready_timeout)); then
        stop_pid "$server_pid" 30
        server_pid=
        break
      fi
      sleep 0.5
    done
    [[ -z $server_pid ]] || break
    grep -q "Address already in use" "$log" && ((attempt < 3)) && continue
    tail -n 20 "$log" >&2
    failure[$key]="server not ready"
    return 1
  done
  say "$key: ready after $((SECONDS - t0)) s"
  if check_queries "$key" "$url" && result[$key]=$(run_wrk "$key" "$url") && [[ -n ${result[$key]} ]]; then
    :
  else
    [[ -n ${failure[$key]:-} ]] || failure[$key]="wrk failed"
    unset 'result[$key]'
  fi
  if ! alive "$server_pid"; then
    failure[$key]="server died during the run"
    tail -n 20 "$log" >&2
  fi
  stop_pid "$server_pid" 30
  server_pid=
  [[ -z ${failure[$key]:-} ]]
}

# bench_sql N ENGINE DATABASE_URL: the engine's full-text index (built and timed), then the same queries.
bench_sql() {
  local n=$1 engine=$2 database=$3 key=$1/$2 out=$tmp/sql-$2-$1.txt
  say "$key: building the full-text index, then $sql_threads threads for ${duration}s or more"
  if ! "$bench_bin" --database "$database" --queries "$queries" --threads "$sql_threads" --warmup "$warmup" \
    --duration "$duration" --max-duration "$sql_max_duration" >"$out" 2>"$out.log"; then
    tail -n 20 "$out.log" >&2
    failure[$key]="pincart-bench-search-sql failed"
    return 1
  fi
  sed 's/^/    /' "$out.log" >&2
  result[$key]=$(grep '^RESULT ' "$out" | tail -n 1 | cut -d' ' -f2-)
  build_ms[$key]=$(json_num "${result[$key]}" index_ms)
  build_note[$key]="the full-text index; then filter indexes and statistics: $(json_num "${result[$key]}" filter_index_ms) ms"
  [[ $(json_num "${result[$key]}" errors) == 0 ]] || failure[$key]="$(json_num "${result[$key]}" errors) errors"
  ! grep -q '"index_built":false' <<<"${result[$key]}" || build_note[$key]="was there already"
  return 0
}

# seed N DATABASE_URL DATA_DIR KEY
seed() {
  local n=$1 database=$2 data=$3 key=$4 t0
  say "$key: seeding $n items"
  t0=$SECONDS
  if ! "$server_bin" seed --database "$database" --data-dir "$data" --items "$n" --seed 1 >"$tmp/seed.log" 2>&1; then
    tail -n 20 "$tmp/seed.log" >&2
    return 1
  fi
  seed_s[$key]=$((SECONDS - t0))
  say "$key: seeded in ${seed_s[$key]} s"
}

for n in "${item_list[@]}"; do
  for b in "${backend_list[@]}"; do
    data=$tmp/$n-$b
    mkdir -p "$data"
    case $b in
      sqlite)
        database="sqlite://$data/pincart.db"
        if seed "$n" "$database" "$data" "$n/sqlite"; then
          bench_pincart "$n" sqlite "$database" "$data" || true
          bench_sql "$n" sqlite-fts5 "$database" || true
        else
          failure[$n/pincart-sqlite]="seeding failed"
          failure[$n/sqlite-fts5]="seeding failed"
        fi
        ;;
      mariadb)
        # The catalogue, its stock and the full-text index fit in the buffer pool; no flush per commit
        # (seeding speed only: the load is reads). Words of 2 letters are indexed ("tv", "lg", "5g"), and
        # no stop words: the FULLTEXT index then sees the words FTS5 and Xapian see.
        say "$n/mariadb: starting a throwaway server"
        if MARIADB_INNODB_FLUSH_LOG_AT_TRX_COMMIT=2 MARIADB_INNODB_BUFFER_POOL_SIZE=3G \
          mariadb_start "$tmp/mariadb" --innodb-log-file-size=1G --thread-cache-size=256 --table-open-cache=4000 \
          --innodb-ft-min-token-size=2 --innodb-ft-enable-stopword=0 --innodb-ft-cache-size=80M \
          --innodb-ft-total-cache-size=1G --innodb-ft-sort-pll-degree=2; then
          mariadb --no-defaults --socket="$MARIADB_SOCKET" -uroot \
            -e 'CREATE DATABASE pincart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
          database="mysql://root@127.0.0.1:$MARIADB_PORT/pincart?unix_socket=$MARIADB_SOCKET"
          if seed "$n" "$database" "$data" "$n/mariadb"; then
            bench_pincart "$n" mariadb "$database" "$data" || true
            bench_sql "$n" mariadb-fulltext "$database" || true
          else
            failure[$n/pincart-mariadb]="seeding failed"
            failure[$n/mariadb-fulltext]="seeding failed"
          fi
        else
          failure[$n/pincart-mariadb]="mariadb did not start"
          failure[$n/mariadb-fulltext]="mariadb did not start"
        fi
        mariadb_stop
        ;;
    esac
    rm -rf -- "$data"
  done
done

# ---- report
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo
echo "search: $query_count queries of ${queries#"$root"/} in turn; pincart over HTTP: wrk -t$wrk_threads" \
  "-c$connections -d${duration}s (warm-up ${warmup}s), loopback; SQL baselines: $sql_threads threads, one" \
  "connection each, ${duration}s or until every query ran (at most ${sql_max_duration}s), warm-up ${warmup}s"
echo "machine: $(nproc) cores, ${cpu:-unknown cpu}, load average $load_before before the run;" \
  "commit $commit; $(date -u +%Y-%m-%dT%H:%MZ)"
awk -v l="$load_before" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }' &&
  echo "WARNING: the machine was busy before the run (load $load_before on $(nproc) cores): figures are skewed"
echo "server: $server_bin, threads ${threads:-default}"
echo
row() { printf '%-8s %-21s %9s %9s %9s %9s  %s\n' "$@"; }
row items engine "q/s" "p50 ms" "p99 ms" "x mdb-ft" notes
failed=0
missed=0
declare -A verdicts=()
for n in "${item_list[@]}"; do
  base_qps=$(json_num "${result[$n/mariadb-fulltext]:-}" qps)
  for engine in pincart-sqlite pincart-mariadb sqlite-fts5 mariadb-fulltext; do
    case $engine in
      pincart-sqlite | sqlite-fts5) [[ " ${backend_list[*]} " == *" sqlite "* ]] || continue ;;
      *) [[ " ${backend_list[*]} " == *" mariadb "* ]] || continue ;;
    esac
    key=$n/$engine
    label=$engine
    [[ $engine != pincart-* ]] || label="pincart-http/${engine#pincart-}"
    if [[ -z ${result[$key]:-} ]]; then
      row "$n" "$label" - - - - "FAILED: ${failure[$key]:-no result}"
      # A server without search is a known gap, not a failure of the baselines' run.
      [[ ${failure[$key]:-} == *"has no search"* ]] || failed=1
      continue
    fi
    r=${result[$key]}
    if [[ $engine == pincart-* ]]; then
      qps=$(json_num "$r" rps)
      errs=$(($(json_num "$r" errors_status) + $(json_num "$r" errors_socket)))
      note="${checked[$key]:-}; one at a time: ${alone[$key]:-}"
    else
      qps=$(json_num "$r" qps)
      errs=$(json_num "$r" errors)
      note="$(json_num "$r" queries) answers in $(json_num "$r" duration_s) s"
      covered=$(json_num "$r" covered_queries)
      ((covered == query_count)) || note+=" (covering $covered of the $query_count queries)"
      note+=", $(json_num "$r" zero_hit_queries) of $(json_num "$r" queries_run) queries run without hits"
    fi
    p50=$(json_num "$r" p50_ms)
    p99=$(json_num "$r" p99_ms)
    ratio=-
    [[ -z $base_qps ]] || ratio=$(awk -v a="$qps" -v b="$base_qps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    ((errs == 0)) || { note="$errs ERRORS; $note"; failed=1; }
    [[ -z ${failure[$key]:-} ]] || { note="${failure[$key]}; $note"; failed=1; }
    row "$n" "$label" "$(printf '%.1f' "$qps")" "$p50" "$p99" "$ratio" "$note"
    # The issue's targets, at the largest size measured: p99 and 5 x MariaDB FULLTEXT.
    if [[ $engine == pincart-* && $n == "${item_list[-1]}" ]]; then
      v=()
      awk -v p="$p99" 'BEGIN { exit !(p < 10) }' || v+=("p99 >= 10 ms")
      [[ $ratio == - ]] || awk -v x="$ratio" 'BEGIN { exit !(x >= 5) }' || v+=("below 5 x mariadb-fulltext")
      if ((${#v[@]})); then
        v_text=$(IFS=';'; echo "${v[*]}")
        verdicts[$label]="MISSED: ${v_text//;/; }"
        missed=1
      else
        verdicts[$label]=met
      fi
    fi
  done
done
echo
printf '%-8s %-21s %10s %10s  %s\n' items "index build" ms "items/s" notes
for n in "${item_list[@]}"; do
  for engine in pincart-sqlite pincart-mariadb sqlite-fts5 mariadb-fulltext; do
    key=$n/$engine
    [[ -n ${build_ms[$key]:-} ]] || continue
    label=$engine
    [[ $engine != pincart-* ]] || label="pincart/${engine#pincart-}"
    printf '%-8s %-21s %10s %10s  %s\n' "$n" "$label" "${build_ms[$key]}" \
      "$(awk -v n="$n" -v ms="${build_ms[$key]}" 'BEGIN { printf "%.0f", (ms > 0 ? n * 1000 / ms : 0) }')" \
      "${build_note[$key]}"
    if [[ $engine == pincart-* && $n == "${item_list[-1]}" ]] && ((n >= 1000000)); then
      if awk -v ms="${build_ms[$key]}" -v n="$n" 'BEGIN { exit !(ms * 1000000 / n < 180000) }'; then
        verdicts["$label reindex"]=met
      else
        verdicts["$label reindex"]="MISSED: 1M items not indexed in 3 minutes"
        missed=1
      fi
    fi
  done
done
echo
seeding=()
for n in "${item_list[@]}"; do
  for b in "${backend_list[@]}"; do
    [[ -z ${seed_s[$n/$b]:-} ]] || seeding+=("$n on $b ${seed_s[$n/$b]} s")
  done
done
if ((${#seeding[@]})); then
  seeding_text=$(IFS=';'; echo "${seeding[*]}")
  echo "seeding (pincart-server seed --seed 1): ${seeding_text//;/; }"
fi
if ((${#verdicts[@]})); then
  echo "targets (p99 < 10 ms at 1M items @64 connections, >= 5 x mariadb-fulltext q/s, 1M items indexed" \
    "in < 180 s), at ${item_list[-1]} items:"
  for k in pincart-http/sqlite pincart-http/mariadb "pincart/sqlite reindex" "pincart/mariadb reindex"; do
    [[ -z ${verdicts[$k]:-} ]] || echo "  $k: ${verdicts[$k]}"
  done
fi
((has_search)) || echo "note: this pincart-server has no search yet (no reindex command): baselines only"
echo
if ((failed)); then
  exit 1
fi
if ((strict && missed)); then
  exit 1
fi
exit 0
