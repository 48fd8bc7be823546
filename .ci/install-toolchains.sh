#!/usr/bin/env bash
# Installs the real toolchains the tests check generated files with (Debian packages only).
# translate-toolkit (with python3-translate, for Debian's /usr/bin/python3) is a second,
# independent reader of the PO, Android, .strings, .properties, ARB, i18next and XLIFF files.
# python3-babel is a third PO reader: PO escapes are limited to what all three decode.
# Idempotent: skips apt when every tool is already present.
set -euo pipefail
packages=(aapt android-framework-res libxml2-utils libplist-utils gettext unicode-cldr-core
          gnustep-base-runtime libgnustep-base-dev gnustep-make gobjc openjdk-17-jdk-headless chromium fonts-noto-cjk kotlin
          translate-toolkit python3-babel)
need=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "toolchains: ${packages[*]}"
