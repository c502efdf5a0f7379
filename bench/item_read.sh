#!/usr/bin/env bash
# item_read: GET /api/v1/items/{id} over random ids of a 100k-item catalogue (or, with --scenario serviceability,
# GET /api/v1/serviceability over random (item, pincode) pairs of the whole India Post directory), with wrk on
# loopback, for each database backend, against nginx serving one answer's JSON as a static file (the baseline).
# See bench/README.md.
#
#   bench/item_read.sh [options]        (scripts/bench builds a Release server first and runs this)
#
#   --server-bin PATH    pincart-server to measure (default: the newest in build-bench/, build-run/, build/)
#   --scenario NAME      item_read (default) or serviceability
#   --backends LIST      comma-separated, from sqlite,mariadb (default both); "none" runs the nginx baseline only
#                        (each backend is followed by an nginx run with the same load: its ratio's baseline)
#   --items N            catalogue size, ids 1..N (default 100000)
#   --threads N          server --threads, its handler threads (default: the server's own default)
#   --io-threads N       server --io-threads, its I/O threads (default: the server's own default)
#   --wrk-threads N      wrk -t (default 2)
#   --connections N      wrk -c (default 64; the targets are defined at 64)
#   --duration D         wrk -d of each measured run (default 15s)
#   --warmup D           wrk -d of the discarded run before it (default 5s)
#   --ready-timeout S    seconds to wait for /readyz after start, search index catch-up included (default 600)
#   --strict             exit 1 when a target is missed (errors always exit 1)
#   --pin                run the servers (pincart and nginx alike) on CPU 0 and wrk on CPU 1, so the load
#                        generator does not steal the measured server's core (latency is then the server's)
#
# Targets per backend: requests/s >= 0.5 x nginx's, and p99 < 5 ms at 64 connections, with no errors.
# All traffic is on 127.0.0.1; every run is bounded by its duration. Prints a table; writes no file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/lib/mariadb.sh
source "$root/scripts/lib/mariadb.sh"
# shellcheck source=scripts/lib/binaries.sh
source "$root/scripts/lib/binaries.sh"

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }
die() { echo "item_read: $*" >&2; exit 1; }
say() { echo "item_read: $*" >&2; }

server_bin=
scenario=item_read
backends=sqlite,mariadb
items=100000
threads=
io_threads=
wrk_threads=2
connections=64
duration=15s
warmup=5s
ready_timeout=600
strict=0
pin=0
while (($#)); do
  case $1 in
    --server-bin | --scenario | --backends | --items | --threads | --io-threads | --wrk-threads | --connections | --duration | --warmup | \
      --ready-timeout)
      (($# >= 2)) || die "$1 needs a value"
      declare "$(tr - _ <<<"${1#--}")=$2"
      shift
      ;;
    --strict) strict=1 ;;
    --pin) pin=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "item_read: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[[ $backends == none ]] && backends=
[[ $scenario == item_read || $scenario == serviceability ]] || die "unknown scenario $scenario"
IFS=, read -r -a backend_list <<<"$backends"
for b in "${backend_list[@]}"; do
  [[ $b == sqlite || $b == mariadb ]] || die "unknown backend $b (sqlite, mariadb or none)"
done
[[ $items =~ ^[1-9][0-9]*$ ]] || die "bad --items $items"
[[ -z $threads || $threads =~ ^[1-9][0-9]*$ ]] || die "bad --threads $threads"
[[ -z $io_threads || $io_threads =~ ^[1-9][0-9]*$ ]] || die "bad --io-threads $io_threads"
((connections >= wrk_threads)) || die "--connections must be at least --wrk-threads"
command -v wrk >/dev/null || die "wrk not found (scripts/setup installs it)"
server_cpu=()
wrk_cpu=()
if ((pin)); then
  server_cpu=(taskset -c 0)
  wrk_cpu=(taskset -c 1)
fi
command -v curl >/dev/null || die "curl not found (scripts/setup installs it)"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $nginx_bin ]] || die "nginx not found (scripts/setup installs nginx-light)"

if ((${#backend_list[@]})); then
  if [[ -z $server_bin ]]; then
    server_bin=$(pincart_newest_binary pincart-server)
  fi
  [[ -n $server_bin && -x $server_bin ]] || die "no pincart-server binary: build one (scripts/bench) or pass --server-bin"
fi

# Other work on the 2 cores skews everything: the report shows the load average from before the run.
load_before=$(cut -d' ' -f1 /proc/loadavg)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pincart-bench.XXXXXX")
server_pid=
nginx_pid=

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
  [[ -z $nginx_pid ]] || stop_pid "$nginx_pid" 10
  mariadb_stop || true
  rm -rf -- "$tmp"
}
trap cleanup EXIT
# The serviceability scenario asks about every pincode of the directory, not a few hot ones.
tail -n +2 "$root/resources/data/pincodes.csv" | cut -d, -f1 >"$tmp/pincodes.txt"
trap 'exit 130' INT
trap 'exit 143' TERM

# json_num LINE KEY: a number field of the RESULT line of item_read.lua.
json_num() { sed -n "s/.*\"$2\":\([-0-9.e+]*\).*/\1/p" <<<"$1"; }

# run_wrk LABEL URL: warm-up run, then the measured run; prints the RESULT json.
run_wrk() {
  local label=$1 url=$2 out=$tmp/wrk-$1.txt
  say "$label: warm-up ($warmup), then wrk -t$wrk_threads -c$connections -d$duration"
  PINCART_BENCH_ITEMS=$items PINCART_BENCH_LABEL=$label PINCART_BENCH_SCENARIO=$scenario \
    PINCART_BENCH_PINCODES=$tmp/pincodes.txt \
    ${wrk_cpu[@]+"${wrk_cpu[@]}"} wrk -t"$wrk_threads" -c"$connections" -d"$warmup" --timeout 5s -s "$here/item_read.lua" "$url" \
    >"$tmp/wrk-$label-warmup.txt" 2>&1 || { cat "$tmp/wrk-$label-warmup.txt" >&2; return 1; }
  PINCART_BENCH_ITEMS=$items PINCART_BENCH_LABEL=$label PINCART_BENCH_SCENARIO=$scenario \
    PINCART_BENCH_PINCODES=$tmp/pincodes.txt \
    ${wrk_cpu[@]+"${wrk_cpu[@]}"} wrk -t"$wrk_threads" -c"$connections" -d"$duration" --timeout 5s --latency -s "$here/item_read.lua" "$url" \
    >"$out" 2>&1 || { cat "$out" >&2; return 1; }
  sed 's/^/    /' "$out" | grep -v RESULT >&2
  grep '^RESULT ' "$out" | tail -n 1 | cut -d' ' -f2-
}

declare -A result=() failure=()
sample_json=

# bench_backend NAME DATABASE_URL: seed, start the server, measure, stop it.
bench_backend() {
  local name=$1 database=$2
  local data=$tmp/data-$name log=$tmp/server-$name.log port url t0
  mkdir -p "$data"
  t0=$SECONDS
  say "$name: seeding $items items"
  # seed applies the migrations first. --data-dir: the server's default is ./var of the working directory.
  if ! "$server_bin" seed --database "$database" --data-dir "$data" --items "$items" --seed 1 \
    >"$tmp/seed-$name.log" 2>&1; then
    tail -n 20 "$tmp/seed-$name.log" >&2
    failure[$name]="seeding failed"
    return 1
  fi
  say "$name: seeded in $((SECONDS - t0)) s"

  local attempt args
  for attempt in 1 2 3; do
    port=$(pincart_free_port)
    url=http://127.0.0.1:$port
    args=(serve --database "$database" --address 127.0.0.1 --port "$port" --data-dir "$data" --access-log off)
    [[ -z $threads ]] || args+=(--threads "$threads")
    [[ -z $io_threads ]] || args+=(--io-threads "$io_threads")
    say "$name: starting ${server_bin##*/} ${args[*]}"
    ${server_cpu[@]+"${server_cpu[@]}"} "$server_bin" "${args[@]}" </dev/null >"$log" 2>&1 &
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
    # Another process took the port between the check and the bind: try another one.
    grep -q "Address already in use" "$log" && ((attempt < 3)) && continue
    tail -n 20 "$log" >&2
    failure[$name]="server not ready"
    return 1
  done
  say "$name: ready after $((SECONDS - t0)) s"

  local code sample=/api/v1/items/$(((items + 1) / 2))
  [[ $scenario == item_read ]] || sample="/api/v1/serviceability?item=$(((items + 1) / 2))&pincode=560001"
  code=$(curl -sS -o "$tmp/item-$name.json" -w '%{http_code}' "$url$sample")
  if [[ $code != 200 ]]; then
    failure[$name]="GET $sample answered $code"
    stop_pid "$server_pid" 30
    server_pid=
    return 1
  fi
  [[ -n $sample_json ]] || sample_json=$tmp/item-$name.json

  if ! result[$name]=$(run_wrk "$name" "$url") || [[ -z ${result[$name]} ]]; then
    failure[$name]="wrk failed"
    unset 'result[$name]'
  fi
  if ! alive "$server_pid"; then
    failure[$name]="server died during the run"
    tail -n 20 "$log" >&2
  fi
  stop_pid "$server_pid" 30
  server_pid=
  [[ -z ${failure[$name]:-} ]]
}

# The baseline: nginx serving one item's JSON (fetched from the first server measured) as a static file, for
# every id, on the same wrk load. Started once; measured right after each backend, so that each ratio compares
# two runs a few seconds apart (other work on a shared machine drifts over minutes).
nginx_port=
start_nginx() {
  mkdir -p "$tmp/nginx/www" "$tmp/nginx/tmp"
  if [[ -n $sample_json ]]; then
    cp "$sample_json" "$tmp/nginx/www/item.json"
  else
    # No server answered (--backends none): an item of the API's shape and typical size.
    cat >"$tmp/nginx/www/item.json" <<'EOF'
{"attributes":{"collar":"Crew","colour":"Navy","material":"Cotton","size":"M"},"brand":"Northwind","category_id":12,"created_at":"2026-01-01T00:00:00Z","description":"A demo item.","id":50000,"price":{"amount":49900,"currency":"INR"},"sku":"Q-49999","status":"active","supplier_id":3,"title":"Northwind T-shirts model 49999","updated_at":"2026-01-01T00:00:00Z","version":1}
EOF
  fi
  nginx_port=$(pincart_free_port)
  local nginx_user=
  [[ $(id -u) -ne 0 ]] || nginx_user="user root root;" # workers read files in our 0700 temp dir
  cat >"$tmp/nginx/nginx.conf" <<EOF
# Throwaway baseline of bench/item_read.sh.
$nginx_user
worker_processes auto;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    # As long-lived as the server's connections: wrk keeps each one open for the whole run.
    keepalive_requests 1000000;
    sendfile on;
    client_body_temp_path $tmp/nginx/tmp/body;
    proxy_temp_path $tmp/nginx/tmp/proxy;
    fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
    uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
    scgi_temp_path $tmp/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $tmp/nginx/www;
        location /api/v1/items/ {
            default_type application/json;
            try_files /item.json =404;
        }
        location = /api/v1/serviceability {
            default_type application/json;
            try_files /item.json =404;
        }
    }
}
EOF
  say "nginx: serving $(wc -c <"$tmp/nginx/www/item.json") bytes of item JSON on 127.0.0.1:$nginx_port"
  ${server_cpu[@]+"${server_cpu[@]}"} "$nginx_bin" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" </dev/null \
    >"$tmp/nginx/stdout.log" 2>&1 &
  nginx_pid=$!
  local t0=$SECONDS
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$nginx_port/api/v1/items/1" 2>/dev/null; do
    if ! alive "$nginx_pid" || ((SECONDS - t0 > 20)); then
      cat "$tmp/nginx/stdout.log" "$tmp/nginx/error.log" >&2 || true
      die "nginx did not start"
    fi
    sleep 0.2
  done
}

# measure_nginx KEY: a baseline run, stored as nginx_result[KEY].
declare -A nginx_result=()
measure_nginx() {
  [[ -n $nginx_pid ]] || start_nginx
  nginx_result[$1]=$(run_wrk "nginx-$1" "http://127.0.0.1:$nginx_port") || die "wrk against nginx failed"
}

for b in "${backend_list[@]}"; do
  case $b in
    sqlite)
      bench_backend sqlite "sqlite://$tmp/data-sqlite/pincart.db" || true
      ;;
    mariadb)
      # Benchmark settings: the catalogue fits in the buffer pool; no flush per commit (seeding speed only:
      # the measured load is reads).
      say "mariadb: starting a throwaway server"
      if MARIADB_INNODB_FLUSH_LOG_AT_TRX_COMMIT=2 MARIADB_INNODB_BUFFER_POOL_SIZE=1G \
        mariadb_start "$tmp/mariadb" --innodb-log-file-size=512M --thread-cache-size=256 \
        --table-open-cache=4000; then
        mariadb --no-defaults --socket="$MARIADB_SOCKET" -uroot \
          -e 'CREATE DATABASE pincart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
        bench_backend mariadb "mysql://root@127.0.0.1:$MARIADB_PORT/pincart?unix_socket=$MARIADB_SOCKET" || true
      else
        failure[mariadb]="mariadb did not start"
      fi
      # Stopped before the nginx run: nothing of the backend runs during its baseline.
      mariadb_stop
      ;;
  esac
  [[ -z ${result[$b]:-} ]] || measure_nginx "$b"
done
((${#nginx_result[@]})) || measure_nginx only
stop_pid "$nginx_pid" 10
nginx_pid=

# ---- report
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
echo
if [[ $scenario == item_read ]]; then
  echo "item_read: GET /api/v1/items/{random 1..$items}, wrk -t$wrk_threads -c$connections -d$duration" \
    "(warm-up $warmup), loopback"
else
  echo "serviceability: GET /api/v1/serviceability?item={random 1..$items}&pincode={random of" \
    "$(wc -l <"$tmp/pincodes.txt")}, wrk -t$wrk_threads -c$connections -d$duration (warm-up $warmup), loopback"
fi
echo "machine: $(nproc) cores, ${cpu:-unknown cpu}, load average $load_before before the run;" \
  "commit $commit; $(date -u +%Y-%m-%dT%H:%MZ)"
awk -v l="$load_before" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }' &&
  echo "WARNING: the machine was busy before the run (load $load_before on $(nproc) cores): figures are skewed"
echo "server: ${server_bin:-none}, threads ${threads:-default}, I/O threads ${io_threads:-default}; each backend's line is followed by its nginx run"
echo
row() { printf '%-8s %12s %8s %8s %9s  %s\n' "$@"; }
row backend requests/s "p50 ms" "p99 ms" "x nginx" "targets (>= 0.50 x nginx, p99 < 5 ms @64)"
# nginx_row KEY: a baseline line. When even a static file misses the latency target, the machine (not the
# server) is the limit: say so.
nginx_row() {
  local r=${nginx_result[$1]} note=baseline
  awk -v p="$(json_num "$r" p99_ms)" 'BEGIN { exit !(p >= 5) }' &&
    note="baseline (its own p99 >= 5 ms: the machine misses the latency target at this load)"
  row nginx "$(printf '%.0f' "$(json_num "$r" rps)")" "$(json_num "$r" p50_ms)" "$(json_num "$r" p99_ms)" \
    1.00 "$note"
}
missed=0
failed=0
[[ -z ${nginx_result[only]:-} ]] || nginx_row only
for b in "${backend_list[@]}"; do
  if [[ -z ${result[$b]:-} ]]; then
    row "$b" - - - - "FAILED: ${failure[$b]:-no result}"
    failed=1
    continue
  fi
  r=${result[$b]}
  nginx_rps=$(json_num "${nginx_result[$b]}" rps)
  rps=$(json_num "$r" rps)
  p50=$(json_num "$r" p50_ms)
  p99=$(json_num "$r" p99_ms)
  errs=$(($(json_num "$r" errors_status) + $(json_num "$r" errors_socket)))
  ratio=$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  verdict=()
  awk -v r="$ratio" 'BEGIN { exit !(r >= 0.5) }' || verdict+=("throughput below 0.5 x nginx")
  awk -v p="$p99" 'BEGIN { exit !(p < 5) }' || verdict+=("p99 >= 5 ms")
  ((errs == 0)) || verdict+=("$errs errors")
  [[ -z ${failure[$b]:-} ]] || verdict+=("${failure[$b]}")
  if ((${#verdict[@]} == 0)); then
    text=met
  else
    text=$(IFS=';'; echo "${verdict[*]}")
    text="MISSED: ${text//;/; }"
    missed=1
    ((errs == 0)) && [[ -z ${failure[$b]:-} ]] || failed=1
  fi
  ((connections == 64)) || text+=" (the targets are defined at 64 connections)"
  row "$b" "$(printf '%.0f' "$rps")" "$p50" "$p99" "$ratio" "$text"
  nginx_row "$b"
done
echo
if ((failed)); then
  exit 1
fi
if ((strict && missed)); then
  exit 1
fi
exit 0
