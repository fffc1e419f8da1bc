/**
 * A minimal WebAssembly assembler for the SIMD kernels of this folder: LEB128, the opcodes used,
 * and a module of functions over one imported memory ("env", "memory"). Opcode numbers are
 * those of the WebAssembly core and SIMD specifications (0xfd-prefixed for v128).
 */

export const I32 = 0x7f;
export const V128 = 0x7b;
export const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, ret: 0x0f, drop: 0x1a,
  get: 0x20, set: 0x21, tee: 0x22,
  i32Load: 0x28, f32Load: 0x2a, i32Store: 0x36, f32Store: 0x38,
  i32Const: 0x41, i32Eqz: 0x45, i32Ne: 0x47, i32LtU: 0x49, i32GtU: 0x4b, i32GeU: 0x4f, f32Ne: 0x5c,
  i32Add: 0x6a, i32Mul: 0x6c, i32And: 0x71, i32Shl: 0x74, f32Const: 0x43, f32Add: 0x92,
  select: 0x1b, i32Store16: 0x3b, i32Eq: 0x46, i32GtS: 0x4a, i32GeS: 0x4e, i32Ctz: 0x68, i32Popcnt: 0x69, i32RemU: 0x70,
} as const;
export const VOID = 0x40;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

export const simd = (code: number) => [0xfd, ...uleb(code)];
export const v128Load = (offset = 0) => [...simd(0), 4, ...uleb(offset)];
export const v128Store = (offset = 0) => [...simd(11), 4, ...uleb(offset)];
export const f32x4Add = simd(228);
export const anyTrue = simd(83);
export const get = (i: number) => [op.get, i];
export const set = (i: number) => [op.set, i];
export const i32 = (v: number) => [op.i32Const, ...sleb(v)];
export const load32 = (offset = 0) => [op.i32Load, 2, ...uleb(offset)];
export const f32load = (offset = 0) => [op.f32Load, 2, ...uleb(offset)];
export const store32 = (offset = 0) => [op.i32Store, 2, ...uleb(offset)];
export const f32store = (offset = 0) => [op.f32Store, 2, ...uleb(offset)];
export const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
export const name = (s: string) => vec([...s].map((c) => [c.charCodeAt(0)]));
export const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** `local += step` */
export const bump = (local: number, step: number[]) => [...get(local), ...step, op.i32Add, ...set(local)];

export function f32Const0(): number[] {
  return [op.f32Const, 0, 0, 0, 0];
}
export function f32Const1(): number[] {
  return [op.f32Const, 0x00, 0x00, 0x80, 0x3f];
}


/** A module of `bodies` (each: its locals then code, ending with `end`) with the given types, all exported. */
export function assemble(types: Array<{ params: number[]; results: number[] }>, functions: Array<{ name: string; type: number; body: number[] }>): Uint8Array<ArrayBuffer> {
  const typeSec = vec(types.map((t) => [0x60, ...vec(t.params.map((p) => [p])), ...vec(t.results.map((r) => [r]))]));
  const imports = vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]]);
  const funcSec = vec(functions.map((f) => [f.type]));
  const exports = vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]));
  const bodies = functions.map((f) => [...uleb(f.body.length), ...f.body]);
  const code = [...uleb(bodies.length), ...bodies.flat()];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, typeSec), ...section(2, imports), ...section(3, funcSec), ...section(7, exports), ...section(10, code),
  ]);
}

/** f32x4 and v128 operations (SIMD opcode numbers). */
export const f4 = {
  /** i8x16.shuffle of the two vectors on the stack: result float i is float `floats[i]` of a ‖ b (0–3 a, 4–7 b) */
  shuffle: (floats: [number, number, number, number]) => [...simd(13), ...floats.flatMap((f) => [4 * f, 4 * f + 1, 4 * f + 2, 4 * f + 3])],
  add: simd(228), sub: simd(229), mul: simd(230), div: simd(231), max: simd(233), abs: simd(224),
  gt: simd(68), lt: simd(67), and: simd(78),
  /** f32x4.splat of the f32 on the stack */
  splat: simd(19),
  /** v128.load32_splat: one f32 from memory into all four lanes */
  loadSplat: (offset = 0) => [...simd(9), 2, ...uleb(offset)],
  zero: [...simd(12), ...Array<number>(16).fill(0)],
} as const;
export const opElse = 0x05;
export const i32Sub = 0x6b;
