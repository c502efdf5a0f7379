#!/usr/bin/env bash
# onboard: a 100k-row CSV submission end to end (upload, onboarding consumer, every row accepted and
# stored as an item with its event), on SQLite and MariaDB. Prints rows/s and the ratio to the same
# database's own rate of inserting the same rows into a plain table in one transaction (the baseline,
# measured in the same run). Target (issue 3): 100k rows in under 60 s.
#
#   bench/onboard.sh [--server-bin PATH] [--rows N] [--backends sqlite,mariadb]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib/mariadb.sh
source "$root/scripts/lib/mariadb.sh"

server_bin=
rows=100000
backends=sqlite,mariadb
while (($#)); do
  case $1 in
    --server-bin) server_bin=$2; shift ;;
    --rows) rows=$2; shift ;;
    --backends) backends=$2; shift ;;
    -h | --help) sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "onboard: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ -n $server_bin ]] || server_bin=$(ls -t "$root"/build-bench/server/pincart-server "$root"/build/server/pincart-server 2>/dev/null | head -n 1)
[[ -x $server_bin ]] || { echo "onboard: no pincart-server (run scripts/bench first)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pincart-onboard.XXXXXX")
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  mariadb_stop 2>/dev/null || true
  rm -rf -- "$work"
}
trap cleanup EXIT

csv=$work/items.csv
python3 - "$rows" "$csv" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
panels = ["LED", "OLED", "QLED", "Mini-LED"]
with open(path, "w", encoding="utf-8") as f:
    f.write("sku,title,description,brand,category_id,price,attr.screen_size,attr.panel,attr.resolution,attr.smart\n")
    for i in range(1, rows + 1):
        size = 32 + i % 54
        f.write(f'BN-{i:07d},"Benchmark {size} inch TV, model {i}",A television for the onboarding benchmark.,Acme,101,{9999 + i % 90000},{size},{panels[i % 4]},4K,true\n')
PY
echo "onboard: $(wc -l < "$csv") lines, $(du -h "$csv" | cut -f1) of CSV"

# The baseline: the same rows straight into a plain table, one transaction, no HTTP, no checks.
baseline_sqlite() {
  python3 - "$csv" "$work/baseline.db" <<'PY'
import csv, sqlite3, sys, time
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]
db = sqlite3.connect(sys.argv[2])
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
db.execute("CREATE TABLE t (sku TEXT, title TEXT, description TEXT, brand TEXT, category INTEGER, price INTEGER, attrs TEXT)")
t = time.time()
with db:
    db.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?)", [(r[0], r[1], r[2], r[3], int(r[4]), int(r[5]) * 100, ",".join(r[6:])) for r in rows])
print(f"{len(rows) / (time.time() - t):.0f}")
PY
}
baseline_mariadb() {
  python3 - "$csv" > "$work/baseline.sql" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]
q = lambda s: "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"
print("CREATE DATABASE IF NOT EXISTS baseline; USE baseline; DROP TABLE IF EXISTS t;")
print("CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(64), title VARCHAR(200), description TEXT, brand VARCHAR(80), category BIGINT, price BIGINT, attrs JSON) ENGINE=InnoDB;")
print("START TRANSACTION;")
for r in rows:  # one row per statement, as the server's prepared inserts
    print(f"INSERT INTO t (sku,title,description,brand,category,price,attrs) VALUES ({q(r[0])},{q(r[1])},{q(r[2])},{q(r[3])},{r[4]},{int(r[5])*100},{q('{}')});")
print("COMMIT;")
PY
  local t0 t1
  t0=$(date +%s.%N)
  mariadb --socket="$MARIADB_SOCKET" -uroot < "$work/baseline.sql"
  t1=$(date +%s.%N)
  python3 -c "print(f'{$rows / ($t1 - $t0):.0f}')"
}

results=()
for backend in ${backends//,/ }; do
  data=$work/data-$backend
  mkdir -p "$data"
  if [[ $backend == mariadb ]]; then
    mariadb_start "$work/mariadb" >/dev/null
    mariadb --socket="$MARIADB_SOCKET" -uroot -e "CREATE DATABASE pincart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    url="mysql://root@127.0.0.1:$MARIADB_PORT/pincart?unix_socket=$MARIADB_SOCKET"
  else
    url="sqlite://$data/pincart.db"
  fi
  "$server_bin" seed --database "$url" --items 0 --data-dir "$data" >/dev/null
  port=$(pincart_free_port)
  "$server_bin" serve --database "$url" --port "$port" --data-dir "$data" --access-log off >"$data/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
  token=$(curl -fs -H 'Content-Type: application/json' -d '{"email":"supplier@pincart.demo","password":"demo-password"}' \
    "http://127.0.0.1:$port/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  start=$(date +%s.%N)
  id=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$csv" \
    "http://127.0.0.1:$port/api/v1/supplier/submissions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  status=pending
  while [[ $status == pending ]]; do
    sleep 0.2
    status=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/supplier/submissions/$id" |
      python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["rows_accepted"])')
    accepted=${status#* }
    status=${status% *}
  done
  end=$(date +%s.%N)
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  seconds=$(python3 -c "print(f'{$end - $start:.1f}')")
  rate=$(python3 -c "print(f'{$rows / ($end - $start):.0f}')")
  base=$(baseline_$backend)
  ratio=$(python3 -c "print(f'{$rate / $base:.2f}')")
  verdict=$(python3 -c "print('met' if $end - $start < 60 and '$status' == 'accepted' and $accepted == $rows else 'MISSED')")
  results+=("$(printf '%-8s %8s %7ss %9s %14s %8s   %s' "$backend" "$accepted" "$seconds" "$rate" "$base" "$ratio" "$verdict ($status)")")
  [[ $backend == mariadb ]] && mariadb_stop
done

echo
echo "onboard: $rows-row CSV, upload to all rows accepted and stored; machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-8s %8s %8s %9s %14s %8s   %s\n' backend accepted time rows/s "baseline rows/s" "x base" "target: < 60 s"
printf '%s\n' "${results[@]}"
