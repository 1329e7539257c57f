#!/usr/bin/env bash
# Measures MPBN Lab and the PyTorch reference (../shared/bench/torch_ref.py) one after the other on this
# machine, so that docs/benchmarks.md can compare ratios. Needs the Debian packages listed in
# ../shared/bench/README.md (python3-torch, python3-numpy, dataset-fashion-mnist, libopenblas0-openmp).
# Run on a quiet machine: both sides discard or flag disturbed repeats only partly.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${SHARED_BENCH:-$here/../shared/bench}"
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
cp -r "$shared" "$out/torch"
cd "$out/torch"
lib=/usr/lib/x86_64-linux-gnu
env LD_LIBRARY_PATH="$lib/openblas-openmp" \
    GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=17179869184 \
    OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 torch_ref.py --label main --sections train,infer --no-fold-check \
      --train-configs mlp:4:0:fn,mlp:4:1:fn,conv:4:0:fn,conv:4:1:fn \
      --infer-configs mlp:4:0,mlp:4:1,conv:4:0,conv:4:1 --repeats 3 \
      --json "$out/torch.json" | tee "$out/torch.log"
cd "$here"
java -jar target/mpbn-lab.jar bench --repeats 5 --seconds 1 --json | tee "$out/mpbn-lab.log"
echo "results in $out"
