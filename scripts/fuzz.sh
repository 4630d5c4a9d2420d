#!/usr/bin/env bash
# Fuzzes every HTTP route of the function registry over real HTTP: a real Host on an Azurite of its own (ports
# 10300-10302 unless AZURITE_*_PORT say otherwise, throwaway data). No 5xx, a problem body on every 4xx, and storage
# unchanged by every refused request; exits non-zero otherwise. docs/reliability.md.
# Usage: scripts/fuzz.sh [--requests-per-route 10000] [--seed 26] [--check-every 50]
#        scripts/fuzz.sh --seed S --route <FunctionName> --index <i> --requests-per-route 1   # one request again
# Last line: fuzz: N requests over M routes; 5xx X; storage changes Y
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v dotnet >/dev/null || { echo "fuzz.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "fuzz.sh: Node.js and npm are required (for Azurite)" >&2; exit 1; }

export AZURITE_DIR="$root/.azurite/fuzz" AZURITE_EPHEMERAL=1
export AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10300}" AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10301}" AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10302}"
SALESFUNCTIONS_BENCH_STORAGE="$(scripts/azurite.sh start)"
export SALESFUNCTIONS_BENCH_STORAGE
trap 'scripts/azurite.sh stop' EXIT

dotnet build benchmarks/SalesFunctions.Benchmarks -c Release --nologo -v quiet
dotnet benchmarks/SalesFunctions.Benchmarks/bin/Release/net10.0/SalesFunctions.Benchmarks.dll fuzz "$@"
