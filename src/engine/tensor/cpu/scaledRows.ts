/**
 * y ← a·x (+ y) over a row of floats, as a WebAssembly SIMD function over another module's memory
 * (./bitLinearScan.ts runs it beside its scan to form time-weighted sums of a step's spikes and,
 * backward, the step's spike gradient from theirs):
 *
 *   scaledRow(x, a, y, n, add)   y[i] = a·x[i] + y[i]   (add ≠ 0)
 *                                y[i] = a·x[i]          (add = 0)
 *
 * x and y are byte offsets of n floats (n a multiple of 4: f32x4 lanes), a the byte offset of one
 * f32 (a weight table in the same memory, so no float crosses the JS boundary). Each lane rounds as
 * float32 a·x then the add, in that order: y += a·x over t = 0, 1, … gives the same floats as a
 * float32 loop summing in time order.
 */
import { instanceFor } from './conv/moduleCache';
import { I32, V128, VOID, assemble, bump, f4, get, i32, op, opElse, set, v128Load, v128Store, vec } from './wasmAssembler';

function scaledRowBody(): number[] {
  const [x, a, y, n, add, end, s] = [0, 1, 2, 3, 4, 5, 6];
  const loop = (plus: boolean) => [
    op.block, VOID, op.loop, VOID,
    ...get(y), ...get(end), op.i32GeU, op.brIf, 1,
    ...get(y), ...get(s), ...get(x), ...v128Load(), ...f4.mul,
    ...(plus ? [...get(y), ...v128Load(), ...f4.add] : []),
    ...v128Store(),
    ...bump(x, i32(16)), ...bump(y, i32(16)),
    op.br, 0, op.end, op.end,
  ];
  const code = [
    ...get(a), ...f4.loadSplat(), ...set(s),
    ...get(y), ...get(n), ...i32(2), op.i32Shl, op.i32Add, ...set(end),
    ...get(add), op.if, VOID, ...loop(true), opElse, ...loop(false), op.end,
  ];
  return [...vec([[1, I32], [1, V128]]), ...code, op.end];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  return assemble([{ params: [I32, I32, I32, I32, I32], results: [] }], [{ name: 'scaledRow', type: 0, body: scaledRowBody() }]);
}

export interface ScaledRows {
  scaledRow(x: number, a: number, y: number, n: number, add: number): void;
}

/** The function over `memory`, or null where this engine has no WebAssembly SIMD. */
export function scaledRowsOver(memory: WebAssembly.Memory): ScaledRows | null {
  return instanceFor('scaledRows', moduleBytes, memory) as ScaledRows | null;
}
