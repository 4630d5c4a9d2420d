#!/usr/bin/env bash
# Starts or stops Azurite (the Azure Storage emulator) from the project's pinned npm lockfile, on loopback.
#   scripts/azurite.sh start|stop|status|connection-string
# Ports: AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT (10000-10002).
# AZURITE_DIR: state and pid folder (.azurite/default). AZURITE_EPHEMERAL=1: throwaway data, in a fresh folder on
# tmpfs (/dev/shm) when there is one, deleted by stop. AZURITE_SPLIT=1: blob, queue and table services as three
# processes, the table store in memory (for benchmarks at 100,000+ rows, see below).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
dir="${AZURITE_DIR:-$root/.azurite/default}"
pid_file="$dir/azurite.pid"

connection_string() {
  # The well-known development account key of the emulator; it protects nothing.
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${blob_port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue_port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid file holds one pid, or three in split mode; running means all of them are.
running() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  for pid in $(cat "$pid_file"); do kill -0 "$pid" 2>/dev/null || return 1; done
}

start() {
  if running && port_open "$blob_port" && port_open "$queue_port" && port_open "$table_port"; then
    return 0
  fi
  for port in "$blob_port" "$queue_port" "$table_port"; do
    if port_open "$port"; then
      echo "azurite.sh: port $port is already in use by another process; set AZURITE_*_PORT." >&2
      exit 1
    fi
  done
  if [[ ! -x "$root/node_modules/.bin/azurite" ]]; then
    # stdout carries only the connection string, which callers capture.
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
  mkdir -p "$dir"
  local data="$dir/data"
  if [[ "${AZURITE_EPHEMERAL:-0}" == "1" ]]; then
    # Not --inMemoryPersistence: that store keeps one extent per queue message and scans all of them on every enqueue
    # and every GC pass, which stalled Azurite for minutes under our test load. The disk store appends messages to a
    # few extent files; on tmpfs it costs no disk I/O.
    [[ -f "$dir/ephemeral-data" ]] && rm -rf "$(cat "$dir/ephemeral-data")"   # left by a run that was killed
    local base="$dir"
    [[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm
    data="$(mktemp -d "$base/salesfunctions-azurite.XXXXXX")"
    echo "$data" >"$dir/ephemeral-data"
  fi
  local persistence=(--location "$data")
  # --skipApiVersionCheck: the Azure SDK may speak a newer service version than this Azurite release knows.
  local common=(--skipApiVersionCheck --loose --silent)
  if [[ "${AZURITE_SPLIT:-0}" == "1" ]]; then
    # The combined process serves all three services from one Node event loop, and its disk table store rewrites the
    # whole table database (one JSON file) on every autosave: at a 100,000-email backfill that file passes 100 MB and
    # the rewrites alone keep the core at 100 % while the Host idles. Split, the table service gets its own process and
    # keeps its rows in memory; queues keep the disk store (see above).
    local bin="$root/node_modules/.bin"
    nohup "$bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$blob_port" "${common[@]}" "${persistence[@]}" >"$dir/azurite-blob.log" 2>&1 &
    local blob_pid=$!
    nohup "$bin/azurite-queue" --queueHost 127.0.0.1 --queuePort "$queue_port" "${common[@]}" "${persistence[@]}" >"$dir/azurite-queue.log" 2>&1 &
    local queue_pid=$!
    nohup "$bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$table_port" "${common[@]}" --inMemoryPersistence >"$dir/azurite.log" 2>&1 &
    echo "$blob_pid $queue_pid $!" >"$pid_file"
  else
    nohup "$root/node_modules/.bin/azurite" \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" \
      "${common[@]}" "${persistence[@]}" >"$dir/azurite.log" 2>&1 &
    echo $! >"$pid_file"
  fi
  for _ in $(seq 1 120); do
    if port_open "$blob_port" && port_open "$queue_port" && port_open "$table_port"; then
      return 0
    fi
    if ! running; then
      echo "azurite.sh: Azurite exited; see $dir/azurite.log" >&2
      cat "$dir/azurite.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  echo "azurite.sh: Azurite did not open its ports within 60 s; see $dir/azurite.log" >&2
  exit 1
}

stop() {
  if [[ -f "$pid_file" ]]; then
    local pid
    for pid in $(cat "$pid_file"); do kill "$pid" 2>/dev/null || true; done
    for pid in $(cat "$pid_file"); do
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    done
  fi
  rm -f "$pid_file"
  if [[ -f "$dir/ephemeral-data" ]]; then
    rm -rf "$(cat "$dir/ephemeral-data")" "$dir/ephemeral-data"
  fi
}

case "${1:-}" in
  start) start; connection_string ;;
  stop) stop ;;
  status) if running; then echo "running (pid $(cat "$pid_file"))"; else echo "stopped"; exit 1; fi ;;
  connection-string) connection_string ;;
  *) echo "usage: scripts/azurite.sh start|stop|status|connection-string" >&2; exit 2 ;;
esac
