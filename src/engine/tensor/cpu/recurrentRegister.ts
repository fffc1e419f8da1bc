/**
 * Registers the JS recurrent scan (./recurrentScan.ts) for the 'wasm' and 'cpu' backends, for any
 * population size. Imported for its side effect by ../program/recurrentStage.ts.
 */
import { registerRecurrentScan } from '../scan/recurrentRegistry';
import { jsRecurrentScan } from './recurrentScan';

for (const backend of ['wasm', 'cpu'] as const) registerRecurrentScan(backend, { scan: jsRecurrentScan, maxNeurons: Infinity });
