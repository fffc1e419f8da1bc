import { describe, expect, it } from 'vitest';
import type { ManifestSet } from '../../engine/datasets/manifest';
import { recipeByName } from '../../engine/train/recipes';
import { recipeNetworkFor } from './recipeNetwork';

const set = (id: string, featureShape: number[], classes: number): ManifestSet => ({
  id, name: id, kind: 'spikes', description: '', T: 40, dt: 1e-3, binning: '', featureShape, featureOrder: '',
  classes: Array.from({ length: classes }, (_, i) => String(i)), licence: '', attribution: '', source: '', splits: [],
});

describe('a recipe\'s network for the canvas', () => {
  const sets = [set('nmnist40', [2, 34, 34], 10), set('fsdd', [64], 10)];

  it('builds the network the CLI trains, sized to the recipe\'s dataset', () => {
    const conv = recipeNetworkFor(recipeByName('nmnist-conv')!, sets, 0);
    if (!('graph' in conv)) throw new Error(conv.unavailable);
    expect(conv.graph.nodes.input).toMatchObject({ type: 'Input', shape: [2, 34, 34] });
    expect(conv.graph.nodes.output).toMatchObject({ type: 'Output', shape: [10] });
    expect(Object.values(conv.graph.nodes).filter((n) => n.type === 'Conv2d')).toHaveLength(3);
    const fsdd = recipeNetworkFor(recipeByName('fsdd-lif')!, sets, 0);
    if (!('graph' in fsdd)) throw new Error(fsdd.unavailable);
    expect(fsdd.graph.nodes.input).toMatchObject({ shape: [64] });
  });

  it('draws the weights from the seed', () => {
    const weights = (seed: number) => {
      const built = recipeNetworkFor(recipeByName('nmnist-conv')!, sets, seed);
      const conv1 = 'graph' in built ? built.graph.nodes.conv1 : undefined;
      return conv1?.type === 'Conv2d' ? Array.from(conv1.weight.data.slice(0, 8)) : [];
    };
    expect(weights(0)).toEqual(weights(0));
    expect(weights(1)).not.toEqual(weights(0));
  });

  it('says what to fetch when the recipe\'s dataset is not here', () => {
    expect(recipeNetworkFor(recipeByName('shd-spyx')!, sets, 0)).toEqual({ unavailable: expect.stringContaining('shd') });
  });
});
