# shellcheck shell=bash
# A throwaway MariaDB for tests and benchmarks (ARCHITECTURE.md, "Test support"). Source this file, then:
#
#   mariadb_start DIR [EXTRA_MARIADBD_OPTION...]   # DIR must not exist yet or be empty; it is removed by stop
#   ... use $MARIADB_URL, or $MARIADB_SOCKET / $MARIADB_PORT ...
#   mariadb_stop
#
# mariadb_start exports MARIADB_PID, MARIADB_PORT, MARIADB_SOCKET, MARIADB_DIR and
# MARIADB_URL=mysql://root@127.0.0.1:PORT/?unix_socket=SOCKET (a server URL: callers create their own databases).
# The server listens on a free port of 127.0.0.1 only, and on DIR/sock; root has no password.
# Works as root (then mariadbd runs with --user=root) and as an ordinary user.
#
# Tunables, read from the environment:
#   MARIADB_INNODB_FLUSH_LOG_AT_TRX_COMMIT  1 (default: durable) or 2/0 (benchmarks, faster seeding)
#   MARIADB_INNODB_BUFFER_POOL_SIZE         256M (default)
#   MARIADB_START_TIMEOUT                   60 (seconds to wait for `select 1`)
# Extra arguments to mariadb_start are appended to the mariadbd command line (for example --innodb-log-file-size=256M).
#
# Also defines pincart_free_port, used by the scripts that start servers of their own.

# pincart_free_port: prints a TCP port of 127.0.0.1 that no socket uses right now, taken below the kernel's
# ephemeral range (net.ipv4.ip_local_port_range, 32768-60999 by default): a port in that range can be taken
# at any moment as the local end of some outgoing connection (a test's client, wrk, curl), and then a server
# cannot bind it. There is still a window between this check and the bind, so callers retry on "in use".
pincart_free_port() {
  local low=32768 high port tries
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  high=$((low - 1))
  ((high > 12000)) || high=32767
  for ((tries = 0; tries < 200; tries++)); do
    port=$((10000 + (RANDOM * 32768 + RANDOM) % (high - 10000 + 1)))
    if command -v ss >/dev/null; then
      # Any state counts (listening, established, time-wait), on any address.
      [[ -z $(ss -Htan "( sport = :$port )" 2>/dev/null) ]] || continue
    elif (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue # something listens
    fi
    echo "$port"
    return 0
  done
  echo "pincart_free_port: no free port found" >&2
  return 1
}

# _mariadb_wait_gone PID SECONDS: waits until PID has exited (reaping it when it is our child);
# returns 1 if it is still alive after SECONDS.
_mariadb_wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2)) state
  while kill -0 "$pid" 2>/dev/null; do
    # A child that has exited stays a zombie (and kill -0 succeeds) until it is waited for.
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
    [[ $state == Z ]] && break
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true
  return 0
}

mariadb_start() {
  if (($# < 1)); then
    echo "usage: mariadb_start DIR [EXTRA_MARIADBD_OPTION...]" >&2
    return 2
  fi
  local dir=$1
  shift
  local flush=${MARIADB_INNODB_FLUSH_LOG_AT_TRX_COMMIT:-1}
  local pool=${MARIADB_INNODB_BUFFER_POOL_SIZE:-256M}
  local timeout=${MARIADB_START_TIMEOUT:-60}
  local tool
  for tool in mariadb-install-db mariadbd mariadb; do
    # mariadbd lives in /usr/sbin, which an ordinary user's PATH may lack.
    command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || {
      echo "mariadb_start: $tool not found (scripts/setup installs mariadb-server and mariadb-client)" >&2
      return 1
    }
  done
  local mariadbd_bin
  mariadbd_bin=$(command -v mariadbd || echo /usr/sbin/mariadbd)

  mkdir -p "$dir" || return 1
  dir=$(cd "$dir" && pwd) || return 1
  if [[ -n $(ls -A "$dir") ]]; then
    echo "mariadb_start: $dir is not empty" >&2
    return 1
  fi
  # Known from here on, so that mariadb_stop also cleans up after a failed start.
  export MARIADB_DIR=$dir
  local sock=$dir/sock
  if ((${#sock} > 100)); then # sun_path holds 108 bytes
    echo "mariadb_start: socket path too long for a unix socket: $sock" >&2
    return 1
  fi

  # mariadbd refuses to run as root unless told to; as anyone else --user would only draw a warning.
  local as_user=()
  [[ $(id -u) -eq 0 ]] && as_user=(--user=root)

  if ! mariadb-install-db --no-defaults --datadir="$dir/data" "${as_user[@]}" \
    --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
    >"$dir/install-db.log" 2>&1; then
    echo "mariadb_start: mariadb-install-db failed; its log:" >&2
    tail -n 30 "$dir/install-db.log" >&2
    return 1
  fi

  # --no-defaults: the server defaults to latin1, so ask for utf8mb4 as Debian's own config does.
  local port attempt pid
  for attempt in 1 2 3 4 5; do
    port=$(pincart_free_port) || return 1
    : >"$dir/error.log"
    "$mariadbd_bin" --no-defaults --datadir="$dir/data" "${as_user[@]}" \
      --socket="$sock" --port="$port" --bind-address=127.0.0.1 \
      --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" --tmpdir="$dir" \
      --innodb-buffer-pool-size="$pool" --innodb-flush-log-at-trx-commit="$flush" \
      --skip-log-bin --max-connections=1000 --skip-name-resolve \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      "$@" </dev/null >"$dir/mariadbd.out" 2>&1 &
    pid=$!

    local deadline=$((SECONDS + timeout)) ready=0
    while ((SECONDS < deadline)); do
      if ! kill -0 "$pid" 2>/dev/null || [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) == Z ]]; then
        break
      fi
      if mariadb --no-defaults --socket="$sock" -uroot -e 'select 1' >/dev/null 2>&1; then
        ready=1
        break
      fi
      sleep 0.2
    done
    if ((ready)); then
      export MARIADB_PID=$pid MARIADB_PORT=$port MARIADB_SOCKET=$sock
      export MARIADB_URL="mysql://root@127.0.0.1:$port/?unix_socket=$sock"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null || [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) == Z ]]; then
      wait "$pid" 2>/dev/null || true
      # Lost the race for the port: try another one.
      if grep -q "Bind on TCP/IP port" "$dir/error.log" 2>/dev/null; then
        continue
      fi
      echo "mariadb_start: mariadbd exited during start-up; its log:" >&2
    else
      kill -KILL "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null || true
      echo "mariadb_start: mariadbd did not answer within ${timeout}s; its log:" >&2
    fi
    tail -n 30 "$dir/error.log" "$dir/mariadbd.out" >&2
    return 1
  done
  echo "mariadb_start: could not bind a free port after $attempt attempts" >&2
  return 1
}

# mariadb_stop: stops the server that mariadb_start started (SIGTERM, then SIGKILL after 60 s) and removes its
# directory. Safe to call twice, and when nothing was started.
mariadb_stop() {
  if [[ -n ${MARIADB_PID:-} ]]; then
    if kill -TERM "$MARIADB_PID" 2>/dev/null; then
      if ! _mariadb_wait_gone "$MARIADB_PID" 60; then
        echo "mariadb_stop: mariadbd $MARIADB_PID ignored SIGTERM for 60 s, killing it" >&2
        kill -KILL "$MARIADB_PID" 2>/dev/null
        _mariadb_wait_gone "$MARIADB_PID" 10 || true
      fi
    else
      wait "$MARIADB_PID" 2>/dev/null || true
    fi
  fi
  if [[ -n ${MARIADB_DIR:-} && -d $MARIADB_DIR ]]; then
    rm -rf -- "$MARIADB_DIR"
  fi
  unset MARIADB_PID MARIADB_PORT MARIADB_SOCKET MARIADB_DIR MARIADB_URL
}
