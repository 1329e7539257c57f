"""Golden traces of the LIF + MPBN step, computed with NumPy outside the Java code.

Run from this folder:  python3 make_golden.py   (writes lif_traces.json next to it)

Each case is a layer of `neurons` neurons (a row of `groups` groups of `spatial` positions, channel
order), a batch of `batch` samples and `steps` time steps; arrays are [steps * batch, neurons], row
t * batch + b. The equations, one line each (see snn/reference/LifStep.java):

    u_pre[t] = tau * u[t-1] + x[t]                              charge, u[-1] = 0
    u_hat[t] = gamma * (u_pre[t] - mu) / sqrt(var + eps) + beta MPBN (u_hat = u_pre without it)
    s[t]     = u_hat[t] > v_th                                  fire
    u[t]     = u_pre[t] * (1 - s[t])                            hard reset of the raw membrane

Training-mode MPBN takes mu and var (biased) of the step's own batch per group; the running statistics
then move as mu_run = (1 - m) mu_run + m mu, var_run = (1 - m) var_run + m var n / (n - 1).
Folded neurons compare u_pre with a threshold per group: direction +1 fires when u_pre > V,
-1 when u_pre < V, 0 (gamma = 0) always when V < 0 and never when V > 0.
Every case keeps the compared value at least 1e-3 away from its threshold, so that a float32 engine
must reproduce every spike.
"""
import json

import numpy as np

EPS = 1e-5
MOMENTUM = 0.1


def group_of(neurons, spatial):
    return np.arange(neurons) // spatial


def run(case, x):
    steps, batch, neurons = case["steps"], case["batch"], case["neurons"]
    spatial = case.get("spatial", 1)
    g = group_of(neurons, spatial)
    tau, vth = case["tau"], case["threshold"]
    x = x.reshape(steps, batch, neurons)
    u = np.zeros((batch, neurons))
    u_pre_all, compared_all, spikes_all = [], [], []
    margin = np.inf
    run_mean = np.array(case.get("runningMean", [[0.0]]), dtype=float)
    run_var = np.array(case.get("runningVar", [[1.0]]), dtype=float)
    for t in range(steps):
        u_pre = tau * u + x[t]
        kind = case["kind"]
        if kind == "lif":
            value = u_pre
            s = value > vth
            margin = min(margin, np.min(np.abs(value - vth)))
        elif kind in ("mpbn", "mpbn-training"):
            gamma = np.array(case["gamma"])[g]
            beta = np.array(case["beta"])[g]
            if kind == "mpbn":
                st = 0 if len(case["mean"]) == 1 else t
                mu = np.array(case["mean"][st])[g]
                var = np.array(case["variance"][st])[g]
            else:
                groups = neurons // spatial
                grouped = u_pre.reshape(batch, groups, spatial)
                mu_g = grouped.mean(axis=(0, 2))
                var_g = ((grouped - mu_g[None, :, None]) ** 2).mean(axis=(0, 2))
                n = batch * spatial
                st = 0 if run_mean.shape[0] == 1 else t
                run_mean[st] = (1 - MOMENTUM) * run_mean[st] + MOMENTUM * mu_g
                run_var[st] = (1 - MOMENTUM) * run_var[st] + MOMENTUM * var_g * n / (n - 1)
                mu, var = mu_g[g], var_g[g]
            value = gamma * (u_pre - mu) / np.sqrt(var + EPS) + beta
            s = value > vth
            margin = min(margin, np.min(np.abs(value - vth)))
        elif kind == "folded":
            st = 0 if len(case["foldedThreshold"]) == 1 else t
            v = np.array(case["foldedThreshold"][st])[g]
            d = np.array(case["direction"][st])[g]
            value = u_pre
            s = np.where(d > 0, u_pre > v, np.where(d < 0, u_pre < v, v < 0))
            looked = d != 0
            if looked.any():
                margin = min(margin, np.min(np.abs(u_pre - v)[:, looked]))
        else:
            raise ValueError(kind)
        s = s.astype(float)
        u = u_pre * (1 - s)
        u_pre_all.append(u_pre)
        compared_all.append(value)
        spikes_all.append(s)
    if margin <= 1e-3:
        return None
    case["uPre"] = np.concatenate(u_pre_all).tolist()
    case["compared"] = np.concatenate(compared_all).tolist()
    case["spikes"] = np.concatenate(spikes_all).astype(int).tolist()
    if case["kind"] == "mpbn-training":
        case["runningMeanAfter"] = run_mean.tolist()
        case["runningVarAfter"] = run_var.tolist()
    return case


def make(name, kind, steps, batch, neurons, rng, **extra):
    case = {"name": name, "kind": kind, "steps": steps, "batch": batch, "neurons": neurons,
            "tau": 0.25, "threshold": 0.5, "epsilon": EPS, "momentum": MOMENTUM}
    case.update(extra)
    # inputs on a grid of float32-exact values (so that the Java engines read exactly these), drawn again
    # until every compared value is clear of its threshold
    for _ in range(1000):
        x = np.round(rng.normal(0.35, 0.45, size=(steps * batch, neurons)) * 1024) / 1024
        done = run(dict(case, input=x.tolist()), x)
        if done is not None:
            return done
    raise RuntimeError("no input clear of the thresholds for " + name)


def main():
    rng = np.random.default_rng(20261201)
    cases = [
        make("plain LIF", "lif", 6, 2, 3, rng),
        make("channel MPBN, given statistics: gamma > 0, gamma < 0, gamma = 0 (beta above V_th), gamma = -0.0",
             "mpbn", 4, 2, 8, rng, mode="channel", spatial=2, shape=[4, 1, 2],
             gamma=[1.25, -0.75, 0.0, -0.0], beta=[0.125, 0.25, 0.625, 0.375],
             mean=[[0.25, 0.5, -0.125, 0.0]], variance=[[0.5, 0.25, 1.0, 0.75]]),
        make("element MPBN, given per-step statistics", "mpbn", 3, 2, 3, rng, mode="element", spatial=1, shape=[3],
             gamma=[0.5, 1.5, -1.0], beta=[0.0, 0.25, 0.5],
             mean=[[0.25, 0.0, 0.5], [0.375, 0.125, 0.25], [0.5, 0.25, 0.0]],
             variance=[[0.25, 0.5, 1.0], [0.125, 0.25, 0.5], [1.0, 0.75, 0.5]]),
        make("channel MPBN in training (batch statistics), per-step running statistics", "mpbn-training",
             3, 3, 4, rng, mode="channel", spatial=2, shape=[2, 2, 1], gamma=[1.0, -0.5], beta=[0.25, 0.5],
             runningMean=[[0.0, 0.0]] * 3, runningVar=[[1.0, 1.0]] * 3),
        make("folded: directions +1, -1, 0 (always), 0 (never)", "folded", 5, 2, 4, rng, spatial=1,
             shape=[4], foldedThreshold=[[0.4375, 0.125, -1.0, 1.0]], direction=[[1, -1, 0, 0]]),
    ]
    with open("lif_traces.json", "w") as out:
        json.dump({"generator": "make_golden.py", "cases": cases}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
