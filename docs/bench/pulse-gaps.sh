#!/usr/bin/env bash
# Measures how long the app's window can freeze while a sample is recorded during training (issue 12's
# "longest FX pulse gap ≤ 50 ms"): runs the real app under Xvfb with -Dmpbnlab.pulseBench, which opens a
# conv-small model at T = 16, presses Play, shows the Spikes tab and, from its first recording on, for DURATION
# seconds alternately presses "Use current weights" and clicks the next gallery sample, 2 s after each recording
# is shown (the first showing of the view is reported on a line of its own)
# (see PulseBench.java). Prints, per repeat, the load average before it and the app's one-line result:
# pulses, longest gap, 99th percentile, gaps over 50 ms, the most the UI thread computed between two pulses (its
# CPU time, which depends little on the load); then the min / median / max of the longest gap.
# Needs Xvfb, a JDK 17 and Maven. Settings (environment): DISPLAY_NUMBER (default 91), REPEATS (3),
# DURATION (seconds, 60), SCREEN (1400x900x24, the app's full window size), OUT (a folder for logs and the model),
# JAVA_OPTS (more JVM options, e.g. a flight recording, or -XX:+UseG1GC to measure with the JVM's default collector
# instead of the app's ZGC), NICE (e.g. -15, needs root: runs Xvfb and the app
# each in a scheduling group of its own (a new session, see "autogroup" in `man 7 sched`) at that
# niceness, so that on a machine shared with other people's busy processes the app gets the cores about
# as if it ran alone; without NICE it competes with them as any program would).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
display=":${DISPLAY_NUMBER:-91}"
repeats="${REPEATS:-3}"
seconds="${DURATION:-60}"
screen="${SCREEN:-1400x900x24}"
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
cd "$root"
# the app as users start it: the jar with JavaFX's jars beside it (target/javafx), which the launcher puts on the
# module path of the app's JVM, with the app's garbage collector (AppCollector)
[ -f target/mpbn-lab.jar ] && [ -d target/javafx ] || mvn -q package -DskipTests
jar="$root/target/mpbn-lab.jar"
# a conv-small model at T = 16, opened at start with the app's --model
model="$out/conv-small-t16.zip"
if [ ! -f "$model" ]; then
    echo "training a conv-small model at T = 16 on 2 000 glyphs (about a minute or two)…"
    java -jar "$jar" train --dataset glyphs --arch conv-small --timesteps 16 --epochs 1 --limit 2000 \
        --out "$model" > "$out/train.log"
fi
if [ -e "/tmp/.X${display#:}-lock" ]; then
    echo "display $display is in use (/tmp/.X${display#:}-lock): choose another with DISPLAY_NUMBER" >&2
    exit 1
fi
if [ -n "${NICE:-}" ]; then
    nice=(setsid sh -c 'echo "$0" > /proc/self/autogroup && exec "$@"' "$NICE")
else
    nice=()
fi
"${nice[@]}" Xvfb "$display" -screen 0 "$screen" > "$out/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    [ -e "/tmp/.X11-unix/X${display#:}" ] && break
    sleep 0.1
done
results=()
for r in $(seq 1 "$repeats"); do
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    # the app keeps its settings in the user's folder; its run starts from the model either way
    (cd "$out" && DISPLAY="$display" "${nice[@]}" java ${JAVA_OPTS:-} -Dmpbnlab.pulseLog=true \
        -Dmpbnlab.pulseBench="$seconds" -jar "$jar" --model "$model" > "$out/result-$r.txt" 2> "$out/app-$r.log") || true
    line="$(grep -m1 'recordings shown' "$out/result-$r.txt" || true)"
    if [ -z "$line" ]; then
        echo "repeat $r: the app gave no result, see $out/app-$r.log" >&2
        exit 1
    fi
    echo "repeat $r (load average $load): ${line#pulse-bench: }"
    grep 'add up to\|garbage collector\|own work\|training went on' "$out/result-$r.txt" | sed 's/^pulse-bench: /    /' || true
    grep 'first showing' "$out/result-$r.txt" | sed 's/^pulse-bench: /    (not measured above) /' || true
    results+=("$(sed -E 's/.*longest gap ([0-9.]+) ms.*/\1/' <<< "$line")")
done
printf '%s\n' "${results[@]}" | sort -g | awk '{ v[NR] = $1 } END {
    printf "longest gap over %d repeats: min %.1f ms, median %.1f ms, max %.1f ms\n", NR, v[1],
        (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'
echo "logs in $out (each gap over 34 ms and each action, with its time in ms since 1970)"
