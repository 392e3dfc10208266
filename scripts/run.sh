#!/usr/bin/env bash
# Builds Panelist (release) and opens it on its default database, seeded with the bank on
# first run. Extra arguments go to panelist, e.g. `scripts/run.sh --db demo.db`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/release --target panelist
exec build/release/panelist "$@"
