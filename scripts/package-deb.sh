#!/usr/bin/env bash
# Builds panelist_VERSION_amd64.deb: a Release build installed under /usr into a staging tree,
# with the man page, bash completion, desktop entry, AppStream metainfo, icon and docs, and
# Depends computed from the binary (dpkg-shlibdeps) plus the fonts the window draws with.
#
#   scripts/package-deb.sh                 # builds build/release, writes the .deb here
#   scripts/package-deb.sh BUILD OUT       # packages an existing build (tests use theirs)
#
# The AppStream screenshots point at $PANELIST_SCREENSHOT_BASE (where the project publishes
# docs/screenshots); unset, they point at a placeholder host and the script says so.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-}
out=${2:-$root}
if [ -z "$build" ]; then
  "$root/scripts/install-deps.sh"
  build=$root/build/release
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPANELIST_TESTS=OFF >/dev/null
  cmake --build "$build" --target panelist panelist_bank
fi
version=$(sed -n 's/^project(panelist VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$stage" "$scratch"' EXIT

DESTDIR=$stage cmake --install "$build" --prefix /usr >/dev/null
# Only what the package needs from the install: the program and its data.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/panelist"

install -D -m 0644 "$root/assets/completion/panelist" "$stage/usr/share/bash-completion/completions/panelist"
install -D -m 0644 "$root/assets/man/panelist.1" "$stage/usr/share/man/man1/panelist.1"
gzip -9n "$stage/usr/share/man/man1/panelist.1"
screenshots=${PANELIST_SCREENSHOT_BASE:-https://panelist.example.org/screenshots}
[ -n "${PANELIST_SCREENSHOT_BASE:-}" ] ||
  echo "note: AppStream screenshots point at $screenshots (set PANELIST_SCREENSHOT_BASE)" >&2
install -d "$stage/usr/share/metainfo"
sed "s|@SCREENSHOT_BASE@|$screenshots|" "$root/assets/desktop/panelist.metainfo.xml" \
  > "$stage/usr/share/metainfo/org.panelist.Panelist.metainfo.xml"
chmod 0644 "$stage/usr/share/metainfo/org.panelist.Panelist.metainfo.xml"
doc=$stage/usr/share/doc/panelist
install -d "$doc"
for f in "$root"/docs/*.md; do install -m 0644 "$f" "$doc/"; done
install -m 0644 "$root/README.md" "$doc/README.md"
cat > "$doc/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: panelist

Files: *
Copyright: 2026 Panelist developers
License: proprietary
 All rights reserved by the Panelist developers. The question bank is their own writing.
COPYRIGHT
date=$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}")
printf 'panelist (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Panelist developers <panelist@panelist.example.org>  %s\n' \
  "$version" "$version" "$date" | gzip -9n > "$doc/changelog.gz"
find "$stage" -type d -exec chmod 0755 {} +

# Depends: the shared libraries the binary links (dpkg-shlibdeps wants a debian/control).
mkdir -p "$scratch/debian"
printf 'Source: panelist\n\nPackage: panelist\nArchitecture: any\n' > "$scratch/debian/control"
shlibs=$(cd "$scratch" && dpkg-shlibdeps -O "$stage/usr/bin/panelist") ||
  { echo "dpkg-shlibdeps could not work out the binary's libraries (above)" >&2; exit 1; }
libs=$(printf '%s\n' "$shlibs" | sed -n 's/^shlibs:Depends=//p')
[ -n "$libs" ] || { echo "dpkg-shlibdeps found no libraries for the binary" >&2; exit 1; }

install -d "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: panelist
Version: $version
Architecture: $arch
Maintainer: Panelist developers <panelist@panelist.example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $libs, fonts-dejavu-core, fonts-noto-core, fonts-noto-cjk, fonts-symbola
Recommends: fonts-noto-color-emoji, xdg-utils
Section: utils
Priority: optional
Description: plan, run and score technical interviews, offline
 Panelist is for people who interview engineers: pick a candidate and a
 level, get a question list that fits the time slot, see model answers and
 rubrics privately during the call, score each answer 1-5 with notes, and
 export a report. After a hiring loop the team compares candidates, with how
 far its interviewers agree. Curators keep role sets, and interviewers
 practise scoring on sample answers.
 .
 Everything lives in one local SQLite file. It ships with an MLOps question
 bank for junior and senior candidates.
CONTROL

(cd "$stage" && find usr -type f -exec md5sum {} + | sort -k2) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"

deb=$out/panelist_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
