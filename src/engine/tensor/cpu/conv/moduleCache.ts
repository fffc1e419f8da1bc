/**
 * The SIMD modules of this folder (./convSimd.ts, ./poolSimd.ts) are assembled per shape: each is
 * compiled once per shape key, and instantiated once per memory it runs in (./simdArena.ts).
 * null where WebAssembly SIMD is missing or a page's main thread refuses synchronous compilation
 * or the memory cannot be imported; the callers then run their JS loops.
 */

const compiled = new Map<string, WebAssembly.Module | null>();
const instances = new WeakMap<WebAssembly.Memory, Map<string, WebAssembly.Exports | null>>();

function compile(key: string, bytes: () => Uint8Array<ArrayBuffer>): WebAssembly.Module | null {
  if (compiled.has(key)) return compiled.get(key)!;
  let module: WebAssembly.Module | null = null;
  const code = bytes();
  if (typeof WebAssembly !== 'undefined' && WebAssembly.validate(code)) {
    try {
      module = new WebAssembly.Module(code);
    } catch {
      module = null;
    }
  }
  compiled.set(key, module);
  return module;
}

/** The exports of the module `key` (assembled by `bytes` the first time) over `memory`, or null. */
export function instanceFor(key: string, bytes: () => Uint8Array<ArrayBuffer>, memory: WebAssembly.Memory): WebAssembly.Exports | null {
  let byKey = instances.get(memory);
  if (!byKey) {
    byKey = new Map();
    instances.set(memory, byKey);
  }
  if (byKey.has(key)) return byKey.get(key)!;
  const module = compile(key, bytes);
  let made: WebAssembly.Exports | null = null;
  if (module) {
    try {
      made = new WebAssembly.Instance(module, { env: { memory } }).exports;
    } catch {
      made = null;
    }
  }
  byKey.set(key, made);
  return made;
}
