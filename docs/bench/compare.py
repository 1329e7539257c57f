#!/usr/bin/env python3
"""Prints MPBN Lab's `bench --json` beside torch_peer.py's as a Markdown table, one row per figure.

Both reports give every figure as min, median and max samples per second over their repeats. Columns:
  PyTorch min / median / max    the peer's repeats
  MPBN Lab min / median / max   ours
  ratio                         MPBN Lab median / PyTorch median (above 1: MPBN Lab is faster)
  worst–best                    MPBN Lab min / PyTorch max  to  MPBN Lab max / PyTorch min: the ratio's range
                                when any repeat of one side is paired with any repeat of the other
  spread                        (max - min) / median in percent, per side: how far the repeats disagree

The two reports must have been measured with the same T and batch (the script refuses otherwise).

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


def spread(row):
    """(max - min) / median in percent."""
    return 100 * (row["max"] - row["min"]) / row["median"]


def triple(row):
    return f"{figure(row['min'])} / **{figure(row['median'])}** / {figure(row['max'])}"


def same_work(peer, ours):
    """Refuses reports measured with different T or batch: their ratio would compare different work."""
    for key in ("timesteps", "batch"):
        if peer.get(key) != ours.get(key):
            sys.exit(f"the reports differ in {key}: PyTorch {peer.get(key)}, MPBN Lab {ours.get(key)}; "
                     f"measure both with the same setting")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        peer_report = json.load(f)
    with open(sys.argv[2]) as f:
        our_report = json.load(f)
    same_work(peer_report, our_report)
    peer = {(r["arch"], r["phase"], r["mpbn"]): r for r in peer_report["rows"]}
    print(f"T = {our_report['timesteps']}, batch {our_report['batch']}; PyTorch {peer_report['repeats']} repeats "
          f"of {peer_report['seconds']:g} s, MPBN Lab {our_report['repeats']} repeats of "
          f"{our_report['secondsPerRepeat']:g} s; samples per second\n")
    print("| quantity | PyTorch min / median / max | spread | MPBN Lab min / median / max | spread "
          "| ratio | worst–best |")
    print("|---|---|---|---|---|---|---|")
    for mine in our_report["rows"]:
        key = (mine["arch"], mine["phase"], mine["mpbn"])
        name = f"`{mine['arch']}` {NAMES.get((mine['phase'], mine['mpbn']), mine['phase'] + ' ' + mine['mpbn'])}"
        ours = f"{triple(mine)} | {spread(mine):.1f}%"
        if key in peer:
            p = peer[key]
            print(f"| {name} | {triple(p)} | {spread(p):.1f}% | {ours} | **{mine['median'] / p['median']:.2f}** "
                  f"| {mine['min'] / p['max']:.2f}–{mine['max'] / p['min']:.2f} |")
        else:
            print(f"| {name} | — | | {ours} | | |")


if __name__ == "__main__":
    main()
