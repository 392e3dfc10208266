#!/usr/bin/env bash
# Prints the CPU Panelist uses while idle: the window open on the Interview screen of the demo
# database, under Xvfb, for a fixed time. Usage: benchmarks/idle_cpu.sh [PANELIST] [SECONDS]
set -euo pipefail
exe=${1:-build/release/panelist}
seconds=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
"$exe" --db "$work/demo.db" demo >/dev/null

ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

measure() { # $1: label, $2: view
  xvfb-run -a -s "-screen 0 1600x1000x24" "$exe" --db "$work/demo.db" --view "$2" &
  local runner=$!
  local pid=""
  for _ in $(seq 100); do
    for p in $(pgrep -f -- "$work/demo.db --view $2" || true); do
      [ "$(cat "/proc/$p/comm" 2>/dev/null)" = panelist ] && pid=$p
    done
    [ -n "$pid" ] && break
    sleep 0.1
  done
  [ -n "$pid" ] || { echo "panelist did not start"; exit 1; }
  sleep 3 # start-up (fonts, first frames) is not idle time
  local before after
  before=$(ticks_of "$pid")
  sleep "$seconds"
  after=$(ticks_of "$pid")
  kill -TERM "$pid"
  wait "$runner" || true
  awk -v t=$((after - before)) -v hz="$hz" -v s="$seconds" -v label="$1" \
    'BEGIN { printf "%-44s %6.2f%% of a core over %d s (%.2f s CPU)\n", label, 100 * t / hz / s, s, t / hz }'
}

measure "idle, Interview screen, clock running" interview
measure "idle, Library screen, no clock" library
