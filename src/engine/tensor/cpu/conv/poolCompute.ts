/**
 * Pooling on arrays in NHWC (./poolLoops.ts): with an arena (./simdArena.ts) in the SIMD module of
 * ./poolSimd.ts, in place where the arrays lie in the arena's memory, else copied; without one, or
 * where the channels are no multiple of 4, the JS loops. Each writes its whole output; `taps`
 * (max pooling only, shaped as y) carries the maxima's window taps from the forward to the backward.
 */
import { poolBackwardLoops, poolForwardLoops, type PoolGeometry, type PoolKind } from './poolLoops';
import { poolModule } from './poolSimd';
import type { SimdArena } from './simdArena';
import { Operand } from './simdOperand';

export function poolForward(g: PoolGeometry, kind: PoolKind, x: Float32Array, y: Float32Array, taps: Float32Array | null, arena: SimdArena | null): void {
  const module = arena && poolModule(g, kind, arena.memory);
  if (!arena || !module) {
    poolForwardLoops(g, kind, x, y, taps);
    return;
  }
  try {
    const xs = new Operand(arena, x, g.C, g.C).place();
    const ys = new Operand(arena, y, g.C, g.C).place();
    const ts = taps && new Operand(arena, taps, g.C, g.C).place();
    xs.fill();
    module.forward(xs.at, ys.at, ts ? ts.at : 0, g.N);
    ys.copyOut();
    ts?.copyOut();
  } finally {
    arena.reset();
  }
}

export function poolBackward(g: PoolGeometry, kind: PoolKind, taps: Float32Array | null, dy: Float32Array, dx: Float32Array, arena: SimdArena | null): void {
  const module = arena && poolModule(g, kind, arena.memory);
  if (!arena || !module) {
    poolBackwardLoops(g, kind, taps, dy, dx);
    return;
  }
  try {
    const ts = taps && new Operand(arena, taps, g.C, g.C).place();
    const dys = new Operand(arena, dy, g.C, g.C).place();
    const dxs = new Operand(arena, dx, g.C, g.C).place();
    ts?.fill();
    dys.fill();
    module.backward(ts ? ts.at : 0, dys.at, dxs.at, g.N);
    dxs.copyOut();
  } finally {
    arena.reset();
  }
}
