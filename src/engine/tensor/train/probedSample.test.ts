import { beforeAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../../workloads/canon';
import { syntheticShd } from '../../workloads/syntheticData';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { DEFAULT_TRAIN_CONFIG } from '../../train/defaults';
import { startNodeBackend } from '../runtime/loaders.node';
import { TrainingSession } from './session';

describe('simulateSample with probes', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('records only the probed populations, neurons and signals, and every spike total', async () => {
    const train = syntheticShd({ n: 8, T: 16, C: 16 });
    const session = new TrainingSession(workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 })), { train }, { ...DEFAULT_TRAIN_CONFIG, batchSize: 8 });
    try {
      const full = await session.simulate(3);
      const probed = await session.simulate(3, 'train', {
        lif1: { enabled: true, neurons: { kind: 'picked', neurons: [6, 1, 3] }, spikes: true, membrane: false },
        lif2: { enabled: false, neurons: { kind: 'all' }, spikes: true, membrane: true },
      });
      expect(probed.layers.map((l) => l.name)).toEqual(['lif1', 'lif2', 'li']);
      const [lif1, lif2, li] = probed.layers;
      const whole = full.layers[0];
      expect(Array.from(lif1.neurons!)).toEqual([1, 3, 6]);
      expect(lif1.membrane).toBeUndefined();
      expect(lif1.spikes).toHaveLength(16 * 3);
      for (let t = 0; t < 16; t++) [1, 3, 6].forEach((n, c) => expect(lif1.spikes![t * 3 + c]).toBe(whole.spikes![t * 8 + n]));
      expect(lif2.spikes).toBeUndefined();
      expect(lif2.membrane).toBeUndefined();
      expect(lif2.neurons).toBeUndefined();
      expect(lif2.spikeTotal).toBe(full.layers[1].spikes!.reduce((a, b) => a + b, 0));
      expect(lif1.spikeTotal).toBe(whole.spikes!.reduce((a, b) => a + b, 0));
      expect(Array.from(li.membrane!)).toEqual(Array.from(full.layers[2].membrane!));
      expect(probed.prediction).toBe(full.prediction);
    } finally {
      session.dispose();
    }
  });
});
