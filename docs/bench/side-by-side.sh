#!/usr/bin/env bash
# Measures MPBN Lab's `bench` and our PyTorch peer (docs/bench/torch_peer.py) back to back on this machine
# and prints a table of both with their ratio. Needs a JDK 17, Maven, /usr/bin/python3 with PyTorch
# (Debian: python3-torch) and, for PyTorch's matrix products, OpenBLAS (Debian: libopenblas0-openmp).
# Run it on a quiet machine (`uptime` load well below the number of cores): both sides only measure.
# Settings: REPEATS (default 5), SECONDS_PER_REPEAT (default 1), OUT (a folder for the raw results).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${OUT:-$(mktemp -d)}"
repeats="${REPEATS:-5}"
seconds="${SECONDS_PER_REPEAT:-1}"
mkdir -p "$out"
cd "$root"
[ -f target/mpbn-lab.jar ] || mvn -q package -DskipTests
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
# the same native settings on both sides: 2 threads, passive OpenMP waits, glibc malloc keeping large
# buffers (what the jar's NativeTuning sets for itself)
export OMP_NUM_THREADS=2 OMP_WAIT_POLICY=passive PYTHONDONTWRITEBYTECODE=1
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=17179869184
env LD_LIBRARY_PATH="$openblas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    /usr/bin/python3 docs/bench/torch_peer.py --repeats "$repeats" --seconds "$seconds" > "$out/torch.json"
java -jar target/mpbn-lab.jar bench --repeats "$repeats" --seconds "$seconds" --json | tee "$out/mpbn-lab.log"
tail -n 1 "$out/mpbn-lab.log" > "$out/mpbn-lab.json"
/usr/bin/python3 docs/bench/compare.py "$out/torch.json" "$out/mpbn-lab.json"
echo "raw results in $out"
