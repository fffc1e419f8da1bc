import * as tf from '@tensorflow/tfjs-core';
import { startNodeBackend } from '/work/main/src/engine/tensor/runtime/loaders.node';
await startNodeBackend('wasm');
const dy = tf.randomUniform([25600, 20]); const w = tf.randomUniform([20, 128]); const wt = tf.transpose(w);
for (const [name, f] of [['nn', () => tf.matMul(dy, w)], ['nt', () => tf.matMul(dy, wt, false, true)]] as const) {
  const ts: number[] = [];
  for (let i = 0; i < 15; i++) { const t0 = performance.now(); const r = (f as () => tf.Tensor)(); r.dataSync(); ts.push(performance.now() - t0); r.dispose(); }
  ts.sort((a, b) => a - b); console.log(name, ts[7].toFixed(2));
}
