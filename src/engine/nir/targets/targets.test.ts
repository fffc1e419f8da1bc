/**
 * Save for a peer (./index.ts): the rewritten network, written and read back, must run here to
 * the same spikes as the original (every population, 0 differences) and the same membranes
 * (float32 rounding: 1e-5 of the layer's largest |v|, or the threshold) — the lab's own check
 * that a rewrite keeps β, α, gains, bias, threshold and reset. What the peers' importers then
 * make of the file is measured against the real snnTorch and Norse by `npm run test:peers`
 * (scripts/peers/). Where a target cannot express a network, the refusal names the node and why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { withNeuronOptions } from '../../graph/labMetadata';
import { cubaLifClassifier, lifClassifier, recurrentLifClassifier, seededWeights, TEMPLATE_DT } from '../../graph/templates';
import { filled, ndarray, type NirGraph, type NirNode } from '../../graph/types';
import { startNodeBackend } from '../../tensor/runtime/loaders.node';
import { Program } from '../../tensor/program/program';
import { simulateSample } from '../../tensor/train/session';
import type { TrainingData } from '../../train/types';
import { readNir } from '../readNir';
import { writeNir } from '../writeNir';
import { planExport, type ExportTargetId } from './index';

const SIZE = { inputs: 12, hidden: 16, classes: 4 };
const T = 80;

function spikesIn(seed: number): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: T * SIZE.inputs }, () => (r.uniform() < 0.3 ? 1 : 0));
}

async function run(graph: NirGraph, dt: number, input: Float32Array) {
  const program = new Program(graph, { dt, surrogate: { name: 'superspike', slope: 25 } });
  try {
    const data: TrainingData = { n: 1, T, featureShape: [SIZE.inputs], classes: 1, labels: new Uint8Array(1), batch: () => input };
    return await simulateSample(program, data, 0);
  } finally {
    program.dispose();
  }
}

/** Per-neuron r, v_leak and thresholds that differ, so the folds have work to do. */
function varied(graph: NirGraph, { leak = true, thresholds = true } = {}): NirGraph {
  const r = mulberry32(99);
  const nodes: Record<string, NirNode> = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    if (node.type === 'LIF' || node.type === 'LI') {
      const n = node.tau.data.length;
      const vary = (a: Float32Array, lo: number, hi: number) => ndarray([n], Array.from(a, (v) => v * (lo + (hi - lo) * r.uniform())));
      nodes[name] = {
        ...node, r: vary(node.r.data, 0.6, 1.4), tau: vary(node.tau.data, 0.7, 1.3),
        v_leak: leak ? ndarray([n], Array.from({ length: n }, () => 0.05 * (r.uniform() - 0.3))) : node.v_leak,
        ...(node.type === 'LIF' && thresholds ? { v_threshold: vary(node.v_threshold.data, 0.8, 1.2) } : {}),
      } as NirNode;
    } else nodes[name] = node;
  }
  return { ...graph, nodes };
}

async function expectSameRun(original: NirGraph, target: ExportTargetId, seed = 5): Promise<void> {
  const plan = planExport(original, TEMPLATE_DT, target);
  expect(plan.refusals, 'refusals').toEqual([]);
  const written = await readNir(await writeNir(plan.graph!));
  expect(written.dtGuess.dt).toBe(plan.dt);
  const input = spikesIn(seed);
  const want = await run(original, TEMPLATE_DT, input);
  const got = await run(written.graph, plan.dt, input);
  let spiking = 0;
  for (const layer of want.layers) {
    const name = plan.renamed[layer.name] ?? layer.name;
    const other = got.layers.find((l) => l.name === name);
    expect(other, `${layer.name} in the rewritten network`).toBeDefined();
    if (layer.spikes) {
      expect(Array.from(other!.spikes!), `${layer.name}: spikes`).toEqual(Array.from(layer.spikes));
      spiking += layer.spikes.reduce((a, b) => a + b, 0);
    }
    const folded = plan.changes.some((c) => c.node === name && /thresholds folded/.test(c.message));
    if (folded || !layer.membrane) continue;
    const scale = Math.max(1, ...Array.from(layer.membrane, Math.abs));
    const worst = layer.membrane.reduce((w, v, i) => Math.max(w, Math.abs(v - other!.membrane![i])), 0);
    expect(worst, `${layer.name}: membrane`).toBeLessThanOrEqual(1e-5 * scale);
  }
  expect(spiking, 'the network spikes').toBeGreaterThan(20);
}

function ifNetwork(): NirGraph {
  const n = SIZE.hidden;
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [SIZE.inputs] },
      fc1: { type: 'Linear', weight: seededWeights([n, SIZE.inputs], SIZE.inputs, 3, 2) },
      if1: { type: 'IF', r: filled([n], 600), v_threshold: filled([n], 1), v_reset: filled([n], 0) },
      output: { type: 'Output', shape: [n] },
    },
    edges: [['input', 'fc1'], ['fc1', 'if1'], ['if1', 'output']],
  };
}

describe('save for a peer', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu');
  });

  for (const target of ['snntorch', 'norse'] as const) {
    it(`${target}: LIF → LI classifier with per-neuron r, τ, v_leak and thresholds`, async () => {
      await expectSameRun(varied(lifClassifier(SIZE), { thresholds: target === 'snntorch' }), target);
    });

    it(`${target}: CubaLIF → CubaLI classifier`, async () => {
      await expectSameRun(cubaLifClassifier(SIZE), target);
    });

    it(`${target}: IF layer with r ≠ 1`, async () => {
      await expectSameRun(ifNetwork(), target);
    });
  }

  it('snntorch: a recurrent LIF layer with an Affine feedback (the bias reaches it at t = 0)', async () => {
    const graph = recurrentLifClassifier(SIZE);
    const rec = graph.nodes.rec as { weight: { shape: number[]; data: Float32Array } };
    graph.nodes.rec = { type: 'Affine', weight: rec.weight as never, bias: ndarray([SIZE.hidden], Array.from({ length: SIZE.hidden }, (_, i) => 0.05 * (i % 3))) };
    await expectSameRun(varied(graph, { leak: false, thresholds: false }), 'snntorch');
  });

  it('names what a target cannot express, and writes nothing', () => {
    const recurrent = planExport(recurrentLifClassifier(SIZE), TEMPLATE_DT, 'norse');
    expect(recurrent.graph).toBeUndefined();
    expect(recurrent.refusals).toContainEqual({ node: 'lif1', message: expect.stringMatching(/Norse's from_nir maps no recurrent/) });
    const subtract = lifClassifier(SIZE);
    subtract.nodes.lif1 = withNeuronOptions(subtract.nodes.lif1, { reset: 'subtract' });
    expect(planExport(subtract, TEMPLATE_DT, 'snntorch').refusals[0]).toMatchObject({ node: 'lif1', message: expect.stringMatching(/always resets to zero/) });
    const direct = varied(lifClassifier(SIZE));
    direct.nodes = { ...direct.nodes };
    delete direct.nodes.fc1;
    direct.nodes.input = { type: 'Input', shape: [SIZE.hidden] };
    direct.edges = direct.edges.filter(([s, d]) => s !== 'fc1' && d !== 'fc1').concat([['input', 'lif1']]);
    const refused = planExport(direct, TEMPLATE_DT, 'snntorch').refusals;
    expect(refused.some((r) => r.node === 'lif1' && /network input/.test(r.message))).toBe(true);
    const delay: NirGraph = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [2] }, d: { type: 'Delay', delay: filled([2], 0.002) }, output: { type: 'Output', shape: [2] } }, edges: [['input', 'd'], ['d', 'output']] };
    expect(planExport(delay, TEMPLATE_DT, 'norse').refusals).toEqual([{ node: 'd', message: 'Norse\'s importer has no mapping for Delay.' }]);
  });

  it('plain NIR is the graph as it is', () => {
    const graph = lifClassifier(SIZE);
    expect(planExport(graph, TEMPLATE_DT, 'nir')).toMatchObject({ graph, dt: TEMPLATE_DT, refusals: [], changes: [] });
  });
});
