/**
 * The three conv2d computations of the CPU path on arrays in TF.js's layouts (NHWC x and y, HWIO
 * filter; ./convGeometry.ts): the forward and ∂filter visit only the non-zero x, ∂x is the dense
 * transposed convolution. Each writes its whole output. With an arena (./simdArena.ts) they run
 * in the SIMD module of ./convSimd.ts: an array that already lies in the arena's memory (a wasm
 * tensor) is used in place unless its channel rows need padding to 4 lanes; any other is copied in
 * (or, for the output, back out). Without one (or without WebAssembly SIMD) the JS loops of
 * ./convLoops.ts run.
 */
import { convModule } from './convSimd';
import { scatterTables, type ConvGeometry } from './convGeometry';
import { inputGradLoops, scatterLoops } from './convLoops';
import { view, type SimdArena } from './simdArena';
import { Operand } from './simdOperand';

/** The scatter's tap tables in scratch; `write` after every alloc. */
export function placeTables(g: ConvGeometry, arena: SimdArena) {
  const { rows, cols } = scatterTables(g, g.Cop, 4);
  const rowsAt = arena.alloc(rows.length * 4);
  const colsAt = arena.alloc(cols.length * 4);
  return {
    rowsAt, colsAt,
    write() {
      new Int32Array(arena.memory.buffer, rowsAt, rows.length).set(rows);
      new Int32Array(arena.memory.buffer, colsAt, cols.length).set(cols);
    },
  };
}

/**
 * The scatter over the non-zero x, shared by the forward (`toFilter` false: y += x·f into
 * `perOutput`) and ∂filter (true: ∂f += x·dy into `perFilter`); the other array is read.
 */
function scatter(g: ConvGeometry, x: Float32Array, perOutput: Float32Array, perFilter: Float32Array, toFilter: boolean, arena: SimdArena | null): void {
  const module = arena && convModule(g, arena.memory);
  if (!arena || !module) {
    (toFilter ? perFilter : perOutput).fill(0);
    scatterLoops(g, x, perOutput, perFilter, toFilter);
    return;
  }
  try {
    const xs = new Operand(arena, x, g.Ci, g.Ci).place();
    const fs = new Operand(arena, perFilter, g.Co, g.Cop).place();
    const ys = new Operand(arena, perOutput, g.Co, g.Cop).place();
    const tables = placeTables(g, arena);
    tables.write();
    xs.fill();
    if (toFilter) {
      ys.fill();
      fs.region().fill(0);
      module.filterGrad(xs.at, ys.at, fs.at, tables.rowsAt, tables.colsAt, g.N);
      fs.copyOut();
    } else {
      fs.fill();
      module.forward(xs.at, ys.at, fs.at, tables.rowsAt, tables.colsAt, g.N);
      ys.copyOut();
    }
  } finally {
    arena.reset();
  }
}

/** y [N, OH, OW, Co] = x ⊛ f. */
export function convForward(g: ConvGeometry, x: Float32Array, f: Float32Array, y: Float32Array, arena: SimdArena | null): void {
  scatter(g, x, y, f, false, arena);
}

/** ∂f [KH, KW, Ci, Co] = Σ over the active x of x·dy. */
export function convFilterGrad(g: ConvGeometry, x: Float32Array, dy: Float32Array, df: Float32Array, arena: SimdArena | null): void {
  scatter(g, x, dy, df, true, arena);
}

/** ∂x [N, H, W, Ci] = the transposed convolution of dy [N, OH, OW, Co] with f. */
export function convInputGrad(g: ConvGeometry, dy: Float32Array, f: Float32Array, dx: Float32Array, arena: SimdArena | null): void {
  const module = arena && convModule(g, arena.memory);
  if (!arena || !module) {
    dx.fill(0);
    inputGradLoops(g, dy, f, dx);
    return;
  }
  const { KH, KW, Ci, Co, Cop, Cip } = g;
  try {
    const fs = new Operand(arena, f, f.length, f.length);
    const dys = new Operand(arena, dy, Co, Cop).place();
    const dxs = new Operand(arena, dx, Ci, Cip).place();
    const ftAt = arena.alloc(KH * KW * Cop * Cip * 4);
    const ft = view(arena, ftAt, KH * KW * Cop * Cip);
    const filter = fs.array();
    ft.fill(0);
    for (let t = 0; t < KH * KW; t++) {
      for (let ci = 0; ci < Ci; ci++) {
        for (let co = 0; co < Co; co++) ft[(t * Cop + co) * Cip + ci] = filter[(t * Ci + ci) * Co + co];
      }
    }
    dys.fill();
    module.inputGrad(dys.at, ftAt, dxs.at, g.N);
    dxs.copyOut();
  } finally {
    arena.reset();
  }
}
