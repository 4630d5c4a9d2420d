#!/usr/bin/env bash
# The demo: Azurite, the Host on http://127.0.0.1:7071 and the Graph simulator on http://127.0.0.1:7072; a 21-rep
# organisation's 30 days of mail and meetings flow through notifications, queues, scoring and the rollup timer, and
# the KPI API is checked against the simulator's ground truth. Serves until Ctrl+C; with --once, exits when checked.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
once=""
[[ "${1:-}" == "--once" ]] && once="--once"

command -v dotnet >/dev/null || { echo "demo.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "demo.sh: Node.js and npm are required (for Azurite)" >&2; exit 1; }
for port in 7071 7072; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "demo.sh: port $port is in use; stop whatever listens there first." >&2
    exit 1
  fi
done

export AZURITE_DIR="$root/.azurite/demo" AZURITE_EPHEMERAL=1
connection="$(scripts/azurite.sh start)"
host_pid="" sim_pid=""
# Everything this script started stops within 15 s of Ctrl+C or SIGTERM: the simulator at once, the Host within its
# 10-second shutdown timeout (in-flight messages are released for redelivery), anything left after 12 s is killed.
cleanup() {
  local pids=($sim_pid $host_pid) pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 24); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ "$alive" == 0 ]] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  scripts/azurite.sh stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Only what the demo runs; scripts/test.sh builds the rest.
scripts/dashboard.sh
dotnet build src/SalesFunctions.Host -c Release --nologo -v quiet
dotnet build tools/SalesFunctions.Simulator -c Release --nologo -v quiet

host_dir="$root/src/SalesFunctions.Host/bin/Release/net10.0"
mkdir -p "$root/.azurite/demo"
(cd "$host_dir" && ASPNETCORE_ENVIRONMENT=Demo Storage__ConnectionString="$connection" exec dotnet SalesFunctions.Host.dll) \
  >"$root/.azurite/demo/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null http://127.0.0.1:7071/dev/organizations/v2.0/.well-known/openid-configuration 2>/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || { echo "demo.sh: the Host exited; log:" >&2; cat "$root/.azurite/demo/host.log" >&2; exit 1; }
  sleep 1
done
echo "Host listening on http://127.0.0.1:7071 (log: .azurite/demo/host.log)"
echo "Dashboard: http://127.0.0.1:7071/ (opens as a manager; switch user at the top right)"

# In the background and waited for, so that a signal to this script runs its trap at once rather than after the child.
dotnet "$root/tools/SalesFunctions.Simulator/bin/Release/net10.0/SalesFunctions.Simulator.dll" demo \
  --host http://127.0.0.1:7071 --urls http://127.0.0.1:7072 $once &
sim_pid=$!
set +e
wait "$sim_pid"
status=$?
set -e
sim_pid=""
exit "$status"
