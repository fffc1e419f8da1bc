/**
 * Loads h5wasm (HDF5 2.0 compiled to WebAssembly) once and hands out temporary in-memory files.
 *
 * One build for every host: the package's ESM entry (`h5wasm`, dist/esm) inlines its .wasm as a
 * string, so it needs no fetch or file access and runs unchanged under Node (vitest, the esbuild
 * CLI bundle) and in a Web Worker (Vite). `h5wasm/node` differs only by NODEFS access to real
 * paths, which we never use: bytes are written to the module's in-memory file system (MEMFS),
 * opened, and the temporary file is unlinked afterwards.
 */
import * as h5wasm from 'h5wasm';

export type H5Module = typeof h5wasm.Module;
export const h5 = h5wasm;

/** The part of Emscripten's FS we touch (its bundled typings do not list `streams`). */
interface StreamTable {
  streams: Array<object | undefined>;
  close(stream: object): void;
  open(path: string, flags: string): object;
}

let loading: Promise<H5Module> | undefined;
let counter = 0;

/** The initialised module. HDF5's diagnostic dump goes to stderr (fd 2): we point fd 2 at
 * /dev/null because every failure is reported through our own error codes instead. */
export function loadH5(): Promise<H5Module> {
  loading ??= h5wasm.ready.then((module) => {
    const fs = module.FS as unknown as StreamTable;
    const stderr = fs.streams[2];
    if (stderr) {
      fs.close(stderr);
      fs.open('/dev/null', 'w');
    }
    return module;
  });
  return loading;
}

/** A fresh path in MEMFS for one file, e.g. `/spikelab-3.h5`. */
export function tempPath(): string {
  counter += 1;
  return `/spikelab-${counter}.h5`;
}

export function removeTemp(module: H5Module, path: string): void {
  try {
    module.FS.unlink(path);
  } catch {
    // already gone: nothing to free
  }
}

/** Writes a new file in MEMFS with `fill` (the file is closed after it, even on error) and returns its bytes. */
export async function writtenFile(fill: (file: InstanceType<typeof h5.File>) => void): Promise<Uint8Array> {
  const module = await loadH5();
  const path = tempPath();
  const file = new h5.File(path, 'w');
  try {
    fill(file);
  } finally {
    file.close();
  }
  try {
    return module.FS.readFile(path);
  } finally {
    removeTemp(module, path);
  }
}
