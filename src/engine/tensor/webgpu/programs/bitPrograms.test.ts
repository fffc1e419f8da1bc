import { describe, expect, it } from 'vitest';
import { BitMatMulProgram, BitWeightGradProgram } from './bitMatMulProgram';
import { GatherPackProgram } from './gatherPackProgram';

// The bit-path WGSL generators, checked without a GPU (e2e/gpu-conformance.spec.ts runs them):
// with the pipeline layout 'auto' an input the shader never reads invalidates the bind group
// (see ./programs.test.ts), so each must read every variable it binds.
const reads = (code: string, name: string) => new RegExp(`\\b${name}\\[`).test(code);

describe('bit-path WGSL programs (gather+pack, bit matmul, weight gradient)', () => {
  it('read every input they bind and size their output and dispatch', () => {
    const programs = [new GatherPackProgram(13, 4, 45, false), new GatherPackProgram(13, 4, 45, true), new BitMatMulProgram(37, 12), new BitWeightGradProgram(3, 12, 45)];
    for (const program of programs) {
      for (const name of program.variableNames) expect(reads(program.getUserCode(), name), `${program.shaderKey} reads ${name}`).toBe(true);
    }
    expect(programs.map((p) => p.outputShape)).toEqual([[52, 2], [52, 2], [37, 12], [3, 12, 45]]);
    expect(programs.map((p) => p.dispatch[0])).toEqual([2, 2, 7, 26]);
    expect(new Set(programs.map((p) => p.shaderKey)).size).toBe(4);
  });
});
