#!/usr/bin/env bash
# Installs the real toolchains the tests check generated files with (Debian packages only).
# Idempotent: skips apt when every tool is already present.
set -euo pipefail
packages=(aapt android-framework-res libxml2-utils libplist-utils gettext unicode-cldr-core
          gnustep-base-runtime libgnustep-base-dev gnustep-make gobjc openjdk-17-jdk-headless chromium fonts-noto-cjk kotlin)
need=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "toolchains: ${packages[*]}"
