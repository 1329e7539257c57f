#!/usr/bin/env python3
"""Prints MPBN Lab's `bench --json` rows beside torch_peer.py's as a Markdown table with the ratio
MPBN Lab / PyTorch median (above 1: MPBN Lab is faster).

Usage: compare.py TORCH_JSON MPBN_LAB_JSON
"""

import json
import sys

NAMES = {
    ("train", "off"): "training, no MPBN",
    ("train", "channel"): "training, MPBN",
    ("infer", "off"): "inference, no MPBN",
    ("infer", "channel"): "inference, MPBN (eval)",
    ("infer-folded", "channel"): "inference, MPBN folded",
    ("infer-deployable", "channel"): "inference, deployable",
}


def figure(value):
    """A rate with thin groups of thousands: 12 345."""
    return f"{value:,.0f}".replace(",", " ")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        peer = {(r["arch"], r["phase"], r["mpbn"]): r for r in json.load(f)["rows"]}
    with open(sys.argv[2]) as f:
        ours = {(r["arch"], r["phase"], r["mpbn"]): r["samplesPerSecond"] for r in json.load(f)}
    print("| quantity | PyTorch median (min–max) | MPBN Lab | ratio |")
    print("|---|---|---|---|")
    for key in ours:
        arch, phase, mpbn = key
        name = f"`{arch}` {NAMES.get((phase, mpbn), phase + ' ' + mpbn)}"
        mine = ours[key]
        if key in peer:
            p = peer[key]
            print(f"| {name} | {figure(p['median'])} ({figure(p['min'])}–{figure(p['max'])}) | {figure(mine)} "
                  f"| {mine / p['median']:.2f} |")
        else:
            print(f"| {name} | — | {figure(mine)} | |")


if __name__ == "__main__":
    main()
