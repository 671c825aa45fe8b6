#!/usr/bin/env bash
# Installs everything Order Clerk needs on a fresh Debian machine, and does nothing when it is all there.
#   Debian packages: chromium + CJK fonts (browser demo tests), libsecret (keytar, pulled by office-addin-debugging),
#   LibreOffice Calc + poppler (render written workbooks to PDF/PNG in tests).
#   npm packages: `npm ci` when package-lock.json changed since the last install (also compiles the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-cjk libsecret-1-dev libreoffice-calc-nogui poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp=node_modules/.order-clerk-setup
want="$(sha256sum package-lock.json | cut -d' ' -f1) $(node --version)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
else
  npm run --silent build:cli
fi
echo "setup: ready"
