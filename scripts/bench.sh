#!/usr/bin/env bash
# Every figure of docs/performance.md in one run: a Release build, the in-process benchmarks
# (100k questions, 1k interviews unless PANELIST_BENCH_QUESTIONS / PANELIST_BENCH_INTERVIEWS
# say otherwise), then start-up and idle CPU under Xvfb. About five minutes on two cores.
# Usage: scripts/bench.sh [IDLE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPANELIST_BENCHMARKS=ON >/dev/null
cmake --build build/release -j "$(nproc)" --target panelist panelist_benchmarks panelist_make_bank
build/release/benchmarks/panelist_benchmarks
benchmarks/whole_process.sh build/release "${1:-10}"
