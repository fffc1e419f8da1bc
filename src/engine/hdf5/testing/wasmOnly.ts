/**
 * The whole file read by h5wasm alone (./../wasmRead.ts, no JavaScript parsing), for tests that
 * check the JavaScript reader gives the same tree.
 */
import { ReadLimits } from '../limits';
import { loadH5 } from '../module';
import { closeWasm, openWasm, wasmGroup } from '../wasmRead';
import type { H5Group, H5ReadOptions } from '../tree';

export async function readH5WithWasm(bytes: Uint8Array, options?: H5ReadOptions): Promise<H5Group> {
  const file = openWasm(await loadH5(), bytes);
  try {
    return wasmGroup(file, new ReadLimits(options), '/', true, 0);
  } finally {
    closeWasm(file);
  }
}
