"""The hand-fused PyTorch reference for workload W1 (docs/specs/webgpu.md, "Workload W1 and the peer
baseline"; scripts/bench/torch/w1SideBySide.ts runs it interleaved with Spikelab's W1 step).

W1, time-major t = 0..T−1, batch B, 700 inputs, hidden H, 20 classes:

  I1[t]  = x[t] @ W1ᵀ                      Linear 700→H, no bias, x ~ Bernoulli(0.02)
  m[t]   = β·m[t−1] + I1[t] − θ·s[t−1]      LIF, subtractive reset (reset term detached)
  s[t]   = H(m[t] − θ)                      fast sigmoid: ds/dm = 1 / (1 + 25|m − θ|)²
  I2[t]  = s[t] @ W2ᵀ                      Linear H→20, no bias
  v[t]   = β·v[t−1] + I2[t]                 leaky-integrator readout
  logits = Σ_t v[t];  loss = cross-entropy(logits, y)

β = 0.95 fixed, θ = 1, m[−1] = s[−1] = v[−1] = 0, Adam lr 1e-3, BPTT through all T. Weights
W1 ~ U(±2·√(3/700)), W2 ~ U(±0.02/√H) drawn with mulberry32(42) in the order of
src/engine/workloads/w1Graph.ts (W1 then W2), so the weights are Spikelab's.

Hand-fused: one input matmul over all T·B rows; the LIF is one autograd Function (a forward loop
over T in place, no tape; a reverse-time loop for the backward with the surrogate computed for all
T at once); the readout matmul over all T·B rows; the LI's time sum in closed form,
Σ_t v[t] = Σ_t c_t·I2[t] with c_t = (1 − β^(T−t)) / (1 − β) (one contraction, exact). The inputs
are made once (torch.bernoulli, seed 7) and stay resident as float batches, as in the spec's
baseline. A step: forward, loss, backward, Adam, the loss read back.

  /usr/bin/python3 scripts/bench/torch/w1_fused.py --T 100 --batch 256 --hidden 128 --warmup 3 --steps 10 [--threads 2]

Prints one JSON line: median / min / max ms per step over the timed steps, the losses, the hidden
firing rate of the first step. Needs Debian's python3-torch and numpy only.
"""
import argparse
import json

import numpy as np
import torch
import torch.nn.functional as F

from nmnist_conv import Mulberry32, superspike, timed_steps

INPUTS = 700
CLASSES = 20
BETA = 0.95
THETA = 1.0
BATCHES = 2


class SubtractLif(torch.autograd.Function):
    """I [T, B, H] → s [T, B, H]: m_t = β·m_{t−1} + I_t − θ·s_{t−1}, s_t = H(m_t − θ) (reset detached).

    Backward with b_t = ∂L/∂m_t (b_T = 0): b_t = ∂s_t·g(m_t − θ) + β·b_{t+1}; ∂I_t = b_t.
    """

    @staticmethod
    def forward(ctx, current):
        T = current.shape[0]
        ms = torch.empty_like(current)
        out = torch.empty_like(current)
        m = torch.zeros_like(current[0])
        s = torch.zeros_like(current[0])
        for t in range(T):
            m.mul_(BETA).add_(current[t]).sub_(s, alpha=THETA)
            torch.gt(m, THETA, out=out[t])  # bool → float in place
            s = out[t]
            ms[t] = m
        ctx.save_for_backward(ms)
        return out

    @staticmethod
    def backward(ctx, ds):
        (ms,) = ctx.saved_tensors
        grad = ds * superspike(ms - THETA)  # ∂s_t·g_t for all T at once
        b = torch.zeros_like(ms[0])
        for t in range(ms.shape[0] - 1, -1, -1):
            b.mul_(BETA).add_(grad[t])
            grad[t] = b
        return grad


def weights(H):
    r = Mulberry32(42)

    def draw(count, a):
        return np.array([(2 * r.uniform() - 1) * a for _ in range(count)], np.float64).astype(np.float32)

    w1 = torch.tensor(draw(H * INPUTS, 2 * (3 / INPUTS) ** 0.5).reshape(H, INPUTS), requires_grad=True)
    w2 = torch.tensor(draw(CLASSES * H, 0.02 / H ** 0.5).reshape(CLASSES, H), requires_grad=True)
    return w1, w2


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--T', type=int, default=100)
    p.add_argument('--batch', type=int, default=256)
    p.add_argument('--hidden', type=int, default=128)
    p.add_argument('--warmup', type=int, default=3)
    p.add_argument('--steps', type=int, default=10)
    p.add_argument('--threads', type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    T, B, H = a.T, a.batch, a.hidden
    w1, w2 = weights(H)
    opt = torch.optim.Adam([w1, w2], lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    g = torch.Generator().manual_seed(7)
    batches = [(torch.bernoulli(torch.full((T * B, INPUTS), 0.02), generator=g), torch.arange(B) % CLASSES) for _ in range(BATCHES)]
    gain = (1 - BETA ** (T - torch.arange(T, dtype=torch.float64))) / (1 - BETA)  # c_t
    gain = gain.float()

    def forward(i):
        x, y = batches[i % BATCHES]
        s = SubtractLif.apply((x @ w1.t()).view(T, B, H))
        logits = torch.tensordot(gain, (s.view(T * B, H) @ w2.t()).view(T, B, CLASSES), dims=1)
        return F.cross_entropy(logits, y), s

    timed, rate = timed_steps(opt, a.warmup, a.steps, forward)
    print(json.dumps({
        'impl': f'pytorch {torch.__version__} (hand-fused W1)', 'T': T, 'B': B, 'H': H, 'threads': torch.get_num_threads(),
        'warmup': a.warmup, 'steps': a.steps, **timed, 'hidden_rate': round(rate, 4),
    }))


if __name__ == '__main__':
    main()
