"""The PyTorch reference for the CPU conv-net comparison (scripts/bench/torch/convSideBySide.ts runs it
interleaved with Spikelab's step and compares the medians; docs/bench.md "Known gaps").

Two networks on the shipped N-MNIST frames (public/datasets/nmnist64-train: [N, T/8, 2·34·34]
bit-packed along time, np.packbits order), time-major [T, B, 2, 34, 34]:

  B         bench workload B (docs/specs/bench.md §3, m = 1; src/harness/bench/benchWorkloadB.ts):
            Conv 5×5 VALID 2→12, LIF, MaxPool 2, Conv 5×5 VALID 12→32, LIF, MaxPool 2, Flatten
            (c, h, w), Linear 800→10, LI; no biases; scalar learnable β = 0.5 per layer; Spyx
            LIF (s_t = H(V_{t−1} − 1), V_t = clip(β)·V_{t−1} + I_t − s_t, reset not detached);
            SuperSpike k = 25; logits Σ_t U_t, cross-entropy with label smoothing 0.3; Adam 2e-2.
            Weights drawn as the spec's §1.3 (mulberry32(42): Wc1, Wc2, W3), so the first loss
            matches Spikelab's on the same batch.
  template  the lab's N-MNIST conv net (src/engine/graph/templates.ts nmnistConvNet): Conv 5×5/2
            pad 1 2→8 (+bias), LIF, SumPool 2, Conv 3×3 pad 1 8→16 (+bias), LIF, AvgPool 2,
            Flatten, Affine 256→10, LI; NIR LIF at dt = 1 ms (β = 0.95 fixed, v ← 0 on a spike
            of the updated membrane, reset detached), LI β = 0.95; loss: the mean readout over T
            divided by the LI gain (mean_membrane_ce), label smoothing 0.3, Adam 1e-2. Same shapes, its own init.

Each LIF runs as one hand-written autograd Function (the forward loop over T without a tape, a
reverse-time loop for the backward), the strongest PyTorch formulation of the scan; `--lif loop`
runs the plain autograd loop instead. A step gathers the batch from the packed bytes and unpacks it
inside the timed region (as Spikelab's resident dataset does), then forward, backward, Adam.

  /usr/bin/python3 scripts/bench/torch/nmnist_conv.py --net B --T 64 --batch 16 --warmup 1 --steps 3 [--threads 2]

Prints one JSON line: median / min / max ms per step over the timed steps, the losses, the firing
rate of the first spiking layer. Needs Debian's python3-torch and numpy only.
"""
import argparse
import gzip
import json
import math
import os
import statistics
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F

M32 = 0xFFFFFFFF
SIDE = 34
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'public', 'datasets', 'nmnist64-train.safetensors.gz')


class Mulberry32:
    """Bit-exact twin of src/engine/core/rng.ts mulberry32 (docs/specs/reference/canon.py)."""

    def __init__(self, seed):
        self.a = seed & M32

    def uniform(self):
        self.a = (self.a + 0x6D2B79F5) & M32
        t = self.a
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & M32)) & M32) ^ t
        return ((t ^ (t >> 14)) & M32) / 4294967296.0


def load_packed(path):
    """The shipped split as (packed uint8 [N, T/8, F], labels uint8 [N], T)."""
    raw = gzip.open(path).read()
    n = struct.unpack('<Q', raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    body = raw[8 + n:]

    def tensor(key):
        info = header[key]
        start, end = info['data_offsets']
        return np.frombuffer(body[start:end], np.uint8).reshape(info['shape'])

    return tensor('spikes'), tensor('labels'), int(header['__metadata__']['T'])


def unpack(packed, T):
    """[B, T/8, F] bytes → [T, B, 2, 34, 34] floats; step t is bit 7 − t mod 8 of byte t/8."""
    shifts = torch.arange(7, -1, -1, dtype=torch.uint8)
    bits = (packed.unsqueeze(2) >> shifts.view(1, 1, 8, 1)) & 1  # [B, T/8, 8, F]
    B = packed.shape[0]
    return bits.reshape(B, -1, packed.shape[-1])[:, :T].transpose(0, 1).reshape(T, B, 2, SIDE, SIDE).float()


def superspike(z):
    """SuperSpike / fast sigmoid k = 25: g(z) = 1 / (1 + 25|z|)²."""
    return 1.0 / (1.0 + 25.0 * z.abs()) ** 2


class SpyxLif(torch.autograd.Function):
    """x [T, B, ...], scalar β: s_t = H(V_{t−1} − 1), V_t = ĉ·V_{t−1} + x_t − s_t (V_{−1} = 0), ĉ = clip(β, 0, 1).

    Backward with a_t = ∂L/∂V_t (a_{T−1} = 0): ∂x_t = a_t, ∂ĉ = Σ_t a_t·V_{t−1},
    a_{t−1} = a_t·(ĉ − g_t) + ∂s_t·g_t with g_t = g(V_{t−1} − 1).
    """

    @staticmethod
    def forward(ctx, x, beta):
        c = beta.clamp(0, 1)
        T = x.shape[0]
        v = torch.zeros_like(x[0])
        vs = torch.empty_like(x)  # vs[t] = V_{t−1}
        out = torch.empty_like(x)
        for t in range(T):
            vs[t] = v
            s = (v > 1).float()
            out[t] = s
            v = c * v + x[t] - s
        ctx.save_for_backward(vs, c, beta)
        return out

    @staticmethod
    def backward(ctx, ds):
        vs, c, beta = ctx.saved_tensors
        T = vs.shape[0]
        dx = torch.empty_like(vs)
        a = torch.zeros_like(vs[0])
        dc = torch.zeros((), dtype=vs.dtype)
        for t in range(T - 1, -1, -1):
            dx[t] = a
            dc += (a * vs[t]).sum()
            g = superspike(vs[t] - 1)
            a = a * (c - g) + ds[t] * g
        return dx, dc * ((beta >= 0) & (beta <= 1)).to(dc.dtype)


class NirLif(torch.autograd.Function):
    """x [T, B, ...]: m_t = β·v_{t−1} + x_t, s_t = H(m_t − 1), v_t = m_t·(1 − s_t) (reset to 0, detached); β fixed.

    Backward with b_t = ∂L/∂m_t: b_t = ∂s_t·g(m_t − 1) + β·(1 − s_t)·b_{t+1}; ∂x_t = b_t.
    """

    @staticmethod
    def forward(ctx, x, beta):
        T = x.shape[0]
        v = torch.zeros_like(x[0])
        ms = torch.empty_like(x)
        out = torch.empty_like(x)
        for t in range(T):
            m = beta * v + x[t]
            s = (m > 1).float()
            ms[t] = m
            out[t] = s
            v = m * (1 - s)
        ctx.save_for_backward(ms, out)
        ctx.beta = beta
        return out

    @staticmethod
    def backward(ctx, ds):
        ms, out = ctx.saved_tensors
        beta = ctx.beta
        dx = torch.empty_like(ms)
        b = torch.zeros_like(ms[0])
        for t in range(ms.shape[0] - 1, -1, -1):
            b = ds[t] * superspike(ms[t] - 1) + beta * (1 - out[t]) * b
            dx[t] = b
        return dx, None


def spyx_lif_loop(x, beta):
    """SpyxLif as a plain autograd loop (--lif loop)."""
    c = beta.clamp(0, 1)
    v = torch.zeros_like(x[0])
    out = []
    for t in range(x.shape[0]):
        s = SpikeFn.apply(v - 1)
        out.append(s)
        v = c * v + x[t] - s
    return torch.stack(out)


def nir_lif_loop(x, beta):
    """NirLif as a plain autograd loop (--lif loop)."""
    v = torch.zeros_like(x[0])
    out = []
    for t in range(x.shape[0]):
        m = beta * v + x[t]
        s = SpikeFn.apply(m - 1)
        out.append(s)
        v = m * (1 - s.detach())
    return torch.stack(out)


class SpikeFn(torch.autograd.Function):
    """H(z) forward, SuperSpike backward."""

    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return (z > 0).float()

    @staticmethod
    def backward(ctx, g):
        (z,) = ctx.saved_tensors
        return g * superspike(z)


def leaky(x, beta):
    """LI: U_t = β·U_{t−1} + x_t over T (autograd loop; 10 neurons)."""
    u = torch.zeros_like(x[0])
    out = []
    for t in range(x.shape[0]):
        u = beta * u + x[t]
        out.append(u)
    return torch.stack(out)


def workload_b(T, B, fused):
    r = Mulberry32(42)

    def draw(shape, a):
        n = int(np.prod(shape))
        return torch.tensor(np.array([(2 * r.uniform() - 1) * a for _ in range(n)], np.float64).astype(np.float32).reshape(shape))

    wc1 = draw([12, 2, 5, 5], 1.7321 / math.sqrt(2 * 25)).requires_grad_()
    wc2 = draw([32, 12, 5, 5], 1.7321 / math.sqrt(12 * 25)).requires_grad_()
    w3 = draw([800, 10], 1.5235 / math.sqrt(800)).requires_grad_()
    betas = [torch.tensor(0.5, requires_grad=True) for _ in range(3)]
    lif = SpyxLif.apply if fused else spyx_lif_loop

    def loss_of(x, y):
        TB = T * B
        a1 = F.conv2d(x.reshape(TB, 2, SIDE, SIDE), wc1)
        s1 = lif(a1.view(T, B, 12, 30, 30), betas[0]).view(TB, 12, 30, 30)
        a2 = F.conv2d(F.max_pool2d(s1, 2), wc2)
        s2 = lif(a2.view(T, B, 32, 11, 11), betas[1]).view(TB, 32, 11, 11)
        i3 = (F.max_pool2d(s2, 2).reshape(TB, 800) @ w3).view(T, B, 10)
        logits = leaky(i3, betas[2].clamp(0, 1)).sum(0)
        return F.cross_entropy(logits, y, label_smoothing=0.3), s1

    return [wc1, wc2, w3, *betas], loss_of, 2e-2


def template(T, B, fused):
    torch.manual_seed(4)
    conv1 = torch.nn.Conv2d(2, 8, 5, stride=2, padding=1)
    conv2 = torch.nn.Conv2d(8, 16, 3, padding=1)
    fc = torch.nn.Linear(256, 10)
    beta = 0.95
    lif = (lambda x: NirLif.apply(x, beta)) if fused else (lambda x: nir_lif_loop(x, beta))

    def loss_of(x, y):
        TB = T * B
        s1 = lif(conv1(x.reshape(TB, 2, SIDE, SIDE)).view(T, B, 8, 16, 16)).view(TB, 8, 16, 16)
        p1 = F.avg_pool2d(s1, 2) * 4  # SumPool 2
        s2 = lif(conv2(p1).view(T, B, 16, 8, 8)).view(TB, 16, 8, 8)
        i3 = fc(F.avg_pool2d(s2, 2).reshape(TB, 256)).view(T, B, 10)
        u = leaky(i3, beta)
        logits = u.mean(0) * (1 - beta)  # the mean readout over the LI gain 1/(1 − β)
        return F.cross_entropy(logits, y, label_smoothing=0.3), s1

    params = [*conv1.parameters(), *conv2.parameters(), *fc.parameters()]
    return params, loss_of, 1e-2


def timed_steps(opt, warmup, steps, forward):
    """`warmup` + `steps` training steps: forward(i) gives the loss and the first layer's spikes, then
    backward and the optimiser's step; each timed from before forward to after loss.item().
    Returns the timed steps' median, min and max ms and every loss, and the first step's firing rate."""
    times, losses, rate = [], [], None
    for i in range(warmup + steps):
        started = time.perf_counter()
        loss, s = forward(i)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        value = loss.item()
        ms = (time.perf_counter() - started) * 1e3
        if rate is None:
            rate = s.detach().mean().item()
        losses.append(round(value, 6))
        if i >= warmup:
            times.append(ms)
    return {'ms_per_step': round(statistics.median(times), 1), 'ms_min': round(min(times), 1), 'ms_max': round(max(times), 1), 'losses': losses}, rate


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--net', choices=['B', 'template'], default='B')
    p.add_argument('--T', type=int, default=64)
    p.add_argument('--batch', type=int, default=16)
    p.add_argument('--warmup', type=int, default=1)
    p.add_argument('--steps', type=int, default=3)
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--lif', choices=['fused', 'loop'], default='fused')
    p.add_argument('--data', default=DATA)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    packed_np, labels_np, T_data = load_packed(a.data)
    if a.T > T_data:
        raise SystemExit(f'{a.data} has T = {T_data}; --T {a.T} is longer.')
    packed = torch.from_numpy(packed_np.copy())
    labels = torch.from_numpy(labels_np.astype(np.int64))
    params, loss_of, lr = (workload_b if a.net == 'B' else template)(a.T, a.batch, a.lif == 'fused')
    opt = torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-8)
    perm = torch.randperm(packed.shape[0], generator=torch.Generator().manual_seed(0))

    def forward(i):
        idx = perm[(i * a.batch) % (packed.shape[0] - a.batch + 1):][:a.batch]
        return loss_of(unpack(packed[idx], a.T), labels[idx])

    timed, rate = timed_steps(opt, a.warmup, a.steps, forward)
    print(json.dumps({
        'impl': f'pytorch {torch.__version__} ({a.lif} LIF)', 'net': a.net, 'T': a.T, 'B': a.batch, 'threads': torch.get_num_threads(),
        'warmup': a.warmup, 'steps': a.steps, **timed, 'rate_layer1': round(rate, 4),
    }))


if __name__ == '__main__':
    main()
