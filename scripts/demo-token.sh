#!/usr/bin/env bash
# Prints a bearer token for the serving demo Host, signed by its development issuer (docs/security.md).
#   scripts/demo-token.sh [--tenant <id>] --role admin|manager|rep [--rep <repId>] [--team <teamId>] [--host URL]
# A rep token is for that rep; a manager token for the manager of that team. The tenant defaults to the demo's.
#   curl -H "Authorization: Bearer $(scripts/demo-token.sh --role rep --rep rep-01)" "http://127.0.0.1:7071/api/kpis?..."
set -euo pipefail
tenant=8f1c7a52-3b0e-4d7e-9a61-5d2f0c4b9e17
host=http://127.0.0.1:7071
role="" rep="" team=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tenant) tenant="$2"; shift 2 ;;
    --role) role="$2"; shift 2 ;;
    --rep) rep="$2"; shift 2 ;;
    --team) team="$2"; shift 2 ;;
    --host) host="${2%/}"; shift 2 ;;
    *) echo "demo-token.sh: unknown argument $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done
[[ -n "$role" ]] || { echo "demo-token.sh: --role admin|manager|rep is required" >&2; exit 2; }
answer="$(curl -sS -G "$host/dev/token" --data-urlencode "tenant=$tenant" --data-urlencode "role=$role" \
  --data-urlencode "rep=$rep" --data-urlencode "team=$team" -w '\n%{http_code}')"
status="${answer##*$'\n'}"
body="${answer%$'\n'*}"
if [[ "$status" != 200 ]]; then
  echo "demo-token.sh: the Host answered $status: $body" >&2
  exit 1
fi
node -e 'process.stdout.write(JSON.parse(process.argv[1]).accessToken + "\n")' "$body"
