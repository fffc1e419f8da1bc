import { describe, expect, it } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import { DEFAULT_SETTINGS } from './runStore';
import { restoreWorkspace } from './workspace';

describe('workspace restore', () => {
  const graph = lifClassifier({ inputs: 4, hidden: 3, classes: 2 });

  it('keeps what it recognises and fills defaults', () => {
    const restored = restoreWorkspace({
      version: 1, graph, positions: { input: [1, 2], bad: [1, 'x'] }, title: 'net.nir', settings: { lr: 0.1, epochs: 'many', dataset: 'digits' },
    });
    expect(restored?.graph).toBe(graph);
    expect(restored?.positions).toEqual({ input: [1, 2] });
    expect(restored?.settings).toEqual({ ...DEFAULT_SETTINGS, lr: 0.1, dataset: 'digits' });
  });

  it('refuses anything that is not a workspace of this version', () => {
    expect(restoreWorkspace(null)).toBeNull();
    expect(restoreWorkspace({ version: 2, graph })).toBeNull();
    expect(restoreWorkspace({ version: 1, graph: { type: 'LIF' } })).toBeNull();
  });
});
