#!/usr/bin/env bash
# Runs the test suites as if today were each of several calendar days, to prove that no test depends on the day it
# runs on (docs/testing.md). SALESFUNCTIONS_TEST_TODAY moves the clock of the Host under test, the Graph simulator and
# the tests' own dates (tests/Shared/TestClock.cs); the simulated organisation's days follow it (35 days back).
#   scripts/date-sweep.sh              every day below, the Core, Graph and Host suites (about an hour on 2 cores)
#   scripts/date-sweep.sh --short      2026-02-02, the Core suite and the date-sensitive end-to-end classes (CI): the day
#                                      whose simulated days, and the delta-sync test's, cross a year end
#   scripts/date-sweep.sh [--short] --days "2026-12-07 2026-12-12"   other days
#   --no-build                          use the Release build already there (scripts/test.sh)
# Extra arguments after -- go to dotnet test (for example -- --filter FullyQualifiedName~Kpis).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Today for each run. The first simulated day is 35 days earlier, the last one 6 days earlier.
#   2026-12-07 .. 2026-12-13   Monday to Sunday, so the simulated days start on every weekday too
#   2026-11-30                 the last day of a month (November), with the simulated days across the end of October
#   2026-02-02                 the simulated days start on 2025-12-29, across a year end and an ISO week-year change
#   2026-11-28                 the simulated days start on 2026-10-24, across the daylight-saving changes of Europe
#                              (25 October) and the United States (1 November); the demo tenant itself keeps UTC
all_days="2026-12-07 2026-12-08 2026-12-09 2026-12-10 2026-12-11 2026-12-12 2026-12-13 2026-11-30 2026-02-02 2026-11-28"
short_days="2026-02-02"
short=0
build=1
days=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --short) short=1; shift ;;
    --no-build) build=0; shift ;;
    --days) days="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "date-sweep.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done
if [[ -z "$days" ]]; then
  if [[ "$short" == 1 ]]; then days="$short_days"; else days="$all_days"; fi
fi

# Called from scripts/test.sh, it uses that script's Azurite; alone, it starts one of its own on other ports.
if [[ -z "${SALESFUNCTIONS_TEST_STORAGE:-}" ]]; then
  export AZURITE_DIR="$root/.azurite/date-sweep" AZURITE_EPHEMERAL=1
  export AZURITE_BLOB_PORT=10110 AZURITE_QUEUE_PORT=10111 AZURITE_TABLE_PORT=10112
  SALESFUNCTIONS_TEST_STORAGE="$(scripts/azurite.sh start)"
  export SALESFUNCTIONS_TEST_STORAGE
  trap 'scripts/azurite.sh stop' EXIT
fi

[[ "$build" == 1 ]] && dotnet build SalesFunctions.Offline.slnf -c Release --nologo -v quiet >/dev/null

if [[ "$short" == 1 ]]; then
  # The Core suite whole (fast), and the Host classes whose simulated mail depends on the calendar.
  runs=("tests/SalesFunctions.Core.Tests" "tests/SalesFunctions.Host.Tests --filter FullyQualifiedName~EndToEnd.DeltaSyncEndToEndTests|FullyQualifiedName~Cli.KpiRecomputeCommandTests")
else
  runs=("tests/SalesFunctions.Core.Tests" "tests/SalesFunctions.Graph.Tests" "tests/SalesFunctions.Host.Tests")
fi

failed_days=()
for day in $days; do
  for run in "${runs[@]}"; do
    # shellcheck disable=SC2086 # a run is a project and its filter arguments
    set -- $run
    project="$1"; shift
    filter=()
    [[ $# -gt 0 ]] && filter=("$1" "$2")
    log="$(mktemp)"
    set +e
    SALESFUNCTIONS_TEST_TODAY="$day" dotnet test "$project" -c Release --no-build --nologo "${filter[@]}" "${extra[@]}" >"$log" 2>&1
    status=$?
    set -e
    summary="$(grep -E "^(Passed|Failed)!" "$log" | tail -1 | sed -E 's/^(Passed|Failed)! +- +//; s/, Duration.*//; s/ +/ /g')"
    echo "date-sweep: today $day ($(date -d "$day" +%A)) $(basename "$project"): ${summary:-no summary}"
    if [[ "$status" -ne 0 ]]; then
      grep -E "^\s+Failed |Error Message:" -A2 "$log" | head -40 >&2
      failed_days+=("$day:$(basename "$project")")
    fi
    rm -f "$log"
  done
done

count=$(wc -w <<<"$days")
if [[ ${#failed_days[@]} -gt 0 ]]; then
  echo "date-sweep: $count days, failures: ${failed_days[*]}"
  exit 1
fi
echo "date-sweep: $count days, every suite passed"
