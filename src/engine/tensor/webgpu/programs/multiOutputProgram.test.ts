import { describe, expect, it } from 'vitest';
import { workgroupGrid } from '../multiOutput';
import { AdamUpdateProgram } from './adamPrograms';
import { ReadoutLossGradProgram, ReadoutReduceProgram, SoftmaxCrossEntropyProgram } from './readoutLossPrograms';
import { WORKGROUP } from './program';

// The module text of the programs that write several buffers (run by ../multiOutput.ts), and the
// readout-loss and Adam programs, checked without a GPU (e2e/gpu-conformance.spec.ts and
// e2e/step-counts.spec.ts run them). With the pipeline layout 'auto' every bound array must be used.
const reads = (code: string, name: string) => new RegExp(`\\b${name}\\[`).test(code);
const writes = (code: string, name: string) => new RegExp(`\\b${name}\\[[^\\]]*\\] =`).test(code);

describe('multi-output WGSL programs', () => {
  it('bind the read-write arrays first, then the inputs, then the uniforms', () => {
    const source = new AdamUpdateProgram(10).source(['f32', 'f32', 'f32', 'f32']);
    const bindings = [...source.matchAll(/@binding\((\d+)\) var<([^>]+)> (\w+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(bindings).toEqual(['0 storage, read_write result', '1 storage, read_write moments', '2 storage, read w', '3 storage, read g', '4 uniform uniforms']);
    expect(source).toContain('struct Uniforms { size : i32, beta1 : f32,');
    expect(source).toContain(`main(i32((wid.y * nwg.x + wid.x) * ${WORKGROUP}u + li));`);
    const ce = new SoftmaxCrossEntropyProgram(false).source(['f32', 'f32', 'f32', 'f32', 'i32']);
    expect(ce).toContain('var<storage, read> labels : array<i32>;');
  });

  it('read every input and write every output they bind', () => {
    const programs = [new AdamUpdateProgram(5), new SoftmaxCrossEntropyProgram(true), new SoftmaxCrossEntropyProgram(false)];
    for (const program of programs) {
      const code = program.getUserCode();
      for (const name of program.variableNames) expect(reads(code, name), `${program.shaderKey} reads ${name}`).toBe(true);
      for (const name of program.outputNames) expect(writes(code, name), `${program.shaderKey} writes ${name}`).toBe(true);
    }
    for (const reduction of ['sum', 'mean', 'max'] as const) {
      for (const program of [new ReadoutReduceProgram(reduction, 6), new ReadoutLossGradProgram(reduction, 3, 6)]) {
        for (const name of program.variableNames) expect(reads(program.getUserCode(), name), `${program.shaderKey} reads ${name}`).toBe(true);
      }
    }
    expect(new ReadoutLossGradProgram('max', 3, 6).variableNames).toEqual(['dy', 'dReduced', 'trace', 'reduced']);
    expect(new ReadoutLossGradProgram('mean', 3, 6).variableNames).toEqual(['dy', 'dReduced']);
  });

  it('keep WGSL reserved words out of their identifiers', () => {
    // Tint refuses a module that names a variable 'target' (found on SwiftShader; a few others listed).
    const reserved = ['target', 'filter', 'module', 'self', 'final', 'sample'];
    for (const program of [new AdamUpdateProgram(5), new SoftmaxCrossEntropyProgram(true)]) {
      for (const word of reserved) expect(program.getUserCode(), word).not.toMatch(new RegExp(`\\b(let|var) ${word}\\b`));
    }
  });

  it('fold a dispatch past the per-dimension workgroup limit into rows', () => {
    expect(workgroupGrid(100, 65535)).toEqual([2, 1]);
    expect(workgroupGrid(0, 65535)).toEqual([1, 1]);
    const lanes = 66_000 * 128; // the conformance case B = 66,000, N = 128
    const [x, y] = workgroupGrid(lanes, 65535);
    expect(x).toBeLessThanOrEqual(65535);
    expect(x * y * WORKGROUP).toBeGreaterThanOrEqual(lanes);
    expect((x - 1) * y * WORKGROUP).toBeLessThan(lanes);
  });
});
