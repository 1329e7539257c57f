#!/usr/bin/env bash
# Measures MPBN Lab's `bench` and our PyTorch peer (docs/bench/torch_peer.py) back to back on this machine,
# with the same presets, T, batch, repeats and seconds per repeat, and prints a table of both (min, median
# and max of each side, the ratio of the medians and its worst–best range, each side's spread); see
# docs/benchmarks.md. Needs a JDK 17, Maven, /usr/bin/python3 with PyTorch (Debian: python3-torch) and,
# for PyTorch's matrix products, OpenBLAS (Debian: libopenblas0-openmp).
# Run it on a quiet machine (`uptime` load well below the number of cores): both sides only measure.
# Settings (environment): REPEATS (default 5), SECONDS_PER_REPEAT (default 1), ARCH (default
# mlp,conv-small), TIMESTEPS (default 4), BATCH (default 64), OUT (a folder for the raw results).
# About 3 minutes with the defaults on 2 idle cores; REPEATS=3 SECONDS_PER_REPEAT=0.5 takes about 2.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${OUT:-$(mktemp -d)}"
repeats="${REPEATS:-5}"
seconds="${SECONDS_PER_REPEAT:-1}"
arch="${ARCH:-mlp,conv-small}"
timesteps="${TIMESTEPS:-4}"
batch="${BATCH:-64}"
mkdir -p "$out"
cd "$root"
# (re)build the jar when it is missing or older than the sources, so that the figures are the code's
if [ ! -f target/mpbn-lab.jar ] || [ -n "$(find src pom.xml -newer target/mpbn-lab.jar -print -quit)" ]; then
    mvn -q -o package -DskipTests || mvn -q package -DskipTests
fi
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
# the same native settings on both sides: 2 threads, passive OpenMP waits, glibc malloc keeping large
# buffers (what the jar's NativeTuning sets for itself)
export OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive PYTHONDONTWRITEBYTECODE=1
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=17179869184
settings=(--arch "$arch" --timesteps "$timesteps" --batch "$batch" --repeats "$repeats" --seconds "$seconds")
echo "load before: $(uptime)" | tee "$out/load.txt"
env LD_LIBRARY_PATH="$openblas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    /usr/bin/python3 docs/bench/torch_peer.py "${settings[@]}" > "$out/torch.json"
java -jar target/mpbn-lab.jar bench "${settings[@]}" --json | tee "$out/mpbn-lab.log"
echo "load after: $(uptime)" | tee -a "$out/load.txt"
tail -n 1 "$out/mpbn-lab.log" > "$out/mpbn-lab.json"
/usr/bin/python3 docs/bench/compare.py "$out/torch.json" "$out/mpbn-lab.json" | tee "$out/table.md"
echo "raw results in $out"
