/**
 * A Spikelab WGSL program that writes more than one buffer (TF.js's runWebGPUProgram binds exactly
 * one read-write output). Like ./program.ts's FlatProgram it is one flat invocation per lane
 * (`fn main(index : i32)`, workgroups of WORKGROUP lanes), but its read-write arrays are named in
 * `outputNames` (bound first, in that order: new outputs, or buffers the program updates in place),
 * its read-only inputs in `variableNames`, and `uniforms` holds only the program's own scalars (no
 * shapes or strides). ../multiOutput.ts assembles the module and queues it on the backend's own
 * command encoder. Every bound array must be read or written by the code (the pipeline layout is
 * 'auto': an unused binding invalidates the bind group).
 */
import { WORKGROUP } from './program';

export abstract class MultiOutputProgram {
  abstract outputNames: string[];
  abstract variableNames: string[];
  /** WGSL struct fields, `name : i32, other : f32,` (scalars only). */
  abstract uniforms: string;
  /** Everything that changes the WGSL text (the pipeline cache key, with the bindings' types). */
  readonly shaderKey: string;
  /** How many lanes run `main`. */
  readonly invocations: number;

  constructor(invocations: number, shaderKey: string) {
    this.invocations = invocations;
    this.shaderKey = shaderKey;
  }

  /** WGSL defining `fn main(index : i32)` (and any helpers it calls). */
  abstract getUserCode(): string;

  /**
   * The whole module: bindings (read-write arrays, read-only arrays of the given element types,
   * the uniforms) and the entry point, which passes the flat lane index of a 1-D or folded 2-D
   * dispatch (x + y·width workgroups) to main.
   */
  source(types: string[]): string {
    const names = [...this.outputNames, ...this.variableNames];
    const arrays = names.map((name, i) =>
      `@group(0) @binding(${i}) var<storage, ${i < this.outputNames.length ? 'read_write' : 'read'}> ${name} : array<${types[i]}>;`);
    return [
      `struct Uniforms { ${this.uniforms} };`,
      ...arrays,
      `@group(0) @binding(${names.length}) var<uniform> uniforms : Uniforms;`,
      this.getUserCode(),
      `@compute @workgroup_size(${WORKGROUP}, 1, 1)
      fn _start(@builtin(workgroup_id) wid : vec3<u32>, @builtin(local_invocation_index) li : u32, @builtin(num_workgroups) nwg : vec3<u32>) {
        main(i32((wid.y * nwg.x + wid.x) * ${WORKGROUP}u + li));
      }`,
    ].join('\n');
  }
}
