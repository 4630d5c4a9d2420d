#!/usr/bin/env bash
# Runs the benchmarks. delta-backfill (the default) and kpi-rollup run end to end against an Azurite of its own (ports
# 10200-10202 unless AZURITE_*_PORT say otherwise, throwaway data); territories and kpis run in process and need no Azurite.
# Usage: scripts/bench.sh [delta-backfill] [--emails 100000] [--baseline-messages 5000] [--timeout-minutes 120]
#        scripts/bench.sh kpi-rollup [--activities 1000000] [--deals 50000] [--cases 20000]
#        scripts/bench.sh freshness [--items 120] [--interval-ms 1000]   (notification to KPI, default production settings)
#        scripts/bench.sh ingress [--seconds 30]   (Graph and CRM acknowledgements under load; issue 20 suggests --seconds 600)
#        scripts/bench.sh baseline   (the concurrent storage baseline alone; every Azurite benchmark measures it first)
#        Azurite benchmarks take --baseline-seconds N (3): how long each point of the baseline's curves runs.
#        scripts/bench.sh territories [--accounts 100000] [--territories 1000] [--rulesengine-accounts N] [--rulesengine-minutes 5]
#        scripts/bench.sh kpis [--activities 1000000] [--deals 50000] [--cases 20000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v dotnet >/dev/null || { echo "bench.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

if [[ "${1:-}" == territories || "${1:-}" == kpis ]]; then
  dotnet build benchmarks/SalesFunctions.Benchmarks -c Release --nologo -v quiet
  exec dotnet benchmarks/SalesFunctions.Benchmarks/bin/Release/net10.0/SalesFunctions.Benchmarks.dll "$@"
fi

command -v npm >/dev/null || { echo "bench.sh: Node.js and npm are required (for Azurite)" >&2; exit 1; }

# Split services with tables in memory: the combined process stalls on its own table autosaves at this scale (azurite.sh).
# Azurite's table service holds every entity in memory, roughly 65 bytes per property: the 1,000,000-activity rollup
# stores about 3.3 million cell rows of 15 to 90 properties. Node's default heap limit (about 4 GB) is far too small.
export NODE_OPTIONS="--max-old-space-size=${AZURITE_HEAP_MB:-16384}"
export AZURITE_DIR="$root/.azurite/bench" AZURITE_EPHEMERAL=1 AZURITE_SPLIT="${AZURITE_SPLIT:-1}"
export AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10200}" AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10201}" AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10202}"
SALESFUNCTIONS_BENCH_STORAGE="$(scripts/azurite.sh start)"
export SALESFUNCTIONS_BENCH_STORAGE
trap 'scripts/azurite.sh stop' EXIT

dotnet build benchmarks/SalesFunctions.Benchmarks -c Release --nologo -v quiet
[[ $# -eq 0 || "$1" == --* ]] && set -- delta-backfill "$@"
dotnet benchmarks/SalesFunctions.Benchmarks/bin/Release/net10.0/SalesFunctions.Benchmarks.dll "$@"
