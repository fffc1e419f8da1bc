/**
 * Layout changes between NIR's channel-first maps and the channels-last rows the conv modules of
 * ./convSimd.ts work on, in WebAssembly SIMD (4×4 blocks transposed in registers by shuffles),
 * assembled per shape over the memory of a ./simdArena.ts arena (byte offsets):
 *
 *   channelFirst(src, dst, bias, count)   dst[i, c, r, l] = src[i, (r·Ws + off + l)·Cs + c] + bias[c]
 *       for count images of R rows × L pixels; src's images Si pixels apart, its channels Cs ≥ C
 *       apart (rows padded to 4 lanes), bias C floats (zeros for none)
 *   channelsLast(src, dst, count)         dst[i, p, c] = src[i, c, p], the lanes c ≥ C zero,
 *       for count images of P pixels, dst's channels Cs apart
 *
 * A row's last L mod 4 pixels are moved one float at a time. null where WebAssembly SIMD is missing.
 */
import { instanceFor } from './moduleCache';
import { I32, V128, VOID, assemble, bump, f32Const0, f32load, f32store, f4, get, i32, op, set, v128Load, v128Store, vec } from '../wasmAssembler';

export interface ChannelFirstShape {
  C: number;
  Cs: number;
  R: number;
  L: number;
  Ws: number;
  off: number;
  Si: number;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const loop = (local: number, limit: number, body: number[]) =>
  [...i32(0), ...set(local), op.block, VOID, op.loop, VOID, ...get(local), ...i32(limit), op.i32GeU, op.brIf, 1, ...body, ...bump(local, i32(1)), op.br, 0, op.end, op.end];
const countLoop = (local: number, limit: number, body: number[]) =>
  [...i32(0), ...set(local), op.block, VOID, op.loop, VOID, ...get(local), ...get(limit), op.i32GeU, op.brIf, 1, ...body, ...bump(local, i32(1)), op.br, 0, op.end, op.end];

/** Locals a0..a3 → w0..w3 with w_c[k] = a_k[c] (t0..t3 in between). */
function transpose(a: number, t: number, w: number): number[] {
  const sh = (x: number, y: number, floats: [number, number, number, number], into: number) => [...get(x), ...get(y), ...f4.shuffle(floats), ...set(into)];
  return [
    ...sh(a, a + 1, [0, 4, 1, 5], t), ...sh(a, a + 1, [2, 6, 3, 7], t + 1),
    ...sh(a + 2, a + 3, [0, 4, 1, 5], t + 2), ...sh(a + 2, a + 3, [2, 6, 3, 7], t + 3),
    ...sh(t, t + 2, [0, 1, 4, 5], w), ...sh(t, t + 2, [2, 3, 6, 7], w + 1),
    ...sh(t + 1, t + 3, [0, 1, 4, 5], w + 2), ...sh(t + 1, t + 3, [2, 3, 6, 7], w + 3),
  ];
}

const A = 0;
const T = 4;
const W = 8;

/** channelFirst: params src 0, dst 1, bias 2, count 3; locals i 4, r 5, q 6, sp 7, dp 8, then 12 v128. */
function channelFirstBody(s: ChannelFirstShape): number[] {
  const [src, dst, bias, count, i, r, q, sp, dp] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const v = (k: number) => 9 + k;
  const plane = s.R * s.L * 4;
  const quad = range(Math.ceil(s.C / 4)).flatMap((j) => [
    ...range(4).flatMap((k) => [...get(sp), ...v128Load(k * s.Cs * 4 + 16 * j), ...set(v(A + k))]),
    ...transpose(v(A), v(T), v(W)),
    ...range(Math.min(4, s.C - 4 * j)).flatMap((c) => [
      ...get(dp), ...get(v(W + c)), ...get(bias), ...f4.loadSplat((4 * j + c) * 4), ...f4.add, ...v128Store((4 * j + c) * plane),
    ]),
  ]);
  const rest = range(s.L % 4).flatMap((k) => range(s.C).flatMap((c) => [
    ...get(dp), ...get(sp), ...f32load((k * s.Cs + c) * 4), ...get(bias), ...f32load(c * 4), op.f32Add, ...f32store(c * plane + k * 4),
  ]));
  const code = countLoop(i, count, loop(r, s.R, [
    ...get(src), ...get(i), ...i32(s.Si * s.Cs * 4), op.i32Mul, op.i32Add, ...get(r), ...i32(s.Ws * s.Cs * 4), op.i32Mul, op.i32Add, ...i32(s.off * s.Cs * 4), op.i32Add, ...set(sp),
    ...get(dst), ...get(i), ...i32(s.C * plane), op.i32Mul, op.i32Add, ...get(r), ...i32(s.L * 4), op.i32Mul, op.i32Add, ...set(dp),
    ...loop(q, Math.floor(s.L / 4), [...quad, ...bump(sp, i32(4 * s.Cs * 4)), ...bump(dp, i32(16))]),
    ...rest,
  ]));
  return [...vec([[5, I32], [12, V128]]), ...code, op.end];
}

/** channelsLast: params src 0, dst 1, count 2; locals i 3, q 4, sp 5, dp 6, then 12 v128. */
function channelsLastBody(C: number, Cs: number, P: number): number[] {
  const [src, dst, count, i, q, sp, dp] = [0, 1, 2, 3, 4, 5, 6];
  const v = (k: number) => 7 + k;
  const quad = range(Cs / 4).flatMap((j) => [
    ...range(4).flatMap((c) => (4 * j + c < C ? [...get(sp), ...v128Load((4 * j + c) * P * 4)] : f4.zero).concat(set(v(A + c)))),
    ...transpose(v(A), v(T), v(W)),
    ...range(4).flatMap((k) => [...get(dp), ...get(v(W + k)), ...v128Store(k * Cs * 4 + 16 * j)]),
  ]);
  const rest = range(P % 4).flatMap((k) => range(Cs).flatMap((c) => [
    ...get(dp), ...(c < C ? [...get(sp), ...f32load((c * P + k) * 4)] : f32Const0()), ...f32store((k * Cs + c) * 4),
  ]));
  const code = countLoop(i, count, [
    ...get(src), ...get(i), ...i32(C * P * 4), op.i32Mul, op.i32Add, ...set(sp),
    ...get(dst), ...get(i), ...i32(P * Cs * 4), op.i32Mul, op.i32Add, ...set(dp),
    ...loop(q, Math.floor(P / 4), [...quad, ...bump(sp, i32(16)), ...bump(dp, i32(4 * Cs * 4))]),
    ...rest,
  ]);
  return [...vec([[4, I32], [12, V128]]), ...code, op.end];
}

export interface ChannelFirstModule {
  channelFirst(src: number, dst: number, bias: number, count: number): void;
}

export interface ChannelsLastModule {
  channelsLast(src: number, dst: number, count: number): void;
}

export function channelFirstModule(s: ChannelFirstShape, memory: WebAssembly.Memory): ChannelFirstModule | null {
  const key = ['channelFirst', s.C, s.Cs, s.R, s.L, s.Ws, s.off, s.Si].join(',');
  return instanceFor(key, () => assemble([{ params: [I32, I32, I32, I32], results: [] }], [{ name: 'channelFirst', type: 0, body: channelFirstBody(s) }]), memory) as ChannelFirstModule | null;
}

export function channelsLastModule(C: number, Cs: number, P: number, memory: WebAssembly.Memory): ChannelsLastModule | null {
  const key = ['channelsLast', C, Cs, P].join(',');
  return instanceFor(key, () => assemble([{ params: [I32, I32, I32], results: [] }], [{ name: 'channelsLast', type: 0, body: channelsLastBody(C, Cs, P) }]), memory) as ChannelsLastModule | null;
}
