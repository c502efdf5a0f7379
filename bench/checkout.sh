#!/usr/bin/env bash
# checkout: orders/s of concurrent customers checking out 1 to 3 lines each, on a throwaway MariaDB with durable
# commits (innodb_flush_log_at_trx_commit=1), against MariaDB's own rate of single-row transactional inserts from
# 32 clients measured in the same run (mariadb-slap). See bench/README.md.
#
#   bench/checkout.sh [--server-bin PATH] [--bench-bin PATH] [--threads N] [--customers N] [--duration S]
#                     [--items N] [--strict] [--counters] [--perf FILE] [--http socket|qt]
#                     [--mariadb-arg ARG]...
#
# --counters also prints MariaDB's command counters per order over the load generator's run (warm-up and
# registration included): statements (Questions), COM_STMT_RESET, round trips (statements + prepares +
# resets: the commands that wait for an answer) and InnoDB fsyncs, and the CPU time and context switches
# (all threads) the server and MariaDB spent per order, all counted from before the customers register
# (so with their Argon2id hashes and checks).
# --http qt sends the measured requests through QNetworkAccessManager (the client's ApiClient) instead of one
# plain keep-alive socket per customer (the default: QNetworkAccessManager took about a third of all the CPU an
# order cost, see bench/README.md).
# --mariadb-arg ARG is added to mariadbd's command line (repeatable), e.g. --thread-handling=pool-of-threads.
# --perf FILE records the server's profile (perf record -g) over the measured window into FILE.
# Every run prints the CPU time the server, MariaDB and the load generator spent per order in the measured
# window, and the orders/s those costs allow on this machine's cores.
# Targets: at least 1,000 orders/s and p99 of POST /orders under 50 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=scripts/lib/mariadb.sh
source "$root/scripts/lib/mariadb.sh"
die() { echo "checkout: $*" >&2; exit 1; }
say() { echo "checkout: $*" >&2; }

server_bin= bench_bin= threads=16 customers=64 duration=20 items=20000 strict=0 counters=0 perf= http=socket
mariadb_args=()
while (($#)); do
  case $1 in
    --server-bin | --bench-bin | --threads | --customers | --duration | --items | --perf | --http)
      (($# >= 2)) || die "$1 needs a value"
      declare "$(tr - _ <<<"${1#--}")=$2"
      shift
      ;;
    --mariadb-arg)
      (($# >= 2)) || die "$1 needs a value"
      mariadb_args+=("$2")
      shift
      ;;
    --strict) strict=1 ;;
    --counters) counters=1 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
# shellcheck source=scripts/lib/binaries.sh
source "$root/scripts/lib/binaries.sh"
[[ -n $server_bin ]] || server_bin=$(pincart_newest_binary pincart-server)
[[ -n $bench_bin ]] || bench_bin=$(pincart_newest_binary pincart-bench-checkout)
[[ -x $server_bin && -x $bench_bin ]] || die "build pincart-server and pincart-bench-checkout first (scripts/bench does)"
command -v mariadb-slap >/dev/null || die "mariadb-slap not found (scripts/setup installs mariadb-client)"

load_before=$(cut -d' ' -f1 /proc/loadavg)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pincart-checkout.XXXXXX")
server_pid=
cleanup() {
  [[ -z $server_pid ]] || { kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  mariadb_stop || true
  rm -rf -- "$tmp"
}
trap cleanup EXIT

say "starting a throwaway MariaDB (innodb_flush_log_at_trx_commit=1: every commit durable)"
MARIADB_INNODB_FLUSH_LOG_AT_TRX_COMMIT=1 MARIADB_INNODB_BUFFER_POOL_SIZE=512M \
  mariadb_start "$tmp/mariadb" --innodb-log-file-size=256M --max-connections=500 \
  "${mariadb_args[@]}" >/dev/null
sql() { mariadb --no-defaults --socket="$MARIADB_SOCKET" -uroot -N -B "$@"; }

# The baseline: single-row transactional inserts (autocommit), 32 clients, the same server and settings.
say "baseline: mariadb-slap, 32 clients, single-row autocommit inserts"
sql -e 'CREATE DATABASE slap'
sql slap -e 'CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT NOT NULL, note VARCHAR(64)) ENGINE=InnoDB'
baseline_queries=64000
slap_s=$(mariadb-slap --no-defaults --socket="$MARIADB_SOCKET" -uroot --create-schema=slap --concurrency=32 \
  --number-of-queries=$baseline_queries --query="INSERT INTO t (v, note) VALUES (1, 'baseline')" 2>&1 |
  sed -n 's/.*Average number of seconds to run all queries: \([0-9.]*\).*/\1/p')
[[ -n $slap_s ]] || die "mariadb-slap gave no timing"
baseline_rate=$(awk -v q=$baseline_queries -v s="$slap_s" 'BEGIN { printf "%.0f", q / s }')
say "baseline: $baseline_rate durable inserts/s"

sql -e 'CREATE DATABASE pincart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
database="mysql://root@127.0.0.1:$MARIADB_PORT/pincart?unix_socket=$MARIADB_SOCKET"
say "seeding $items items, the demo network and stock"
"$server_bin" seed --database "$database" --data-dir "$tmp" --items "$items" --seed 1 >"$tmp/seed.log" 2>&1 ||
  { tail -n 20 "$tmp/seed.log" >&2; die "seeding failed"; }
# Items the Delhi warehouse holds, topped up so the run never runs out (a shortage is not what is measured).
sql pincart -e "UPDATE stock SET on_hand = 1000000 WHERE warehouse_id = (SELECT id FROM warehouses WHERE code = 'DEL-1')"
sql pincart -e "SELECT item_id FROM stock WHERE warehouse_id = (SELECT id FROM warehouses WHERE code = 'DEL-1') LIMIT 2000" \
  >"$tmp/items.txt"
say "$(wc -l <"$tmp/items.txt") items to buy from"

port=$(pincart_free_port)
"$server_bin" serve --database "$database" --address 127.0.0.1 --port "$port" --data-dir "$tmp" --access-log off \
  --threads "$threads" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/readyz" 2>/dev/null && break
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" || { tail -n 20 "$tmp/server.log" >&2; die "server not ready"; }

status_names="'Questions','Com_stmt_prepare','Com_stmt_execute','Com_stmt_reset','Com_stmt_close','Com_commit',\
'Innodb_data_fsyncs'"
# CPU clock ticks (user + system) of a process, and as status lines for the per-order table.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Context switches (voluntary and not) of all a process's threads: each sleep on a lock, a condition
# or MariaDB's answer is one, and on this hypervisor each costs more than the work around it.
switches() { cat "/proc/$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { n += $2 } END { print n + 0 }'; }
status() {
  sql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ($status_names)"
  printf 'cpu_server\t%s\ncpu_mariadb\t%s\n' "$(ticks "$server_pid")" "$(ticks "$MARIADB_PID")"
  printf 'switches_server\t%s\nswitches_mariadb\t%s\n' "$(switches "$server_pid")" "$(switches "$MARIADB_PID")"
}
((counters)) && status >"$tmp/status.before"
"$bench_bin" --url "http://127.0.0.1:$port" --customers "$customers" --items "$tmp/items.txt" --pincode 110001 \
  --duration "$duration" --http "$http" --cpu "server=$server_pid" --cpu "mariadb=$MARIADB_PID" >"$tmp/bench.out" 2> >(tee "$tmp/bench.err" >&2) &
bench_pid=$!
if [[ -n $perf ]]; then
  command -v perf >/dev/null || die "--perf needs perf (Debian's linux-perf)"
  until grep -q '^checkout: measuring' "$tmp/bench.err" 2>/dev/null; do
    kill -0 "$bench_pid" 2>/dev/null || break
    sleep 0.1
  done
  perf record -q -g -F 499 -p "$server_pid" -o "$perf" -- sleep "$duration" >/dev/null 2>&1 ||
    say "perf record failed (perf_event_paranoid is $(cat /proc/sys/kernel/perf_event_paranoid))"
fi
wait "$bench_pid" || die "the load generator failed"
result=$(grep '^RESULT ' "$tmp/bench.out" | cut -d' ' -f2-)
num() { sed -n "s/.*\"$1\":\([-0-9.e+]*\).*/\1/p" <<<"$result"; }
rate=$(num orders_per_s)
p50=$(num order_p50_ms)
p99=$(num order_p99_ms)
ratio=$(awk -v a="$rate" -v b="$baseline_rate" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
stored=$(sql pincart -e 'SELECT COUNT(*) FROM orders')
((counters)) && status >"$tmp/status.after"

echo
echo "checkout: $customers customers, 1-3 lines each, POST /orders with Idempotency-Key, ${duration}s measured;" \
  "server --threads $threads; MariaDB innodb_flush_log_at_trx_commit=1${mariadb_args[*]:+ ${mariadb_args[*]}}"
echo "machine: $(nproc) cores, load average $load_before before the run; commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
printf '%-28s %12s %10s %10s %12s\n' measure "per second" "p50 ms" "p99 ms" "x baseline"
printf '%-28s %12s %10s %10s %12s\n' "mariadb single-row inserts" "$baseline_rate" - - 1.000
printf '%-28s %12.0f %10s %10s %12s\n' "checkouts (orders)" "$rate" "$p50" "$p99" "$ratio"
echo "whole checkout (cart + order): p50 $(num checkout_p50_ms) ms, p99 $(num checkout_p99_ms) ms;" \
  "failures $(num failures); answers $(sed -n 's/.*"statuses":\({[^}]*}\).*/\1/p' <<<"$result"); $stored orders stored"
cpu_ms() { sed -n "s/.*\"cpu_ms_per_order\":{[^}]*\"$1\":\([0-9.]*\).*/\1/p" <<<"$result"; }
cpu_server=$(cpu_ms server) cpu_mariadb=$(cpu_ms mariadb) cpu_load=$(cpu_ms load)
if [[ -n $cpu_server && -n $cpu_mariadb && -n $cpu_load ]]; then
  awk -v s="$cpu_server" -v m="$cpu_mariadb" -v l="$cpu_load" -v cores="$(nproc)" 'BEGIN {
    t = s + m + l
    printf "CPU per order in the measured window: server %.2f ms, MariaDB %.2f ms, load generator %.2f ms;" \
      " %.2f ms in all, so %d cores allow at most %.0f orders/s\n", s, m, l, t, cores, (t > 0 ? cores * 1000 / t : 0)
  }'
fi
if ((counters)); then
  awk -v orders="$stored" -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $2; next } { d[$1] = $2 - before[$1] }
    END {
      if (orders < 1) exit
      trips = d["Questions"] + d["Com_stmt_prepare"] + d["Com_stmt_reset"]
      printf "per order (%d orders): statements %.1f (prepared executions %.1f), COM_STMT_RESET %.1f, " \
        "prepares %.2f, round trips %.1f, commits %.2f, InnoDB fsyncs %.2f\n", orders,
        d["Questions"] / orders, d["Com_stmt_execute"] / orders, d["Com_stmt_reset"] / orders,
        d["Com_stmt_prepare"] / orders, trips / orders, d["Com_commit"] / orders, d["Innodb_data_fsyncs"] / orders
      printf "CPU per order: server %.2f ms, MariaDB %.2f ms; context switches per order: server %.1f, MariaDB %.1f\n",
        1000 * d["cpu_server"] / hz / orders, 1000 * d["cpu_mariadb"] / hz / orders,
        d["switches_server"] / orders, d["switches_mariadb"] / orders
    }' "$tmp/status.before" "$tmp/status.after"
fi
verdict=()
awk -v r="$rate" 'BEGIN { exit !(r >= 1000) }' || verdict+=("below 1,000 orders/s")
awk -v p="$p99" 'BEGIN { exit !(p < 50) }' || verdict+=("p99 >= 50 ms")
if ((${#verdict[@]} == 0)); then
  echo "targets (>= 1,000 orders/s, p99 < 50 ms): met"
else
  echo "targets (>= 1,000 orders/s, p99 < 50 ms): MISSED: ${verdict[*]}"
  ((strict)) && exit 1
fi
exit 0
