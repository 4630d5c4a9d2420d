#!/usr/bin/env bash
# Chaos: the demo organisation (21 reps x 30 days of mail, meetings, calls and CRM webhooks) played against Hosts that
# are killed with SIGKILL at random moments and restarted, with Graph throttling now and then, Azurite restarted once,
# and a second and then a third Host instance competing for the same queues (one timer owner, by blob lease). Senders
# are as patient as Graph and the CRMs (they retry for hours): nothing they send may be lost. At the end every KPI must
# equal the simulator's ground truth with no poison message. docs/reliability.md, "Chaos".
#
# Usage: scripts/chaos.sh [--rounds 5] [--seed 1]
# Ports: Host instances 7071 (Graph and the CRMs call this one), 7073 and 7074; simulator 7072; Azurite 10400-10402.
# A killed instance leaves the messages it held invisible for their 10-minute lease (as the Functions queue trigger
# does), so a run takes the play time plus about 10 minutes after the last kill.
# Last line: chaos: R rounds, K kills, up to I instances; KPIs match ground truth: yes|no; poison P
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rounds=5
seed=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "chaos.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "chaos.sh: --rounds takes a positive whole number" >&2; exit 2; }
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "chaos.sh: --seed takes a whole number" >&2; exit 2; }
RANDOM=$seed

command -v dotnet >/dev/null || { echo "chaos.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "chaos.sh: Node.js and npm are required (for Azurite)" >&2; exit 1; }
ports=(7071 7073 7074)
for port in "${ports[@]}" 7072; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "chaos.sh: port $port is in use; stop whatever listens there first (a demo?)." >&2
    exit 1
  fi
done

# Storage that outlives an Azurite restart: on disk, fresh for each run.
state="$root/.azurite/chaos"
export AZURITE_DIR="$state" AZURITE_EPHEMERAL=0
export AZURITE_BLOB_PORT=10400 AZURITE_QUEUE_PORT=10401 AZURITE_TABLE_PORT=10402
scripts/azurite.sh stop >/dev/null 2>&1 || true
rm -rf "$state"
connection="$(scripts/azurite.sh start)"

host_pids=("" "" "")
sim_pid=""
cleanup() {
  local pid
  for pid in $sim_pid "${host_pids[@]}"; do [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true; done
  scripts/azurite.sh stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/dashboard.sh
dotnet build src/SalesFunctions.Host -c Release --nologo -v quiet
dotnet build tools/SalesFunctions.Simulator -c Release --nologo -v quiet
host_dir="$root/src/SalesFunctions.Host/bin/Release/net10.0"

# Instance i listens on ports[i]; every instance runs every queue listener and timer, as a scaled-out Function app.
start_host() {
  local i=$1
  (cd "$host_dir" && ASPNETCORE_ENVIRONMENT=Demo Storage__ConnectionString="$connection" Urls="http://127.0.0.1:${ports[$i]}" \
    exec dotnet SalesFunctions.Host.dll) >>"$state/host-$i.log" 2>&1 &
  host_pids[$i]=$!
  disown "${host_pids[$i]}"   # killed on purpose: no job report from the shell
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:${ports[$i]}/api/health" 2>/dev/null && return 0
    kill -0 "${host_pids[$i]}" 2>/dev/null || { echo "chaos.sh: Host instance $i exited; log:" >&2; tail -50 "$state/host-$i.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "chaos.sh: Host instance $i did not answer within 60 s" >&2
  exit 1
}

instances=1
kills=0
start_host 0
echo "chaos: Host instance 0 on http://127.0.0.1:${ports[0]} (logs in .azurite/chaos/)"

dotnet "$root/tools/SalesFunctions.Simulator/bin/Release/net10.0/SalesFunctions.Simulator.dll" demo --once --chaos \
  --host "http://127.0.0.1:${ports[0]}" --urls http://127.0.0.1:7072 --timeout 1800 > >(tee "$state/driver.log") 2>&1 &
sim_pid=$!

alive() { kill -0 "$sim_pid" 2>/dev/null; }
for round in $(seq 1 "$rounds"); do
  sleep $((8 + RANDOM % 18))
  # The last kill waits for the CRM webhooks and call logs, which follow the mail, so that their retries count too.
  if (( round == rounds && rounds > 1 )); then
    while alive && ! grep -q "mailbox items," "$state/driver.log"; do sleep 1; done
    sleep $((RANDOM % 3))
  fi
  alive || break
  # Mostly the instance that Graph and the CRMs call, so that their retries are exercised too.
  victim=0
  (( instances > 1 && RANDOM % 3 == 0 )) && victim=$((1 + RANDOM % (instances - 1)))
  kill -KILL "${host_pids[$victim]}" 2>/dev/null || true
  while kill -0 "${host_pids[$victim]}" 2>/dev/null; do sleep 0.1; done
  kills=$((kills + 1))
  echo "chaos: round $round: killed Host instance $victim (SIGKILL)"
  sleep $((1 + RANDOM % 4))
  start_host "$victim"
  echo "chaos: round $round: Host instance $victim restarted"
  if (( round == 1 || (round == rounds - 1 && instances == 2) )) && (( instances < 3 )); then
    start_host "$instances"
    instances=$((instances + 1))
    echo "chaos: round $round: $instances Host instances now compete for the queues"
  fi
  if (( round == (rounds + 1) / 2 )); then
    scripts/azurite.sh stop
    sleep 2
    scripts/azurite.sh start >/dev/null
    echo "chaos: round $round: Azurite restarted (its data on disk kept)"
  fi
done
if (( instances < 3 )) && alive; then
  while (( instances < 3 )); do start_host "$instances"; instances=$((instances + 1)); done
  echo "chaos: $instances Host instances now compete for the queues"
fi

set +e
wait "$sim_pid"
status=$?
set -e
sim_pid=""

# The poison queues, listed by the operator's endpoint (no bodies), so that each message can be explained.
token="$(curl -fsS "http://127.0.0.1:${ports[0]}/dev/token?tenant=8f1c7a52-3b0e-4d7e-9a61-5d2f0c4b9e17&role=admin" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
poison_json="$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:${ports[0]}/api/admin/poison" || echo '{}')"
poison="$(printf '%s' "$poison_json" | grep -oE '"count":[0-9]+' | awk -F: '{ total += $2 } END { print total + 0 }')"
[[ "$poison" != 0 ]] && echo "chaos: poison queues: $poison_json"
match=no
[[ "$status" == 0 ]] && grep -q "all KPIs match ground truth" "$state/driver.log" && match=yes
echo "chaos: $rounds rounds, $kills kills, up to $instances instances; KPIs match ground truth: $match; poison $poison"
[[ "$match" == yes && "$poison" == 0 ]]
