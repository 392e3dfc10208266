#!/usr/bin/env bash
# Whole-process figures under Xvfb with software GL (docs/performance.md): start to first frame
# with a 10k-question bank, and idle CPU on the Interview screen beside the stock ImGui loop
# that redraws every frame. Usage: benchmarks/whole_process.sh [BUILD_DIR] [IDLE_SECONDS]
set -euo pipefail
build=${1:-build/release}
seconds=${2:-10}
exe="$build/panelist"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1

# --- start to first frame, 10k questions -------------------------------------------------
"$build/benchmarks/panelist_make_bank" "$work/bank10k.db" 10000
start_to_first_frame() { # $1: "outside" to open the file as if changed outside Panelist
  local t0 t1
  # Without the note Panelist keeps of the file it closed (persistence/intact_note.hpp), the
  # open reads the whole file to check it, as after a copy or a change by another program.
  [ "${1:-}" = outside ] && rm -f "$work/backups/.bank10k.db.intact"
  sync # the last run's start-up backup goes to disk now, not during this start
  t0=$(date +%s%N)
  PANELIST_ANNOUNCE_FIRST_FRAME=1 "$exe" --db "$work/bank10k.db" --view library 2> >(grep -m1 -q "first frame" && echo done > "$work/ff") &
  local pid=$!
  while [ ! -s "$work/ff" ]; do sleep 0.005; done
  t1=$(date +%s%N)
  rm -f "$work/ff"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}
start_to_first_frame >/dev/null # warm the page cache and Mesa's shader cache once
report_start() { # $1: label, $2: argument for start_to_first_frame
  local times=() sorted
  for _ in 1 2 3 4 5 6 7; do times+=("$(start_to_first_frame "$2")"); done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "$1 median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p) ms  (runs: $sorted)"
}
report_start "start to first frame, 10k questions:        " usual
report_start "  the file changed outside Panelist (checked):" outside

# --- idle CPU, Interview screen, clock running ---------------------------------------------
"$exe" --db "$work/demo.db" demo >/dev/null
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU time of the live threads in ns (the main thread and Mesa's llvmpipe threads): finer than
# the 10 ms ticks, which one frame a second barely reaches.
cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f", s }'; }
idle_percent() { # $@: environment for the run; prints "% of one core by ticks" "% by ns"
  env "$@" "$exe" --db "$work/demo.db" --view interview 2>"$work/frames" &
  local pid=$!
  sleep 3 # start-up is not idle time
  local before after before_ns after_ns first last
  before=$(ticks "$pid"); before_ns=$(cpu_ns "$pid"); first=$(wc -l <"$work/frames")
  sleep "$seconds"
  after=$(ticks "$pid"); after_ns=$(cpu_ns "$pid"); last=$(wc -l <"$work/frames")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  sed -n "$((first + 1)),${last}p" "$work/frames" >"$work/idle_frames"
  awk -v t=$((after - before)) -v ns=$((after_ns - before_ns)) -v hz="$(getconf CLK_TCK)" -v s="$seconds" \
    'BEGIN { printf "%.2f %.3f\n", 100 * t / hz / s, 100 * ns / 1e9 / s }'
}
read -r ours ours_ns < <(idle_percent PANELIST_QUIET=1 PANELIST_ANNOUNCE_FRAMES=1)
frames=$(awk '/ drew / { n++; kind[$8]++; px += $9 } END {
  printf "%d (%d areas, %d whole, %d nothing), %.0f px drawn per frame", n, kind["areas,"], kind["whole,"],
    kind["nothing,"], n ? px / n : 0 }' "$work/idle_frames")
read -r stock stock_ns < <(idle_percent PANELIST_ALWAYS_REDRAW=1)
echo "idle CPU, Interview screen, clock running:  ${ours}% of a core over ${seconds} s (${ours_ns}% by thread ns)"
echo "  frames in those ${seconds} s: $frames"
echo "  baseline, stock loop redrawing every frame: ${stock}% of a core (${stock_ns}% by thread ns)"
awk -v a="$ours_ns" -v b="$stock_ns" 'BEGIN { if (a > 0) printf "  %.0fx below the baseline (by ns)\n", b / a }'
