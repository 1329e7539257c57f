#!/usr/bin/env python3
"""The garbage collector's pauses and the JVM's safepoints in a time window of a unified JVM log.

Used with docs/bench/pulse-gaps.sh (see docs/spikes-view.md, "Pulse gaps"): run it with
  JAVA_OPTS="-Xlog:gc*,safepoint:file=$OUT/gc-%p.log:uptime,timemillis,tags"
then
  docs/bench/gc-pauses.py $OUT/gc-<pid of the app's JVM>.log FROM_MS TO_MS
where FROM_MS is the time (ms since 1970) of "recording 1 shown" in $OUT/app-1.log and TO_MS = FROM_MS + 60000
(the measured minute). Prints per kind of pause its count, total, median and longest; then all pauses; then the
five longest safepoints with the time their threads took to reach them ("reach": while one thread is not at
the safepoint yet, the others, the UI thread among them, already wait). G1 and ZGC logs both work.
"""
import collections
import re
import sys

PAUSE = re.compile(r'\[[0-9.]+s\]\[(\d+)ms\]\[gc(?:,phases)? +\] GC\(\d+\) '
                   r'(Pause \w+(?: \w+)?(?: \([\w ]+\))?(?: \([\w ]+\))?) .*?([0-9.]+)ms$')
SAFEPOINT = re.compile(r'\[[0-9.]+s\]\[(\d+)ms\]\[safepoint *\] Safepoint "(\w+)".*'
                       r'Reaching safepoint: (\d+) ns.*Total: (\d+) ns')


def main(path, start, end):
    kinds = collections.defaultdict(list)
    safepoints = []
    with open(path) as log:
        for line in log:
            pause = PAUSE.match(line.rstrip())
            if pause and start <= int(pause.group(1)) <= end:
                kinds[pause.group(2)].append(float(pause.group(3)))
            safepoint = SAFEPOINT.match(line)
            if safepoint and start <= int(safepoint.group(1)) <= end:
                safepoints.append((int(safepoint.group(4)) / 1e6, safepoint.group(2), int(safepoint.group(3)) / 1e6))
    for kind, pauses in sorted(kinds.items(), key=lambda item: -sum(item[1])):
        pauses.sort()
        print('%-58s n=%3d  total %6.0f ms  median %5.1f  longest %5.1f ms'
              % (kind, len(pauses), sum(pauses), pauses[len(pauses) // 2], pauses[-1]))
    every = sorted(p for pauses in kinds.values() for p in pauses)
    if every:
        print('all pauses: n=%d, total %.0f ms, longest %.1f ms; over 20 ms: %d, over 40 ms: %d'
              % (len(every), sum(every), every[-1], sum(p > 20 for p in every), sum(p > 40 for p in every)))
    else:
        print('no pauses')
    safepoints.sort(reverse=True)
    print('safepoints: n=%d; longest: %s' % (len(safepoints), ', '.join(
        '%.1f ms %s (reach %.1f)' % s for s in safepoints[:5])))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit('usage: gc-pauses.py GC_LOG FROM_MS TO_MS (see the top of this file)')
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
