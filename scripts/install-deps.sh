#!/usr/bin/env bash
# Installs the Debian packages Panelist builds, tests and runs with. Idempotent: when every
# package is already there it only asks dpkg and returns.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  libimgui-dev libstb-dev libglfw3-dev python3-glad libgl-dev
  libsqlite3-dev libsqlitecpp-dev libfmt-dev doctest-dev libtomlplusplus-dev
  nlohmann-json3-dev libsimdjson-dev libcli11-dev libcairo2-dev libpango1.0-dev libfontconfig-dev
  libbenchmark-dev libfribidi-dev fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-symbola fonts-noto-color-emoji
  xvfb xauth
  xdotool openbox x11-apps x11-utils x11-xserver-utils
  clang-14 libclang-rt-14-dev
  dpkg-dev lintian desktop-file-utils appstream bash-completion man-db
  chromium poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
