/**
 * `npx tsx scripts/bench/largeNir.ts --nodes N --out FILE.nir [--distinct]`
 * Writes a NIR chain Input → (LIF, Scale) × N/2 → Output of 2-neuron nodes, to time the CLI on
 * large graphs (issue 16: the node cap, src/engine/core/limits.ts MAX_NIR_NODES), e.g.
 *   /usr/bin/time -f '%e s, %M KB' npx spikelab info FILE.nir --max-nodes 100000
 *   /usr/bin/time -f '%e s, %M KB' npx spikelab simulate FILE.nir --input IN.json --backend cpu --max-nodes 100000
 * Default: every LIF node is a hard link to one LIF group, every Scale node to one Scale group
 * (the reader still parses each node's datasets; 100,000 nodes are 11 MB, written in seconds).
 * --distinct writes every node as its own group with writeNir (gzip datasets, ~7.8 KB and 1.5 ms
 * a node). Also writes IN.json beside FILE (3 steps of 2 inputs) for `simulate --input`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filled, type NirGraph, type NirNode } from '../../src/engine/graph/types';
import { writeHostileH5, type HostileGroup, type HostileMember } from '../../src/engine/hdf5/testing/hostileH5';
import { writeNir } from '../../src/engine/nir';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

if (process.argv.includes('--help')) {
  console.log('npx tsx scripts/bench/largeNir.ts --nodes N --out FILE.nir [--distinct]: writes a NIR chain of N nodes (and IN.json beside it).');
  process.exit(0);
}
const nodes = Number(option('nodes') ?? 10_000);
const out = option('out') ?? 'chain.nir';
const lif = (): NirNode => ({ type: 'LIF', tau: filled([2], 2), r: filled([2], 1), v_leak: filled([2], 0), v_threshold: filled([2], 1), v_reset: filled([2], 0) });
const names = Array.from({ length: nodes }, (_, i) => `n${i}`);
const edges = ['input', ...names].map((name, i, all) => [name, all[i + 1] ?? 'output']);

async function distinct(): Promise<Uint8Array> {
  const graph: NirGraph = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [2] }, output: { type: 'Output', shape: [2] } }, edges: edges as Array<[string, string]> };
  names.forEach((name, i) => (graph.nodes[name] = i % 2 ? { type: 'Scale', scale: filled([2], 1) } : lif()));
  return writeNir(graph);
}

async function clones(): Promise<Uint8Array> {
  const text = (value: string): HostileMember => ({ kind: 'dataset', dtype: 'string', shape: [], value: [value] });
  const pair = (v: number): HostileMember => ({ kind: 'dataset', dtype: 'float32', shape: [2], value: [v, v] });
  const members: Record<string, HostileMember> = {
    input: { kind: 'group', children: { type: text('Input'), shape: { kind: 'dataset', dtype: 'int64', shape: [1], value: [2] } } },
    output: { kind: 'group', children: { type: text('Output'), shape: { kind: 'dataset', dtype: 'int64', shape: [1], value: [2] } } },
    n0: { kind: 'group', children: { type: text('LIF'), tau: pair(2), r: pair(1), v_leak: pair(0), v_threshold: pair(1), v_reset: pair(0) } },
  };
  if (nodes > 1) members.n1 = { kind: 'group', children: { type: text('Scale'), scale: pair(1) } };
  for (let i = 2; i < nodes; i++) members[`n${i}`] = { kind: 'hardLink', target: `/node/nodes/n${i % 2}` };
  const root: HostileGroup = {
    kind: 'group',
    children: {
      version: text('1.0.7'),
      node: { kind: 'group', children: { type: text('NIRGraph'), nodes: { kind: 'group', children: members }, edges: { kind: 'dataset', dtype: 'string', shape: [edges.length, 2], value: edges.flat() } } },
    },
  };
  return writeHostileH5(root);
}

const started = performance.now();
const bytes = process.argv.includes('--distinct') ? await distinct() : await clones();
writeFileSync(out, bytes);
writeFileSync(join(dirname(out), 'IN.json'), JSON.stringify([[1, 0], [0, 1], [1, 1]]));
console.log(JSON.stringify({ out, nodes: nodes + 2, bytes: bytes.length, seconds: Math.round((performance.now() - started) / 100) / 10 }));
