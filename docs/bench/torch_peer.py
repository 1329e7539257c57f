#!/usr/bin/env python3
"""MPBN Lab's PyTorch peer: the same networks as `java -jar target/mpbn-lab.jar bench`, written in plain
PyTorch, timed the same way, so that the two can be compared on one machine.

Networks (docs/mathematics.md has the equations; src/main/java/org/mpbnlab/snn/Presets.java the presets):

* mlp:        flatten -> 784-512 -> BN_pre -> LIF -> 512-256 -> BN_pre -> LIF -> readout 256-10
* conv-small: conv3x3 32 -> BN_pre -> LIF -> avgpool 2 -> conv3x3 64 -> BN_pre -> LIF -> avgpool 2 -> readout

Dense and conv layers before BN_pre have no bias; the readout has one. LIF: u_pre = tau*u + x, a hard
reset of the raw membrane u = u_pre*(1 - s), spikes s = [v > V_th] with v = u_pre (MPBN off) or v = MPBN(u_pre)
(MPBN channel-wise, batch statistics of each step in training, one set of running statistics shared by
all steps in evaluation), tanh surrogate gradient. BN_pre pools its statistics over all T*B rows. Direct
encoding: every step sees the same 28x28 image; the readout runs on the time-averaged spikes and the
loss is the softmax cross-entropy; Adam, learning rate 1e-3. Folded inference compares u_pre with
V~ = mu + (V_th - beta)*sqrt(var + eps)/gamma (the comparison reversed for gamma < 0, a constant neuron
for gamma = 0), computed in float32 as a PyTorch user would.

The input is a fixed set of random 28x28 images with random labels: throughput does not depend on what
the images show. Training samples/s: per repeat, train batches for --seconds and divide the samples by
the time; inference likewise in evaluation mode without gradients. Every figure is reported as min,
median and max over --repeats repeats, after --warmup untimed batches.

Prints one line per measurement to stderr and a JSON object to stdout:
{"peer": "pytorch", "torch": ..., "threads": ..., "timesteps": ..., "batch": ..., "repeats": ...,
 "rows": [{"arch", "mpbn", "phase", "min", "median", "max"}, ...]} where phase is train, infer or
infer-folded and the figures are samples per second.
"""

import argparse
import json
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

TAU = 0.25
V_TH = 0.5
EPSILON = 1e-5
MOMENTUM = 0.1
SURROGATE_K = 3.0


class TanhSurrogateSpike(torch.autograd.Function):
    """s = [v > V_th] forward; backward the slope of the tanh window on [0, 2*V_th] (z = v/(2*V_th))."""

    @staticmethod
    def forward(ctx, v):
        ctx.save_for_backward(v)
        return (v > V_TH).to(v.dtype)

    @staticmethod
    def backward(ctx, grad_spikes):
        (v,) = ctx.saved_tensors
        z = v / (2 * V_TH)
        inside = ((z >= 0) & (z <= 1)).to(v.dtype)
        slope = SURROGATE_K * (1 - torch.tanh(SURROGATE_K * (z - 0.5)) ** 2) / (2 * math.tanh(SURROGATE_K / 2))
        return grad_spikes * slope * inside / (2 * V_TH)


class Lif(nn.Module):
    """LIF neurons over T steps of a time-major [T*B, ...] input, with optional channel-wise MPBN."""

    def __init__(self, channels, conv, mpbn):
        super().__init__()
        norm = nn.BatchNorm2d if conv else nn.BatchNorm1d
        self.mpbn = norm(channels, eps=EPSILON, momentum=MOMENTUM) if mpbn else None
        self.folded = None

    def forward(self, x, steps):
        xs = x.view(steps, x.shape[0] // steps, *x.shape[1:])
        u = torch.zeros_like(xs[0])
        spikes = []
        for t in range(steps):
            u_pre = TAU * u + xs[t]
            if self.folded is not None:
                s = self.folded(u_pre)
            else:
                v = self.mpbn(u_pre) if self.mpbn is not None else u_pre
                s = TanhSurrogateSpike.apply(v)
            u = u_pre * (1 - s)
            spikes.append(s)
        return torch.stack(spikes).view_as(x)

    def fold(self):
        """Replaces MPBN by a comparison of u_pre with its folded threshold (evaluation only)."""
        bn = self.mpbn
        gamma, beta = bn.weight.detach(), bn.bias.detach()
        threshold = bn.running_mean + (V_TH - beta) * torch.sqrt(bn.running_var + EPSILON) / gamma
        direction = torch.sign(gamma)
        constant = (beta > V_TH).to(gamma.dtype)
        threshold = torch.where(gamma == 0, torch.zeros_like(threshold), threshold)
        shape = (1, -1, 1, 1) if isinstance(bn, nn.BatchNorm2d) else (1, -1)
        direction, threshold, constant = (a.view(shape) for a in (direction, threshold, constant))
        rising, falling, still = direction > 0, direction < 0, direction == 0

        def decide(u_pre):
            fires = torch.where(rising, u_pre > threshold, u_pre < threshold).to(u_pre.dtype)
            return torch.where(still, constant.expand_as(u_pre), fires)

        self.folded = decide


class SpikingNet(nn.Module):
    def __init__(self, arch, mpbn, classes=10):
        super().__init__()
        if arch == "mlp":
            self.ops = nn.ModuleList([nn.Linear(784, 512, bias=False), nn.Linear(512, 256, bias=False)])
            self.bns = nn.ModuleList([nn.BatchNorm1d(512), nn.BatchNorm1d(256)])
            self.lifs = nn.ModuleList([Lif(512, False, mpbn), Lif(256, False, mpbn)])
            self.pool = False
            self.readout = nn.Linear(256, classes)
        elif arch == "conv-small":
            self.ops = nn.ModuleList([nn.Conv2d(1, 32, 3, padding=1, bias=False),
                                      nn.Conv2d(32, 64, 3, padding=1, bias=False)])
            self.bns = nn.ModuleList([nn.BatchNorm2d(32), nn.BatchNorm2d(64)])
            self.lifs = nn.ModuleList([Lif(32, True, mpbn), Lif(64, True, mpbn)])
            self.pool = True
            self.readout = nn.Linear(64 * 7 * 7, classes)
        else:
            raise ValueError(f"unknown preset {arch!r}: use mlp or conv-small")

    def forward(self, images, steps):
        x = images.repeat(steps, *([1] * (images.dim() - 1)))  # [T*B, ...], row t*B + b
        if not self.pool:
            x = x.flatten(1)
        for op, bn, lif in zip(self.ops, self.bns, self.lifs):
            x = lif(bn(op(x)), steps)
            if self.pool:
                x = F.avg_pool2d(x, 2)
        x = x.flatten(1)
        averaged = x.view(steps, x.shape[0] // steps, -1).mean(0)
        return self.readout(averaged)

    def fold(self):
        for lif in self.lifs:
            lif.fold()


def timed_rates(step, batch, warmup, repeats, seconds):
    for _ in range(warmup):
        step()
    rates = []
    for _ in range(repeats):
        samples = 0
        start = time.perf_counter()
        while True:
            step()
            samples += batch
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        rates.append(samples / elapsed)
    return rates


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arch", default="mlp,conv-small", help="presets, comma-separated (default %(default)s)")
    parser.add_argument("--timesteps", type=int, default=4)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats per figure (default %(default)s)")
    parser.add_argument("--seconds", type=float, default=1.0, help="seconds per timed repeat (default %(default)s)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed batches first (default %(default)s)")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.batch < 2 or args.timesteps < 1 or args.repeats < 1 or args.seconds <= 0:
        parser.error("--batch must be at least 2, --timesteps and --repeats at least 1, --seconds above 0")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    pool = 4096
    images = torch.rand(pool, 1, 28, 28)
    labels = torch.randint(0, 10, (pool,))
    batches = pool // args.batch
    rows = []

    def report(arch, mpbn, phase, rates):
        row = {"arch": arch, "mpbn": mpbn, "phase": phase, "min": min(rates),
               "median": statistics.median(rates), "max": max(rates)}
        rows.append(row)
        print(f"{arch:<11} mpbn={mpbn:<8} {phase:<13} median {row['median']:9.1f}  "
              f"(min {row['min']:.1f}, max {row['max']:.1f}) samples/s", file=sys.stderr, flush=True)

    for arch in args.arch.split(","):
        for mpbn in ("off", "channel"):
            net = SpikingNet(arch, mpbn == "channel")
            optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
            cursor = [0]

            def train_step():
                k = cursor[0] % batches
                cursor[0] += 1
                x = images[k * args.batch:(k + 1) * args.batch]
                y = labels[k * args.batch:(k + 1) * args.batch]
                optimizer.zero_grad(set_to_none=True)
                loss = F.cross_entropy(net(x, args.timesteps), y)
                loss.backward()
                optimizer.step()

            net.train()
            report(arch, mpbn, "train",
                   timed_rates(train_step, args.batch, args.warmup, args.repeats, args.seconds))

            net.eval()
            test = images[:args.batch]

            def infer_step():
                with torch.no_grad():
                    net(test, args.timesteps)

            report(arch, mpbn, "infer", timed_rates(infer_step, args.batch, args.warmup, args.repeats, args.seconds))
            if mpbn == "channel":
                with torch.no_grad():
                    reference = net(test, args.timesteps).argmax(1)
                    net.fold()
                    folded = net(test, args.timesteps).argmax(1)
                changed = int((reference != folded).sum())
                print(f"{arch:<11} folded: {changed} of {args.batch} predictions differ from MPBN's",
                      file=sys.stderr, flush=True)
                report(arch, mpbn, "infer-folded",
                       timed_rates(infer_step, args.batch, args.warmup, args.repeats, args.seconds))

    print(json.dumps({"peer": "pytorch", "torch": torch.__version__, "threads": args.threads,
                      "timesteps": args.timesteps, "batch": args.batch, "repeats": args.repeats,
                      "seconds": args.seconds, "rows": rows}))


if __name__ == "__main__":
    main()
