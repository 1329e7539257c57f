#!/usr/bin/env bash
# Regenerates the sample models from fixed seeds (run from anywhere; takes a few minutes on 2 cores).
# Same machine + same seed → bit-identical files.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/mpbn-lab.jar ] || mvn -q package -DskipTests
run() { java -jar target/mpbn-lab.jar train "$@"; }
run --dataset glyphs  --arch mlp    --mpbn channel --epochs 2 --seed 0 --out sample-models/glyphs-mlp-mpbn.zip
run --dataset glyphs  --arch mlp    --mpbn off     --epochs 2 --seed 0 --out sample-models/glyphs-mlp-plain.zip
run --dataset spirals --arch mlp-2d --mpbn channel --mpbn-stats per-step --epochs 20 --lr 3e-2 --seed 0 \
    --out sample-models/spirals-mlp2d-mpbn.zip
# the lesson of the Fold view's "naive fold" switch: on this model the float32 formula flips a few spikes
run --dataset glyphs  --arch conv-small --mpbn channel --epochs 1 --seed 0 --out sample-models/glyphs-conv-small-mpbn.zip
