/**
 * The neuron scan in WebAssembly SIMD (four lanes per instruction) for the common variants: no
 * synaptic current, no adaptation, H forward (not smooth), and a surrogate whose g is rational or
 * piecewise (superspike, both arctans, triangular, boxcar, straight-through; sigmoid and tanh need
 * exp and stay in ./scanLoops.ts, as do every other variant). The equations and their order are
 * those of ./scanLoops.ts (forward: each op in float32, so spikes equal the plain scan's; backward
 * in float32 here).
 *
 * Each call takes a module instance with its own memory, which holds the tape from the forward
 * until the backward (other scans run in between); the backward returns it to a small pool, so a
 * training step reuses the same memory (no fresh pages to fault in); its outputs are views of that
 * memory (`SimdScanTape`). The loops run block by block of 512 lanes, each block over all T steps,
 * so a block's state stays in the L1 cache. Memory layout in floats, with L = B·N lanes, each
 * parameter one period of PL = lcm(N, 4) lanes (`paramLanes`: N values repeated PL/N times; lane l
 * reads lane l mod PL, so the parameters stay in L1 too, where broadcast over the batch they took
 * 5·L floats: 655 KB for W1):
 *   x / dy / dx [T·L] | out [T·L] | v [(T+1)·L], v_{−1} = 0 first | m [T·L] ('post')
 *   | β̂, g_in, b, θ, v_reset [5·PL] | ḡv [L] | Σ_t ∂β̂ per lane [L] | ε, A, C, k
 * Surrogate constants: superspike 1/(1 + k|d|)²; arctans A/(1 + (C·d)²) (Spyx A = 1/π, C = kπ;
 * snnTorch A = k/2, C = πk/2); triangular max(0, 1 − |k·d|); boxcar A·[|d| < C], A = k/2, C = 1/k.
 */
import { SpikelabError } from '../../core/errors';
import type { ScanSpec } from '../kernels/neuronScan';
import type { ScanArrays, ScanGrads } from './scanLoops';
import { I32, V128, VOID, assemble, bump, f32Const1, f4, get, i32, i32Sub, op, opElse, set, v128Load, v128Store, vec } from './wasmAssembler';

const MODES: Record<string, number> = { straight_through: 0, superspike: 1, spyx_arctan: 2, snntorch_atan: 2, triangular: 3, boxcar: 4 };
const FLAG_MEMBRANE = 1;
const FLAG_POST = 2;
const FLAG_SUBTRACT = 4;
/** bwd only: skip Σ_t ∂β̂ (a caller whose β is not trained, which keeps v for two steps only). */
const FLAG_NO_BETA_GRAD = 8;

const load = (base: number, off: number) => [...get(base), ...get(off), op.i32Add, ...v128Load()];
const store = (base: number, off: number, value: number[]) => [...get(base), ...get(off), op.i32Add, ...value, ...v128Store()];
const ifFlag = (flags: number, bit: number, then: number[], otherwise?: number[]) =>
  [...get(flags), ...i32(bit), op.i32And, op.if, VOID, ...then, ...(otherwise ? [opElse, ...otherwise] : []), op.end];

/** Bytes of lanes (512 floats) whose parameters and state stay in the L1 cache while a block runs over all T. */
const BLOCK = 2048;

/** pl = the parameter byte offset of lane byte blk: blk mod PB. */
const paramStart = (blk: number, PB: number, pl: number) => [...get(blk), ...get(PB), op.i32RemU, ...set(pl)];
/** pl += 16, back to 0 at PB (the parameters repeat every PB bytes of lanes). */
const paramNext = (pl: number, PB: number) => [...get(pl), ...i32(16), op.i32Add, op.tee, pl, ...get(PB), op.i32GeU, op.if, VOID, ...i32(0), ...set(pl), op.end];

/**
 * `body` for each block of lanes [blk, end) of the LB lane bytes, end = min(blk + BLOCK, LB): the
 * lanes are independent, so each block runs its whole time loop before the next.
 */
const laneBlocks = (blk: number, end: number, LB: number, body: number[]) => [
  ...i32(0), ...set(blk),
  op.block, VOID, op.loop, VOID,
  ...get(blk), ...get(LB), op.i32GeU, op.brIf, 1,
  ...get(blk), ...i32(BLOCK), op.i32Add, op.tee, end, ...get(LB), ...get(end), ...get(LB), op.i32LtU, op.select, ...set(end),
  ...body,
  ...bump(blk, i32(BLOCK)),
  op.br, 0, op.end, op.end,
];

/**
 * fwd(x, out, vT, mT, P, T, L, flags, vNext, PL): v_{t−1} is read at vT[t] and v_t written vNext
 * bytes after it (L·4 for the tape; a stepping caller may alternate two rows instead); each
 * parameter is PL lanes of P (`paramLanes`), lane l reading lane l mod PL.
 */
function forwardBody(): number[] {
  const [x, out, vT, mT, P, T, L, flags, vNext, PL] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [t, lb, ib, ib1, LB, p1, p2, p3, p4] = [10, 11, 12, 13, 14, 15, 16, 17, 18];
  const [u, vp, m, d, z, v, beta, th, one] = [19, 20, 21, 22, 23, 24, 25, 26, 27];
  const [blk, end, pl, PB] = [28, 29, 30, 31];
  const bias = load(p2, pl);
  const vReset = load(p4, pl);
  const spike = [...get(d), ...f4.zero, ...f4.gt, ...get(one), ...f4.and, ...set(z)];
  const code = [
    ...get(L), ...i32(2), op.i32Shl, ...set(LB),
    ...get(PL), ...i32(2), op.i32Shl, ...set(PB),
    ...get(P), ...get(PB), op.i32Add, ...set(p1),
    ...get(p1), ...get(PB), op.i32Add, ...set(p2),
    ...get(p2), ...get(PB), op.i32Add, ...set(p3),
    ...get(p3), ...get(PB), op.i32Add, ...set(p4),
    ...f32Const1(), ...f4.splat, ...set(one),
    ...laneBlocks(blk, end, LB, [
      ...i32(0), ...set(t),
      op.block, VOID, op.loop, VOID,
      ...get(t), ...get(T), op.i32GeU, op.brIf, 1,
      ...get(blk), ...set(lb),
      ...paramStart(blk, PB, pl),
      op.block, VOID, op.loop, VOID,
      ...get(lb), ...get(end), op.i32GeU, op.brIf, 1,
      ...get(t), ...get(LB), op.i32Mul, ...get(lb), op.i32Add, ...set(ib),
      ...get(ib), ...get(vNext), op.i32Add, ...set(ib1),
      ...load(p1, pl), ...load(x, ib), ...f4.mul, ...set(u),
      ...load(vT, ib), ...set(vp),
      ...load(P, pl), ...set(beta),
      ...load(p3, pl), ...set(th),
      ...ifFlag(flags, FLAG_MEMBRANE, [
        ...get(beta), ...get(vp), ...f4.mul, ...bias, ...f4.add, ...get(u), ...f4.add, ...set(v),
        ...store(vT, ib1, get(v)), ...store(out, ib, get(v)),
      ], [
        ...ifFlag(flags, FLAG_POST, [
          ...get(beta), ...get(vp), ...f4.mul, ...bias, ...f4.add, ...get(u), ...f4.add, ...set(m),
          ...get(m), ...get(th), ...f4.sub, ...set(d), ...spike,
          ...ifFlag(flags, FLAG_SUBTRACT,
            [...get(m), ...get(th), ...get(z), ...f4.mul, ...f4.sub, ...set(v)],
            [...get(m), ...vReset, ...get(m), ...f4.sub, ...get(z), ...f4.mul, ...f4.add, ...set(v)]),
          ...store(mT, ib, get(m)),
        ], [
          ...get(vp), ...get(th), ...f4.sub, ...set(d), ...spike,
          ...ifFlag(flags, FLAG_SUBTRACT,
            [...get(beta), ...get(vp), ...f4.mul, ...bias, ...f4.add, ...get(u), ...f4.add, ...get(th), ...get(z), ...f4.mul, ...f4.sub, ...set(v)],
            [...get(beta), ...get(vp), ...vReset, ...get(vp), ...f4.sub, ...get(z), ...f4.mul, ...f4.add, ...f4.mul, ...bias, ...f4.add, ...get(u), ...f4.add, ...set(v)]),
        ]),
        ...store(vT, ib1, get(v)), ...store(out, ib, get(z)),
      ]),
      ...bump(lb, i32(16)), ...paramNext(pl, PB),
      op.br, 0, op.end, op.end,
      ...bump(t, i32(1)),
      op.br, 0, op.end, op.end,
    ]),
  ];
  return [...vec([[9, I32], [9, V128], [4, I32]]), ...code, op.end];
}

/** bwd(dy, out, vT, mT, P, S, T, L, flags, mode, PL); dx overwrites dy; parameters as fwd's. */
function backwardBody(): number[] {
  const [dy, out, vT, mT, P, S, T, L, flags, mode, PL] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [t, lb, ib, LB, p1, p3, p4, db, cst] = [11, 12, 13, 14, 15, 16, 17, 18, 19];
  const [vp, beta, g, dyv, z, th, m, dm, dz, d, du, one, eps, A, C, k, w, diff, gvn] =
    [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38];
  const [blk, end, pl, PB] = [39, 40, 41, 42];
  const ifV = (cond: number[], then: number[], otherwise: number[]) => [...cond, op.if, V128, ...then, opElse, ...otherwise, op.end];
  const isMode = (n: number) => [...get(mode), ...i32(n), op.i32Eq];
  /** g(d) on the stack */
  const surrogate = ifV(isMode(0), get(one),
    ifV(isMode(1), [...get(one), ...get(one), ...get(k), ...get(d), ...f4.abs, ...f4.mul, ...f4.add, op.tee, w, ...get(w), ...f4.mul, ...f4.div],
      ifV(isMode(2), [...get(A), ...get(one), ...get(C), ...get(d), ...f4.mul, op.tee, w, ...get(w), ...f4.mul, ...f4.add, ...f4.div],
        ifV(isMode(3), [...f4.zero, ...get(one), ...get(k), ...get(d), ...f4.mul, ...f4.abs, ...f4.sub, ...f4.max],
          [...get(d), ...f4.abs, ...get(C), ...f4.lt, ...get(A), ...f4.and]))));
  const addToDb = (value: number[]) => ifFlag(flags, FLAG_NO_BETA_GRAD, [], [...store(db, lb, [...load(db, lb), ...value, ...f4.add])]);
  const reset = (x: number[]) => [...get(eps), ...x, ...f4.mul]; // ε·x
  const code = [
    ...get(L), ...i32(2), op.i32Shl, ...set(LB),
    ...get(PL), ...i32(2), op.i32Shl, ...set(PB),
    ...get(P), ...get(PB), op.i32Add, ...set(p1),
    ...get(p1), ...get(PB), op.i32Add, ...get(PB), op.i32Add, ...set(p3),
    ...get(p3), ...get(PB), op.i32Add, ...set(p4),
    ...get(S), ...get(LB), op.i32Add, ...set(db),
    ...get(db), ...get(LB), op.i32Add, ...set(cst),
    ...f32Const1(), ...f4.splat, ...set(one),
    ...get(cst), ...f4.loadSplat(0), ...set(eps),
    ...get(cst), ...f4.loadSplat(4), ...set(A),
    ...get(cst), ...f4.loadSplat(8), ...set(C),
    ...get(cst), ...f4.loadSplat(12), ...set(k),
    ...laneBlocks(blk, end, LB, [
      ...get(T), ...set(t),
      op.block, VOID, op.loop, VOID,
      ...get(t), op.i32Eqz, op.brIf, 1,
      ...get(t), ...i32(1), i32Sub, ...set(t),
      ...get(blk), ...set(lb),
      ...paramStart(blk, PB, pl),
      op.block, VOID, op.loop, VOID,
      ...get(lb), ...get(end), op.i32GeU, op.brIf, 1,
      ...get(t), ...get(LB), op.i32Mul, ...get(lb), op.i32Add, ...set(ib),
      ...load(vT, ib), ...set(vp),
      ...load(P, pl), ...set(beta),
      ...load(S, lb), ...set(g),
      ...load(dy, ib), ...set(dyv),
      ...ifFlag(flags, FLAG_MEMBRANE, [
        ...get(dyv), ...get(g), ...f4.add, ...set(du),
        ...addToDb([...get(du), ...get(vp), ...f4.mul]),
        ...store(S, lb, [...get(beta), ...get(du), ...f4.mul]),
      ], [
        ...load(p3, pl), ...set(th),
        ...ifFlag(flags, FLAG_POST, [
          ...load(mT, ib), ...set(m),
          ...ifFlag(flags, FLAG_SUBTRACT, [
            ...get(g), ...set(dm),
            ...get(dyv), ...reset([...get(th), ...get(g), ...f4.mul]), ...f4.sub, ...set(dz),
          ], [
            ...load(out, ib), ...set(z), // the spikes are read only where the reset to v_reset needs them
            ...get(g), ...get(one), ...get(z), ...f4.sub, ...f4.mul, ...set(dm),
            ...get(dyv), ...reset([...load(p4, pl), ...get(m), ...f4.sub, ...get(g), ...f4.mul]), ...f4.add, ...set(dz),
          ]),
          ...get(m), ...get(th), ...f4.sub, ...set(d),
          ...get(dm), ...get(dz), ...surrogate, ...f4.mul, ...f4.add, ...set(dm),
          ...get(dm), ...set(du),
          ...addToDb([...get(dm), ...get(vp), ...f4.mul]),
          ...store(S, lb, [...get(beta), ...get(dm), ...f4.mul]),
        ], [
          ...get(g), ...set(du),
          ...ifFlag(flags, FLAG_SUBTRACT, [
            ...addToDb([...get(g), ...get(vp), ...f4.mul]),
            ...get(beta), ...get(g), ...f4.mul, ...set(gvn),
            ...get(dyv), ...reset([...get(th), ...get(g), ...f4.mul]), ...f4.sub, ...set(dz),
          ], [
            ...load(out, ib), ...set(z),
            ...load(p4, pl), ...get(vp), ...f4.sub, ...set(diff),
            ...addToDb([...get(g), ...get(vp), ...get(diff), ...get(z), ...f4.mul, ...f4.add, ...f4.mul]),
            ...get(beta), ...get(g), ...f4.mul, ...get(one), ...get(z), ...f4.sub, ...f4.mul, ...set(gvn),
            ...get(dyv), ...reset([...get(diff), ...get(beta), ...f4.mul, ...get(g), ...f4.mul]), ...f4.add, ...set(dz),
          ]),
          ...get(vp), ...get(th), ...f4.sub, ...set(d),
          ...store(S, lb, [...get(gvn), ...get(dz), ...surrogate, ...f4.mul, ...f4.add]),
        ]),
      ]),
      ...store(dy, ib, [...load(p1, pl), ...get(du), ...f4.mul]),
      ...bump(lb, i32(16)), ...paramNext(pl, PB),
      op.br, 0, op.end, op.end,
      op.br, 0, op.end, op.end,
    ]),
  ];
  return [...vec([[9, I32], [19, V128], [4, I32]]), ...code, op.end];
}

let compiled: WebAssembly.Module | null | undefined;

function scanModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (typeof WebAssembly === 'undefined') return null;
  const bytes = assemble([{ params: Array<number>(10).fill(I32), results: [] }, { params: Array<number>(11).fill(I32), results: [] }], [
    { name: 'fwd', type: 0, body: forwardBody() },
    { name: 'bwd', type: 1, body: backwardBody() },
  ]);
  if (!WebAssembly.validate(bytes)) return null;
  try {
    compiled = new WebAssembly.Module(bytes);
  } catch {
    // synchronous compilation refused (a browser main thread): the JS loops run
  }
  return compiled;
}

/** Whether the SIMD scan covers this layer (and WebAssembly SIMD is there). */
export function simdScanSupports(spec: ScanSpec, arrays: ScanArrays, lanes: number): boolean {
  if (lanes % 4 !== 0 || arrays.alpha !== undefined || spec.surrogate.smooth) return false;
  if (spec.output === 'spikes' && (arrays.gamma !== undefined || !(spec.surrogate.name in MODES))) return false;
  return scanModule() !== null;
}

/**
 * A scan module over a memory of its own: fwd(x, out, vT, mT, P, T, L, flags, vNext, PL) and
 * bwd(dy, out, vT, mT, P, S, T, L, flags, mode, PL) at byte offsets in the layout above (the time
 * arrays may start at step t, with T = 1, for a caller that makes each step's input in the same
 * memory: ./bitLinearScan.ts).
 */
export interface ScanInstance {
  memory: WebAssembly.Memory;
  fwd(...args: number[]): void;
  bwd(...args: number[]): void;
}

const pool: ScanInstance[] = [];
const POOL_SIZE = 4;

/** An instance whose memory holds at least `bytes`, from the pool when one fits. */
export function acquireScan(bytes: number): ScanInstance {
  const i = pool.findIndex((p) => p.memory.buffer.byteLength >= bytes);
  if (i >= 0) return pool.splice(i, 1)[0];
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
  const exports = new WebAssembly.Instance(scanModule()!, { env: { memory } }).exports as Omit<ScanInstance, 'memory'>;
  return { memory, fwd: exports.fwd, bwd: exports.bwd };
}

/** Gives an instance back to the pool (its memory is reused by the next scan). */
export function releaseScan(instance: ScanInstance): void {
  if (pool.length >= POOL_SIZE) pool.shift();
  pool.push(instance);
}

/**
 * The forward's tape. `out`, `membrane()` and the backward's dx are views of the instance's memory,
 * valid until `release`, which gives that memory back to the pool for the next scan: a caller copies
 * them out first (../cpu/tensorValues.ts tensorOfView).
 */
export interface SimdScanTape {
  out: Float32Array;
  /** m_t of every step (the recorded membrane). */
  membrane(): Float32Array;
  /** Gives back the memory of the tape (after the backward, or when no backward will come). */
  release(): void;
  backward(dy: Float32Array): ScanGrads;
}

/** The flags word of fwd and bwd for `spec`; without `betaGrad` bwd leaves Σ_t ∂β̂ alone (and its v_{t−1} need not be the tape's). */
export function scanFlags(spec: ScanSpec, betaGrad = true): number {
  return (spec.output === 'membrane' ? FLAG_MEMBRANE : 0) | (spec.spikeFrom === 'post' ? FLAG_POST : 0) | (spec.reset === 'subtract' ? FLAG_SUBTRACT : 0)
    | (betaGrad ? 0 : FLAG_NO_BETA_GRAD);
}

/** The surrogate's mode number for bwd. */
export const surrogateMode = (spec: ScanSpec): number => MODES[spec.surrogate.name] ?? 0;

/** Lanes of one period of the parameters, lcm(N, 4): a vector of four lanes never straddles its end. */
export function paramLanes(N: number): number {
  return N % 4 === 0 ? N : N % 2 === 0 ? 2 * N : 4 * N;
}

/** β̂, g_in, b, θ, v_reset over one period of PL = paramLanes(N) lanes into P [5·PL] (floats from `at`); returns PL, fwd's and bwd's. */
export function fillScanParams(f32: Float32Array, at: number, p: ScanArrays, N: number): number {
  const lanes = paramLanes(N);
  [p.beta, p.gainIn, p.bias, p.threshold, p.vReset].forEach((param, k) => {
    for (let r = 0; r < lanes / N; r++) f32.set(param, at + k * lanes + r * N);
  });
  return lanes;
}

/** Before bwd: the running adjoint ḡv and Σ ∂β̂ zeroed, then ε, A, C, k (floats from S). */
export function startBackward(f32: Float32Array, S: number, spec: ScanSpec, L: number): void {
  f32.fill(0, S, S + 2 * L);
  const k = spec.surrogate.slope;
  const name = spec.surrogate.name;
  const [A, C] = name === 'spyx_arctan' ? [1 / Math.PI, k * Math.PI] : name === 'snntorch_atan' ? [k / 2, (Math.PI * k) / 2] : [k / 2, 1 / k];
  f32.set([spec.detachReset ? 0 : 1, A, C, k], S + 2 * L);
}

/** After bwd: ∂β̂ per neuron, the per-lane sums added over the batch. */
export function betaGrad(f32: Float32Array, S: number, B: number, N: number): Float64Array {
  const dBeta = new Float64Array(N);
  for (let b = 0; b < B; b++) for (let n = 0; n < N; n++) dBeta[n] += f32[S + B * N + b * N + n];
  return dBeta;
}

export function simdScan(x: Float32Array, p: ScanArrays, spec: ScanSpec, T: number, B: number, N: number): SimdScanTape {
  const L = B * N;
  const size = T * L;
  const P = 4 * size + L;
  const at = { x: 0, out: size, v: 2 * size, m: 3 * size + L, P, S: P + 5 * paramLanes(N) };
  const floats = at.S + 2 * L + 4;
  const exports = acquireScan(floats * 4);
  const f32 = new Float32Array(exports.memory.buffer);
  f32.set(x, at.x);
  f32.fill(0, at.v, at.v + L); // v_{−1} = 0
  const PL = fillScanParams(f32, at.P, p, N);
  const flags = scanFlags(spec);
  const bytes = (floatsAt: number) => floatsAt * 4;
  exports.fwd(bytes(at.x), bytes(at.out), bytes(at.v), bytes(at.m), bytes(at.P), T, L, flags, bytes(L), PL);
  const out = f32.subarray(at.out, at.out + size);
  const post = spec.output === 'spikes' && spec.spikeFrom === 'post';
  let live = true;
  const giveBack = () => {
    if (live) releaseScan(exports);
    live = false;
  };
  return {
    out,
    membrane: () => (spec.output === 'membrane' ? out : post ? f32.subarray(at.m, at.m + size) : f32.subarray(at.v + L, at.v + L + size)),
    backward(dy) {
      if (!live) throw new SpikelabError('INTERNAL', 'The SIMD neuron scan was asked for a gradient after its tape was released.', 'This is a bug in the CPU fast path.');
      f32.set(dy, at.x);
      startBackward(f32, at.S, spec, L);
      exports.bwd(bytes(at.x), bytes(at.out), bytes(at.v), bytes(at.m), bytes(at.P), bytes(at.S), T, L, flags, surrogateMode(spec), PL);
      return { dx: f32.subarray(at.x, at.x + size), dBeta: betaGrad(f32, at.S, B, N), dAlpha: new Float64Array(N) };
    },
    release: giveBack,
  };
}
