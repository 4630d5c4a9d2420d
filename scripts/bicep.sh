#!/usr/bin/env bash
# Compiles infra/main.bicep, and with it every module in infra/modules, to ARM JSON with the pinned Bicep CLI, and
# fails on any diagnostic: every warning counts, as infra/bicepconfig.json raises every linter rule to warning or above.
# Needs only the .NET SDK: the CLI is a NuGet package that infra/tools/BicepCompiler.proj restores on first use.
# The ARM JSON goes to a temporary directory, removed on exit, or to OUTDIR (outside the repository) when given.
# Usage: scripts/bicep.sh [OUTDIR]     Environment: BICEP=/path/to/bicep uses that CLI instead (other platforms).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
infra="$root/infra"
proj="$infra/tools/BicepCompiler.proj"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$(realpath -m "${1:-$work/arm}")"
case "$out/" in
  "$root"/*)
    echo "bicep.sh: OUTDIR must be outside the repository, so compiled templates are never committed" >&2
    exit 2 ;;
esac
mkdir -p "$out"

version="$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$proj")"
if [[ -n "${BICEP:-}" ]]; then
  bicep="$BICEP"
else
  if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
    echo "bicep.sh: the pinned CLI package is for linux-x64; elsewhere install Bicep $version," \
      "then run with BICEP=/path/to/bicep" >&2
    exit 2
  fi
  command -v dotnet >/dev/null || { echo "bicep.sh: the .NET SDK (dotnet) is required" >&2; exit 1; }
  packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
  bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  if [[ ! -f "$bicep" ]]; then
    # Restore artifacts (obj/) go to the temporary directory too: nothing is written inside the repository.
    dotnet restore "$proj" --nologo -v quiet -p:BaseIntermediateOutputPath="$work/obj/" >&2
  fi
  [[ -x "$bicep" ]] || chmod u+x "$bicep"
fi

# Diagnostics, the modules' included, come on stderr as "path(line,col) : Warning|Error code: message". The exit code
# stays 0 with warnings, so any stderr output at all fails the run.
log="$work/diagnostics.log"
status=0
"$bicep" build "$infra/main.bicep" --outdir "$out" 2>"$log" || status=$?

# A module that main.bicep does not use would escape the compiler, so each one must be used.
modules=("$infra"/modules/*.bicep)
for m in "${modules[@]}"; do
  name="$(basename "$m")"
  if ! grep -q "'modules/$name'" "$infra/main.bicep"; then
    echo "infra/modules/$name is not used by infra/main.bicep" >>"$log"
    status=1
  fi
done

# Every parameter the azd parameters file sets must exist in main.bicep: a renamed parameter would fail the deployment.
params_file="$infra/main.parameters.json"
mapfile -t params < <(sed -n 's/^    "\([A-Za-z0-9_]*\)": {.*/\1/p' "$params_file")
for p in "${params[@]}"; do
  if ! grep -q "^param $p " "$infra/main.bicep"; then
    echo "infra/main.parameters.json: parameter '$p' is not declared in infra/main.bicep" >>"$log"
    status=1
  fi
done

warnings=$(grep -c ' : Warning ' "$log" || true)
errors=$(grep -c ' : Error ' "$log" || true)
if [[ "$status" -ne 0 || -s "$log" ]]; then
  sed "s|$root/||" "$log" >&2
  echo "bicep.sh: FAILED: Bicep $version: $warnings warning(s), $errors error(s)" >&2
  exit 1
fi

echo "bicep.sh: OK: Bicep $version compiled infra/main.bicep with its ${#modules[@]} modules: 0 warnings, 0 errors;" \
  "the ${#params[@]} parameters of infra/main.parameters.json exist"
