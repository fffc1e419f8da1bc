import { describe, expect, it } from 'vitest';
import { graphLabInfo } from './labMetadata';
import { TEMPLATES, lifClassifier, seededWeights } from './templates';
import { validateGraph } from './validate';

describe('templates', () => {
  it('every template is a graph whose edges join existing nodes, with dt in its metadata', () => {
    for (const template of TEMPLATES) {
      const graph = template.build();
      expect(graph.type).toBe('NIRGraph');
      for (const [s, t] of graph.edges) {
        expect(graph.nodes[s], `${template.id}: ${s}`).toBeDefined();
        expect(graph.nodes[t], `${template.id}: ${t}`).toBeDefined();
      }
      expect(Object.values(graph.nodes).filter((n) => n.type === 'Input')).toHaveLength(1);
      expect(graphLabInfo(graph.metadata).dt).toBe(1e-3);
    }
  });

  it('weights are seeded: the same seed gives the same network, another seed another', () => {
    const a = seededWeights([4, 3], 3, 7).data;
    expect(seededWeights([4, 3], 3, 7).data).toEqual(a);
    expect(seededWeights([4, 3], 3, 8).data).not.toEqual(a);
    for (const w of a) expect(Math.abs(w)).toBeLessThanOrEqual(1 / Math.sqrt(3));
  });

  it('a classifier has the sizes asked for, weights as (out, in)', () => {
    const graph = lifClassifier({ inputs: 5, hidden: 4, classes: 3 });
    const fc1 = graph.nodes.fc1;
    expect(fc1.type === 'Affine' && fc1.weight.shape).toEqual([4, 5]);
    expect(graph.nodes.output).toEqual({ type: 'Output', shape: [3] });
  });
});

describe('templates validate', () => {
  it('every template has no shape or parameter errors', () => {
    for (const template of TEMPLATES) {
      const errors = validateGraph(template.build()).problems.filter((p) => p.severity === 'error');
      expect(errors, template.id).toEqual([]);
    }
  });
});
