#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in build/fuzz and runs each for SECONDS
# (default 60; FUZZ_ONLY="fuzz_bundle ..." picks targets, so two long runs can share the cores),
# starting from the malformed-input corpus in tests/corpus (FUZZ_TIMEOUT, default 10 s, is what one
# input may take: raise it when the run shares the machine). A crash stops the
# run with exit 1 and leaves the input in build/fuzz/findings/<target>/ (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
runs=${FUZZ_RUNS:--1} # scripts/test.sh caps the number of inputs for a quick CI pass
jobs=$(nproc)

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz: clang++-14 not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 2
fi
CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPANELIST_FUZZ=ON -DPANELIST_SANITIZE=ON -DPANELIST_TESTS=OFF >/dev/null
# target:corpus folder:a good file to start from (tests/corpus/good)
targets=(fuzz_question_file:toml:questions.toml fuzz_bundle:json:bundle.json
  fuzz_ratings_csv:csv:ratings.csv fuzz_search_query:query:query.txt)
if [ -n "${FUZZ_ONLY:-}" ]; then
  picked=()
  for entry in "${targets[@]}"; do
    [[ " $FUZZ_ONLY " == *" ${entry%%:*} "* ]] && picked+=("$entry")
  done
  [ ${#picked[@]} -gt 0 ] || { echo "fuzz: no target in FUZZ_ONLY='$FUZZ_ONLY'" >&2; exit 2; }
  targets=("${picked[@]}")
fi
names=()
for entry in "${targets[@]}"; do names+=("${entry%%:*}"); done
cmake --build build/fuzz -j "$jobs" --target "${names[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for entry in "${targets[@]}"; do
  IFS=: read -r target kind good <<<"$entry"
  # A working copy of the corpus grows with what the fuzzer finds; the checked-in one stays small.
  work=build/fuzz/corpus/$kind findings=build/fuzz/findings/$target
  mkdir -p "$work" "$findings"
  [ -d "tests/corpus/$kind" ] && find "tests/corpus/$kind" -type f ! -name '*.expect' \
    -exec cp -n {} "$work/" \;
  cp -n "tests/corpus/good/$good" "$work/"
  echo "fuzz: $target for ${seconds}s"
  "build/fuzz/tests/fuzz/$target" "$work" -max_total_time="$seconds" -runs="$runs" -max_len=65536 \
    -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=4096 -artifact_prefix="$findings/" -print_final_stats=1 \
    2>"build/fuzz/$target.log" || {
    tail -n 60 "build/fuzz/$target.log" >&2
    echo "fuzz: $target failed; the input is in $findings/" >&2
    exit 1
  }
  grep -E '^stat::(number_of_executed_units|new_units_added)' "build/fuzz/$target.log" || true
done
echo "fuzz: no crash in ${#targets[@]} targets"
