#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser tests when it is missing (Playwright's own browser downloads
# cannot reach the internet here). Needs root, or sudo without a password.
set -euo pipefail
command -v chromium >/dev/null && exit 0
if [[ "$(id -u)" -eq 0 ]]; then
  sudo=""
elif sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "chromium.sh: chromium is missing; install it as root: apt-get install -y chromium" >&2
  exit 1
fi
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
