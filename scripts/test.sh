#!/usr/bin/env bash
# Runs every test project that builds offline, against an Azurite that this script installs, starts and stops.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Storage]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "test.sh: Node.js and npm are required (for Azurite)" >&2; exit 1; }

# Ports of their own, so that tests never touch a demo's storage.
export AZURITE_DIR="$root/.azurite/test" AZURITE_EPHEMERAL=1
export AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10100}" AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10101}" AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10102}"
setup="$(mktemp -d)"
trap 'scripts/azurite.sh stop; rm -rf "$setup"' EXIT

# Setup steps that wait mostly on downloads (npm, apt, NuGet) run side by side: Azurite, the Bicep compile (the
# deployment templates compile to ARM JSON with no warning or error, or nothing runs), the browser the dashboard tests
# drive, and the NuGet restore. The dashboard's bundle is built before the solution, whose Host copies it.
background=(azurite bicep chromium restore)
pids=()
scripts/azurite.sh start >"$setup/azurite.out" 2>"$setup/azurite.log" & pids+=($!)
scripts/bicep.sh >"$setup/bicep.log" 2>&1 & pids+=($!)
scripts/chromium.sh >"$setup/chromium.log" 2>&1 & pids+=($!)
dotnet restore SalesFunctions.Offline.slnf --nologo -v quiet >"$setup/restore.log" 2>&1 & pids+=($!)
scripts/dashboard.sh
for i in "${!background[@]}"; do
  if ! wait "${pids[$i]}"; then
    cat "$setup/${background[$i]}.log" >&2
    echo "test.sh: setup step '${background[$i]}' failed (its output above)" >&2
    exit 1
  fi
done
cat "$setup/bicep.log"
SALESFUNCTIONS_TEST_STORAGE="$(cat "$setup/azurite.out")"
export SALESFUNCTIONS_TEST_STORAGE

dotnet build SalesFunctions.Offline.slnf -c Release --nologo -v minimal --no-restore

log="$(mktemp)"
set +e
dotnet test SalesFunctions.Offline.slnf -c Release --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# A whole run also plays another calendar day (simulated days across a year end): no test may depend on the day it runs
# on. scripts/date-sweep.sh without --short plays ten days, every weekday among them.
if [[ $# -eq 0 ]]; then
  bash scripts/date-sweep.sh --short --no-build 2>&1 | tee -a "$log"
  sweep=${PIPESTATUS[0]}
  [[ "$status" -eq 0 ]] && status=$sweep
fi
set -e

# One closing line for the whole run, summed over the test projects' own summaries.
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ total += $2 } END { print total + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [[ "$status" -eq 0 && "${passed}" -eq 0 ]]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
