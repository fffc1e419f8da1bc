/**
 * The pooling loops of ./poolLoops.ts in WebAssembly SIMD, assembled per shape and kind (every
 * size but the batch N is a constant, so the window's taps and the channel vectors are unrolled;
 * C must be a multiple of 4), over the memory of a ./simdArena.ts arena (byte offsets):
 *
 *   forward(x, y, taps, N)    y = max / Σ / mean over each window, four channels per f32x4; max
 *       also writes taps: going through the taps from last to first, t replaces the lane's index
 *       where x_t equals the maximum, so the first maximum's tap remains
 *   backward(taps, dy, dx, N) dx = Σ over the windows of each one's share of dy, each image
 *       zeroed first: max adds dy ∧ (taps == t) at tap t; avg / sum add dy / (KH·KW) or dy at
 *       every tap
 */
import type { PoolGeometry, PoolKind } from './poolLoops';
import { zeroBytes } from './convSimd';
import { instanceFor } from './moduleCache';
import { I32, V128, VOID, assemble, bump, f4, get, i32, op, set, simd, v128Load, v128Store, vec } from '../wasmAssembler';

const v128 = { eq: simd(65), and: simd(78), bitselect: simd(82) };
const F32_CONST = 0x43;
const [N, n, oh, ow, wp, yp, tp, img] = [3, 4, 5, 6, 7, 8, 9, 10];
const V0 = 11;

const loop = (local: number, limit: number, body: number[]) =>
  [...i32(0), ...set(local), op.block, VOID, op.loop, VOID, ...get(local), ...i32(limit), op.i32GeU, op.brIf, 1, ...body, ...bump(local, i32(1)), op.br, 0, op.end, op.end];
const splat = (v: number) => [F32_CONST, ...new Uint8Array(Float32Array.of(v).buffer), ...f4.splat];

/** The byte offset of each tap (kh·KW + kw) from the window's first. */
function tapOffsets(g: PoolGeometry): number[] {
  return Array.from({ length: g.KH * g.KW }, (_, t) => (Math.floor(t / g.KW) * g.W + (t % g.KW)) * g.C * 4);
}

/**
 * A function over every window of the N images, params (·, ·, ·, N): wp points at the window's
 * first tap in the input-shaped array `windows` (x forward, dx backward), yp at its row in `rows`
 * (y, or dy), tp at its row of taps. `perWindow` emits one window's code; `vectors` v128 locals.
 */
function windowsBody(g: PoolGeometry, windows: number, rows: number, taps: number, zeroWindows: boolean, perWindow: number[], vectors: number): number[] {
  const rowBytes = g.W * g.C * 4;
  const code = [
    ...get(rows), ...set(yp), ...get(taps), ...set(tp),
    op.block, VOID, op.loop, VOID, ...get(n), ...get(N), op.i32GeU, op.brIf, 1,
    ...(zeroWindows ? zeroBytes([...get(windows), ...get(img), op.i32Add], g.H * rowBytes) : []),
    ...loop(oh, g.OH, [
      ...get(windows), ...get(img), op.i32Add, ...get(oh), ...i32(g.sh * rowBytes), op.i32Mul, op.i32Add, ...set(wp),
      ...loop(ow, g.OW, [...perWindow, ...bump(wp, i32(g.sw * g.C * 4)), ...bump(yp, i32(g.C * 4)), ...bump(tp, i32(g.C * 4))]),
    ]),
    ...bump(img, i32(g.H * rowBytes)), ...bump(n, i32(1)),
    op.br, 0, op.end, op.end,
  ];
  return [...vec([[7, I32], [vectors, V128]]), ...code, op.end];
}

const lanes = (g: PoolGeometry) => Array.from({ length: g.C / 4 }, (_, j) => 16 * j);

function forwardBody(g: PoolGeometry, kind: PoolKind): number[] {
  const [acc, idx] = [V0, V0 + 1];
  const [first, ...rest] = tapOffsets(g);
  const scale = kind === 'avg' ? [...splat(1 / (g.KH * g.KW)), ...f4.mul] : [];
  const perWindow = lanes(g).flatMap((lane) => [
    ...get(wp), ...v128Load(first + lane),
    ...rest.flatMap((t) => [...get(wp), ...v128Load(t + lane), ...(kind === 'max' ? f4.max : f4.add)]),
    ...set(acc),
    ...get(yp), ...get(acc), ...scale, ...v128Store(lane),
    ...(kind !== 'max' ? [] : [
      ...splat(rest.length), ...set(idx),
      ...[first, ...rest].slice(0, -1).reverse().flatMap((t, r) => [
        ...splat(rest.length - 1 - r), ...get(idx), ...get(wp), ...v128Load(t + lane), ...get(acc), ...v128.eq, ...v128.bitselect, ...set(idx),
      ]),
      ...get(tp), ...get(idx), ...v128Store(lane),
    ]),
  ]);
  return windowsBody(g, 0, 1, 2, false, perWindow, 2);
}

function backwardBody(g: PoolGeometry, kind: PoolKind): number[] {
  const [dyv, id] = [V0, V0 + 1];
  const scale = kind === 'avg' ? [...splat(1 / (g.KH * g.KW)), ...f4.mul] : [];
  const addAt = (off: number, value: number[]) => [...get(wp), ...get(wp), ...v128Load(off), ...value, ...f4.add, ...v128Store(off)];
  const perWindow = lanes(g).flatMap((lane) => [
    ...get(yp), ...v128Load(lane), ...scale, ...set(dyv),
    ...(kind === 'max' ? [...get(tp), ...v128Load(lane), ...set(id)] : []),
    ...tapOffsets(g).flatMap((t, k) => addAt(t + lane, kind === 'max' ? [...get(dyv), ...get(id), ...splat(k), ...v128.eq, ...v128.and] : get(dyv))),
  ]);
  return windowsBody(g, 2, 1, 0, true, perWindow, 2);
}

function moduleBytes(g: PoolGeometry, kind: PoolKind): Uint8Array<ArrayBuffer> {
  return assemble([{ params: [I32, I32, I32, I32], results: [] }], [
    { name: 'forward', type: 0, body: forwardBody(g, kind) },
    { name: 'backward', type: 0, body: backwardBody(g, kind) },
  ]);
}

export interface PoolModule {
  forward(x: number, y: number, taps: number, N: number): void;
  backward(taps: number, dy: number, dx: number, N: number): void;
}

/** The module for g's shape (any N) and `kind` over `memory`; null where C is no multiple of 4 or SIMD cannot run. */
export function poolModule(g: PoolGeometry, kind: PoolKind, memory: WebAssembly.Memory): PoolModule | null {
  if (g.C % 4 !== 0) return null;
  const key = ['pool', kind, g.H, g.W, g.C, g.KH, g.KW, g.sh, g.sw].join(',');
  return instanceFor(key, () => moduleBytes(g, kind), memory) as PoolModule | null;
}
