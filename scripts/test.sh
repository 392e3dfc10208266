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
# presenter runs here: its slow first frames under the sanitizers are what showed that a quick
# key could be lost (ui/app/key_queue.hpp); quick_keys makes frames slow on purpose instead.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs" \
    -E 'acceptance_(crash_typing|plan_keys|compact|quick_keys)'

# A short fuzzing pass over the file and query readers (scripts/fuzz.sh; the long run is manual).
if command -v clang++-14 >/dev/null; then
  FUZZ_RUNS=20000 scripts/fuzz.sh 10
else
  echo "fuzz: skipped, clang++-14 is not installed"
fi
