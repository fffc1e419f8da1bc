/**
 * The N-MNIST conv recipe (./nmnistConv.ts): its network is the NIR paper's CNN layer for layer
 * (the shapes and weight shapes of the Sinabs export, test/fixtures/nir/upstream/nir_02_cnn__cnn_sinabs.nir,
 * whose IF neurons become LIF), and one real step of `spikelab train --recipe nmnist-conv` on the
 * shipped nmnist40 starts at the loss of chance with every spiking layer firing (at a lower weight
 * scale and a shorter τ the deeper layers start silent: ./nirPaperCnn.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NIR_FIXTURES } from '../../../../test/paths';
import { validateGraph } from '../../graph/validate';
import { readNir } from '../../nir/index';
import { buildNetwork, recipeByName } from './index';
import { trainLines } from './testing/trainLines';

/** Our layer for each node of the Sinabs export. */
const SINABS_NODE = {
  conv1: '0', lif1: '1', conv2: '2', lif2: '3', pool1: '4', conv3: '5', lif3: '6', pool2: '7', flatten: '8', fc1: '9', lif4: '10', fc2: '11', readout: '12',
};
const SPIKING = ['lif1', 'lif2', 'lif3', 'lif4'];

describe('nmnist-conv', () => {
  const recipe = recipeByName('nmnist-conv')!;

  it('builds the NIR paper CNN, layer for layer, with LIF neurons and an LI readout', async () => {
    const name = 'nir_02_cnn__cnn_sinabs.nir';
    const sinabs = (await readNir(new Uint8Array(readFileSync(join(NIR_FIXTURES, 'upstream', name))), { name })).graph;
    const graph = buildNetwork(recipe.network, 2 * 34 * 34, 10, 0);
    const ours = validateGraph(graph);
    const theirs = validateGraph(sinabs);
    expect(ours.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const [layer, node] of Object.entries(SINABS_NODE)) {
      expect(ours.shapes[layer], layer).toEqual(theirs.shapes[node]);
      const weight = (n: typeof graph.nodes[string]) => ('weight' in n ? n.weight?.shape : undefined);
      expect(weight(graph.nodes[layer]), layer).toEqual(weight(sinabs.nodes[node]));
    }
    expect(SPIKING.map((layer) => [sinabs.nodes[SINABS_NODE[layer as keyof typeof SINABS_NODE]].type, graph.nodes[layer].type])).toEqual(SPIKING.map(() => ['IF', 'LIF']));
    expect([sinabs.nodes['12'].type, graph.nodes.readout.type]).toEqual(['IF', 'LI']);
  });

  it('trains a step on the shipped nmnist40 from ln 10, every spiking layer firing', async () => {
    const lines = await trainLines('--recipe', recipe.name, '--steps', '1', '--batch', '4', '--limit', '8', '--backend', 'wasm');
    expect(lines[0]).toMatchObject({ event: 'start', dt: 1e-3, lr: 2e-2, loss: 'mean_membrane_ce', schedule: 'cosine:warmup=1', steps: 1, data: expect.stringMatching(/^nmnist40-train /) });
    const step = lines.find((line) => line.step === 1)!;
    expect(Number(step.loss)).toBeCloseTo(Math.log(10), 1);
    const rates = step.rates as Record<string, number>;
    expect(Object.keys(rates).sort()).toEqual(SPIKING);
    for (const layer of SPIKING) {
      expect(rates[layer], layer).toBeGreaterThan(1e-3);
      expect(rates[layer], layer).toBeLessThan(0.2);
    }
    expect(lines.at(-1)).toMatchObject({ event: 'done', steps: 1 });
  });
});
