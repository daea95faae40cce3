#!/usr/bin/env bash
# Installs what Herald's tests need on Debian: Chromium (Playwright cannot
# download its own browsers here) and the npm dependencies, skipping the
# Electron binary download (it cannot be fetched on these machines).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
