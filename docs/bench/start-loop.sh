#!/usr/bin/env bash
# Starts the desktop app again and again under a virtual screen and waits for its main window (the app's
# line "startup: main window shown", which -Dmpbnlab.pulseLog=true makes it write), to catch a rare
# start-up hang (docs/architecture.md, "Start-up"). Each start runs with safepoint logging and a safepoint
# timeout, so that a thread that keeps the JVM from reaching a safepoint is named in its output; when the
# window does not appear within TIMEOUT seconds, the script saves the JVMs' thread dumps and the kernel's view
# of their threads before it kills them. Needs Xvfb and xdotool; JavaFX's jars in target/javafx (mvn package).
# Settings (environment): STARTS (25), TIMEOUT (60), DISPLAY_NUMBER (93), SAFEPOINT_MS (5000: the time after
# which a slow safepoint is reported with the threads that have not reached it), OUT (a folder for the results).
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
starts="${STARTS:-25}"; timeout_s="${TIMEOUT:-60}"; display=":${DISPLAY_NUMBER:-93}"
safepoint_ms="${SAFEPOINT_MS:-5000}"; out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
Xvfb "$display" -screen 0 1280x720x24 > "$out/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill -9 $xvfb 2>/dev/null' EXIT
export DISPLAY="$display"
for i in $(seq 1 "$starts"); do
    run="$out/$i"; mkdir -p "$run"
    # the previous start's window must be gone, or the search below would find it
    timeout 10 sh -c 'while xdotool search --name "MPBN Lab" > /dev/null 2>&1; do sleep 0.2; done'
    began=$(date +%s.%N)
    java "-Xlog:safepoint*=info:file=$run/safepoint-%p.log:uptime,tid" -XX:+UnlockDiagnosticVMOptions \
        -Dmpbnlab.pulseLog=true -XX:+SafepointTimeout "-XX:SafepointTimeoutDelay=$safepoint_ms" -jar "$root/target/mpbn-lab.jar" \
        > "$run/stdout.txt" 2> "$run/stderr.txt" &
    launcher=$!
    if timeout "$timeout_s" sh -c "until grep -qs 'main window shown' '$run/stderr.txt'; do sleep 0.2; done"; then
        echo "$i window after $(echo "$(date +%s.%N) - $began" | bc) s, load $(cut -d' ' -f1 /proc/loadavg)" \
            | tee -a "$out/summary.txt"
    else
        echo "$i NO WINDOW after $timeout_s s, load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/summary.txt"
        for pid in $launcher $(pgrep -P $launcher); do
            for task in /proc/$pid/task/*; do
                echo "$(basename "$task") $(cat "$task/comm") $(awk '{print $3, $14, $15}' "$task/stat")"
            done > "$run/threads-$pid.txt" 2>&1   # tid, name, state, user and system ticks
            timeout 20 jstack -l "$pid" > "$run/jstack-$pid.txt" 2>&1
        done
    fi
    for pid in $(pgrep -P $launcher) $launcher; do kill -9 "$pid" 2>/dev/null; done
    wait $launcher 2>/dev/null
done
grep -c "NO WINDOW" "$out/summary.txt" | xargs -I{} echo "{} of $starts starts without a window; results in $out"
