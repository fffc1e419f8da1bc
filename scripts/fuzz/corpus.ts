/**
 * The seeded hostile corpus of issue 16: case i of seed s is always the same input. Six attack
 * classes, each a family of generators drawn by index:
 *   values     τ ≤ 0, NaN, ±∞, huge numbers, integer/float/string/bool dtypes in the wrong place
 *   structure  missing or extra parameters (every type), names such as __proto__, edges to
 *              nowhere, duplicated and self edges, stateless loops, long chains and rings
 *   links      soft links (to a sibling, an ancestor, nowhere), external links, in place of parameters
 *   bytes      truncations, flipped bytes, random bytes behind an HDF5 signature, other formats
 *   big        fill-value datasets declaring 10^8–10^12 elements, gzip-compressed zeros decoding to
 *              hundreds of MB, scalars broadcast to huge layers, Delays of 10^9 steps, big JSON graphs
 *   datasets   manifests naming ../ or absolute paths or symlinks out, lying n / T / featureShape,
 *              gzip bombs, safetensors headers that lie
 *   chunks     one HDF5 chunk replaced by a deflate bomb (4 MiB – 4 GiB of zeros from a chunk of
 *              28 KB – 5 MB), by zeros one byte short or long, by flipped bytes; chunk dimensions
 *              rewritten to declare gigabytes for a small dataset
 * A case is built lazily (`build`), so a worker process can make and run any slice of the corpus.
 */
import { mulberry32 } from '../../src/engine/core/rng';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphToJson } from '../../src/engine/graph/json';
import { filled, type NirGraph, type NirNode } from '../../src/engine/graph/types';
import { readH5 } from '../../src/engine/hdf5';
import { replaceChunk, setChunkDims, storedChunks, zeroDeflate } from '../../src/engine/hdf5/testing/chunkSurgery';
import { toHostile, writeHostileH5, type HostileGroup, type HostileMember } from '../../src/engine/hdf5/testing/hostileH5';
import { writeNir } from '../../src/engine/nir';
import { SCHEMA } from '../../src/engine/nir/schema';

export const CLASSES = ['values', 'structure', 'links', 'bytes', 'big', 'datasets', 'chunks'] as const;
export type FuzzClass = (typeof CLASSES)[number];

/** What a case hands to the targets: NIR bytes, graph JSON text, or a dataset folder's files. */
export type FuzzInput =
  | { kind: 'nir'; bytes: Uint8Array; simulate?: number[][] }
  | { kind: 'json'; text: string; simulate?: number[][] }
  | { kind: 'dataset'; files: Record<string, Uint8Array>; links?: Record<string, string>; id: string };

export interface FuzzCase {
  index: number;
  cls: FuzzClass;
  name: string;
  build(): Promise<FuzzInput>;
}

/** A seeded uniform stream in [0, 1): mulberry32, the same on every machine. */
export function rng(seed: number): () => number {
  const stream = mulberry32(seed >>> 0);
  return () => stream.uniform();
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const NEURON_TYPES = ['LIF', 'CubaLIF', 'CubaLI', 'LI', 'IF', 'I', 'Threshold', 'Scale', 'Delay'] as const;

function neuron(type: (typeof NEURON_TYPES)[number], n: number, tau = 2): NirNode {
  const f = (v: number) => filled([n], v);
  switch (type) {
    case 'LIF': return { type, tau: f(tau), r: f(1), v_leak: f(0), v_threshold: f(1), v_reset: f(0) };
    case 'CubaLIF': return { type, tau_syn: f(tau), tau_mem: f(tau), r: f(1), v_leak: f(0), v_threshold: f(1), v_reset: f(0), w_in: f(1) };
    case 'CubaLI': return { type, tau_syn: f(tau), tau_mem: f(tau), r: f(1), v_leak: f(0), w_in: f(1) };
    case 'LI': return { type, tau: f(tau), r: f(1), v_leak: f(0) };
    case 'IF': return { type, r: f(1), v_threshold: f(1), v_reset: f(0) };
    case 'I': return { type, r: f(1) };
    case 'Threshold': return { type, threshold: f(1) };
    case 'Scale': return { type, scale: f(1) };
    case 'Delay': return { type, delay: f(1) };
  }
}

/** A small valid network: Input → Affine → neuron → Affine → LIF → Output (sizes drawn). */
function baseGraph(r: Rand): NirGraph {
  const a = int(r, 2, 6);
  const h = int(r, 2, 6);
  const type = pick(r, NEURON_TYPES);
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [a] },
      fc1: { type: 'Affine', weight: filled([h, a], 0.5), bias: filled([h], 0.1) },
      pop: neuron(type, h),
      fc2: { type: 'Linear', weight: filled([2, h], 0.5) },
      lif: neuron('LIF', 2),
      output: { type: 'Output', shape: [2] },
    },
    edges: [['input', 'fc1'], ['fc1', 'pop'], ['pop', 'fc2'], ['fc2', 'lif'], ['lif', 'output']],
  };
}

function chain(n: number, ring: boolean): NirGraph {
  const nodes: Record<string, NirNode> = { input: { type: 'Input', shape: [2] }, output: { type: 'Output', shape: [2] } };
  const edges: Array<[string, string]> = [];
  let prev = 'input';
  for (let i = 0; i < n; i++) {
    const name = `n${i}`;
    nodes[name] = i % 2 ? { type: 'Scale', scale: filled([2], 1) } : neuron('LIF', 2);
    edges.push([prev, name]);
    prev = name;
  }
  if (ring) edges.push([prev, 'n0']);
  edges.push([prev, 'output']);
  return { type: 'NIRGraph', nodes, edges };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v))) as T;

/** The written NIR tree of `graph`, ready to be changed and written again. */
async function treeOf(graph: NirGraph): Promise<HostileGroup> {
  return clone(toHostile(await readH5(await writeNir(graph))));
}

function nodesOf(root: HostileGroup): Record<string, HostileMember> {
  return ((root.children.node as HostileGroup).children.nodes as HostileGroup).children;
}

function setOwn(record: Record<string, HostileMember>, key: string, value: HostileMember): void {
  Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
}

const nir = async (root: HostileGroup, simulate?: number[][]): Promise<FuzzInput> => ({ kind: 'nir', bytes: await writeHostileH5(root), simulate });
const steps = (r: Rand, T: number, F: number): number[][] => Array.from({ length: T }, () => Array.from({ length: F }, () => (r() < 0.3 ? 1 : 0)));

const HOSTILE_NUMBERS = [NaN, Infinity, -Infinity, 0, -1, -1e-30, 1e30, 1e300, -0, 3.4e38, 1e9];
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '<img src=x onerror=alert(1)>', 'a.b', ' ', 'ü-名前', '0', 'nodes', 'metadata', 'type'];

async function valuesCase(r: Rand): Promise<FuzzInput> {
  const graph = baseGraph(r);
  const root = await treeOf(graph);
  const nodes = nodesOf(root);
  const name = pick(r, Object.keys(nodes));
  const node = nodes[name] as HostileGroup;
  const keys = Object.keys(node.children).filter((k) => k !== 'metadata');
  const key = pick(r, keys);
  const ds = node.children[key] as Extract<HostileMember, { kind: 'dataset' }>;
  const variant = int(r, 0, 5);
  if (variant === 0 && ds.dtype !== 'string') ds.value = Array.from(ds.value as ArrayLike<number>, () => pick(r, HOSTILE_NUMBERS));
  else if (variant === 1 && ds.dtype !== 'string') ds.dtype = pick(r, ['int8', 'uint8', 'int64', 'float64', 'int32', 'uint32'] as const);
  else if (variant === 2) node.children[key] = { kind: 'dataset', dtype: 'string', shape: [], value: [pick(r, ['same', 'SAME', 'valid', 'nan', '', 'x'.repeat(1000)])] };
  else if (variant === 3) node.children[key] = { kind: 'dataset', dtype: 'float64', shape: [], value: [pick(r, HOSTILE_NUMBERS)] };
  else if (variant === 4) node.children[key] = { kind: 'dataset', dtype: pick(r, ['float32', 'int64'] as const), shape: [int(r, 0, 3), int(r, 0, 3)], value: [] };
  else node.children.type = { kind: 'dataset', dtype: 'string', shape: [], value: [pick(r, ['LIF', 'Identity', 'NIRGraph', 'Conv2d', 'Flatten', 'SumPool2d', 'lif', ''])] };
  if (variant === 4) {
    const member = node.children[key] as Extract<HostileMember, { kind: 'dataset' }>;
    member.value = new Array(member.shape.reduce((a, b) => a * b, 1)).fill(1);
  }
  return nir(root, r() < 0.3 ? steps(r, 4, (graph.nodes.input as { shape: number[] }).shape[0]) : undefined);
}

async function structureCase(r: Rand): Promise<FuzzInput> {
  const variant = int(r, 0, 8);
  if (variant === 7) {
    const graph = chain(int(r, 20, 200), r() < 0.5);
    const stimulus = r() < 0.3 ? steps(r, 3, 2) : undefined;
    return r() < 0.5 ? { kind: 'json', text: graphToJson(graph), simulate: stimulus } : nir(await treeOf(graph), stimulus);
  }
  const graph = baseGraph(r);
  const root = await treeOf(graph);
  const nodes = nodesOf(root);
  const top = root.children.node as HostileGroup;
  const edges = top.children.edges as Extract<HostileMember, { kind: 'dataset' }>;
  const pairs = edges.value as string[];
  if (variant === 0) {
    // a missing required parameter, for a node of any type
    const type = pick(r, Object.keys(SCHEMA) as Array<keyof typeof SCHEMA>);
    const required = SCHEMA[type].required;
    const victim = Object.values(nodes).find((n) => ((n as HostileGroup).children.type as { value: string[] }).value[0] === type) as HostileGroup | undefined;
    if (victim && required.length > 0) delete victim.children[pick(r, required)];
    else if (required.length > 0) delete (nodes.pop as HostileGroup).children[pick(r, Object.keys((nodes.pop as HostileGroup).children).filter((k) => k !== 'type'))];
  } else if (variant === 1) {
    const name = pick(r, NAMES);
    setOwn(nodes, name, nodes.pop);
    pairs.push('fc1', name, name, 'fc2');
  } else if (variant === 2) {
    pairs.push(pick(r, ['nowhere', '__proto__', 'toString', '']), pick(r, Object.keys(nodes)));
  } else if (variant === 3) {
    pairs.push(...pairs.slice(0, 4), 'pop', 'pop');
  } else if (variant === 4) {
    pairs.push('fc2', 'fc1'); // a loop through a neuron, or a stateless one when pop is Scale/Threshold
  } else if (variant === 5) {
    (nodes.pop as HostileGroup).children[pick(r, ['extra', 'weight', 'tau2', 'metadata'])] = { kind: 'dataset', dtype: 'float32', shape: [1], value: [1] };
  } else if (variant === 6) {
    let inner: HostileGroup = root;
    for (let d = 0; d < int(r, 10, 80); d++) inner = (inner.children[`g${d}`] = { kind: 'group', children: {} });
  }
  if (pairs.length % 2 === 1) pairs.push('output');
  edges.shape = variant === 8 ? [pairs.length] : [pairs.length / 2, 2]; // variant 8: edges stored 1-D
  return nir(root, r() < 0.3 ? steps(r, 4, (graph.nodes.input as { shape: number[] }).shape[0]) : undefined);
}

async function linksCase(r: Rand): Promise<FuzzInput> {
  const root = await treeOf(baseGraph(r));
  const nodes = nodesOf(root);
  const node = nodes[pick(r, Object.keys(nodes))] as HostileGroup;
  const key = pick(r, Object.keys(node.children));
  const targets = ['/node', '/node/nodes', '/', '/node/nodes/fc1/weight', '/missing', '../x', '/node/nodes/pop'];
  const variant = int(r, 0, 3);
  const link: HostileMember = variant === 0 ? { kind: 'softLink', target: pick(r, targets) }
    : variant === 1 ? { kind: 'externalLink', file: pick(r, ['/etc/passwd', 'other.nir', '/spikelab-1.h5', '../../secret.h5']), target: pick(r, ['/', '/node', '/x']) }
      : { kind: 'softLink', target: `${pick(r, targets)}/${key}` };
  if (variant === 3) nodes[pick(r, ['linked', '__proto__'])] = { kind: 'softLink', target: '/node/nodes/pop' };
  else node.children[key] = link;
  return nir(root);
}

let fixtureCache: Uint8Array[] | undefined;
function fixtures(): Uint8Array[] {
  // The worker runs from a bundle (./run.ts), so the repository comes from the environment.
  const dir = join(process.env.SPIKELAB_REPO ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'test', 'fixtures', 'nir');
  fixtureCache ??= ['metadata.nir', 'cuba_snn.nir', 'shd_rsnn_subgraph.nir', 'quirk_scalar_params.nir', 'legacy_v1.0.1_conv_pool_cuba.nir'].map((f) => new Uint8Array(readFileSync(join(dir, f))));
  return fixtureCache;
}

async function bytesCase(r: Rand): Promise<FuzzInput> {
  const source = pick(r, fixtures());
  const variant = int(r, 0, 4);
  let bytes: Uint8Array;
  if (variant === 0) bytes = source.slice(0, int(r, 0, source.length));
  else if (variant <= 2) {
    bytes = source.slice();
    for (let k = int(r, 1, variant === 1 ? 1 : 16); k > 0; k--) bytes[int(r, 0, bytes.length - 1)] ^= int(r, 1, 255);
  } else if (variant === 3) {
    bytes = source.slice(0, int(r, 512, source.length));
    for (let i = int(r, 96, 400); i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
  } else {
    const magics = [[0x50, 0x4b, 3, 4], [0x1f, 0x8b, 8, 0], [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59], [0x80, 4], [0x7b, 0x22], [0x3c, 0x68, 0x74], []];
    const head = pick(r, magics);
    bytes = new Uint8Array(int(r, 0, 4096));
    bytes.set(head.slice(0, bytes.length));
    for (let i = head.length; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
  }
  return { kind: 'nir', bytes };
}

async function bigCase(r: Rand): Promise<FuzzInput> {
  const variant = int(r, 0, 6);
  if (variant === 6) {
    // a big JSON graph: many nodes, or one huge declared shape
    const graph = r() < 0.5 ? chain(int(r, 2000, 6000), r() < 0.5) : { ...baseGraph(r) };
    if (graph.nodes.fc1) (graph.nodes.input as { shape: number[] }).shape = pick(r, [[1e8], [1e6, 1e6], Array(40).fill(1), [2 ** 31]]);
    return { kind: 'json', text: graphToJson(graph), simulate: steps(r, 2, 2) };
  }
  const graph = baseGraph(r);
  const root = await treeOf(graph);
  const nodes = nodesOf(root);
  const big = pick(r, [1e8, 1e9, 1e12, 3e7, 2 ** 31]);
  if (variant === 0) {
    const key = pick(r, ['input', 'output']);
    (nodes[key] as HostileGroup).children.shape = { kind: 'fill', dtype: pick(r, ['int64', 'int32', 'float64'] as const), shape: [big], chunks: [1 << 16] };
  } else if (variant === 1) {
    const rows = Math.round(Math.sqrt(big));
    (nodes.fc1 as HostileGroup).children.weight = { kind: 'fill', dtype: pick(r, ['float32', 'float64'] as const), shape: [rows, rows], chunks: [Math.min(rows, 1024), Math.min(rows, 1024)] };
  } else if (variant === 2) {
    // gzip of zeros: a few hundred KB on disk, hundreds of MB decoded
    const n = pick(r, [12_000, 10_000, 8_000, 6_000]);
    (nodes.fc1 as HostileGroup).children.weight = { kind: 'fill', dtype: 'float32', shape: [n, n], chunks: [n, Math.max(1, Math.floor(2 ** 24 / n))] };
  } else if (variant === 3) {
    const dims = pick(r, [[1e8], [1e6, 1e3], [1 << 20, 1 << 10, 4]]);
    (nodes.input as HostileGroup).children.shape = { kind: 'dataset', dtype: 'int64', shape: [dims.length], value: dims };
    const pop = nodes.pop as HostileGroup;
    for (const [k, v] of Object.entries(pop.children)) if (k !== 'type' && (v as { kind: string }).kind === 'dataset') pop.children[k] = { kind: 'dataset', dtype: 'float32', shape: [], value: [2] };
    delete nodes.fc1;
    (root.children.node as HostileGroup).children.edges = { kind: 'dataset', dtype: 'string', shape: [4, 2], value: ['input', 'pop', 'pop', 'fc2', 'fc2', 'lif', 'lif', 'output'] };
  } else if (variant === 4) {
    nodes.delay = { kind: 'group', children: { type: { kind: 'dataset', dtype: 'string', shape: [], value: ['Delay'] }, delay: { kind: 'dataset', dtype: 'float32', shape: [2], value: [pick(r, [1e9, 3e38, 1e12]), 1] } } };
    const edges = (root.children.node as HostileGroup).children.edges as Extract<HostileMember, { kind: 'dataset' }>;
    const pairs = (edges.value as string[]).filter((_, i, all) => !(all[i - (i % 2)] === 'lif' && all[i - (i % 2) + 1] === 'output'));
    pairs.push('lif', 'delay', 'delay', 'output');
    edges.value = pairs;
    edges.shape = [pairs.length / 2, 2];
    (nodes.output as HostileGroup).children.shape = { kind: 'dataset', dtype: 'int64', shape: [1], value: [2] };
    return nir(root, steps(r, 6, (graph.nodes.input as { shape: number[] }).shape[0]));
  } else {
    const top = root.children.node as HostileGroup;
    top.children.edges = { kind: 'fill', dtype: 'int64', shape: [big / 2, 2].map(Math.round), chunks: [1 << 14, 2] };
  }
  return nir(root);
}

/** A dataset folder: manifest.json plus one packed file, with one thing wrong. */
async function datasetsCase(r: Rand): Promise<FuzzInput> {
  const { gzipSync } = await import('node:zlib');
  const { writeDatasetFile } = await import('../../src/engine/datasets/formats/packedFile');
  const { sha256Hex } = await import('../../src/engine/datasets/formats/sha256');
  const n = int(r, 1, 8);
  const T = int(r, 1, 24);
  const F = int(r, 1, 16);
  const header = { kind: 'spikes' as const, id: 'toy-test', name: 'toy', split: 'test', n, T, featureShape: [F], featureOrder: 'c', dt: 0.001, binning: 'none', classes: ['a', 'b'], licence: 'CC0', attribution: 'fuzz', source: 'fuzz' };
  let file = await writeDatasetFile({ header, data: new Uint8Array(n * Math.ceil(T / 8) * F), labels: new Uint8Array(n) });
  let name = 'toy-test.safetensors.gz';
  const variant = int(r, 0, 7);
  if (variant === 1) file = new Uint8Array(gzipSync(new Uint8Array(pick(r, [64, 200, 400]) * 2 ** 20)));
  else if (variant === 2) {
    const text = new TextDecoder().decode(file.subarray(8, 8 + Number(new DataView(file.buffer).getBigUint64(0, true))));
    const lied = text.replace(/"n":"\d+"/, `"n":"${pick(r, ['-1', '1e12', '3.5', 'null'])}"`).replace(/\[\d+,(\d+),(\d+)\]/, pick(r, ['[1e9,$1,$2]', '[-3,$1,$2]', '[$1,$2]']));
    const body = new TextEncoder().encode(lied);
    const out = new Uint8Array(8 + body.length + (file.length - 8 - text.length));
    new DataView(out.buffer).setBigUint64(0, BigInt(body.length), true);
    out.set(body, 8);
    out.set(file.subarray(8 + text.length), 8 + body.length);
    file = out;
  } else if (variant === 3) {
    for (let k = int(r, 1, 8); k > 0; k--) file[int(r, 0, file.length - 1)] ^= int(r, 1, 255);
  }
  const stored = variant === 1 ? file : new Uint8Array(gzipSync(file));
  const entryFile = variant === 4 ? pick(r, ['../../../../etc/passwd', '/etc/passwd', 'sub/../../x', 'C:\\x', 'file:///etc/passwd', '..', '']) : variant === 5 ? 'link.gz' : name;
  const split: Record<string, unknown> = { id: 'toy-test', split: 'test', file: entryFile, bytes: stored.length, sha256: await sha256Hex(stored), n, classCounts: [n, 0] };
  const set: Record<string, unknown> = { id: 'toy', name: 'toy', kind: 'spikes', description: '', T, dt: 0.001, binning: '', featureShape: [F], featureOrder: 'c', classes: ['a', 'b'], licence: 'CC0', attribution: '', source: '', splits: [split] };
  if (variant === 6) Object.assign(pick(r, [split, set]), pick(r, [{ n: -1 }, { n: 1e15 }, { featureShape: [1e9, 1e9] }, { T: 1e12 }, { splits: 'x' }, { classes: null }, { sha256: 5 }, { kind: 'video' }]));
  if (variant === 7) name = 'other.gz';
  const manifest = new TextEncoder().encode(JSON.stringify({ format: 'spikelab-datasets-manifest/1', totalBytes: stored.length, sets: [set] }));
  return { kind: 'dataset', id: 'toy-test', files: { 'manifest.json': manifest, [name]: stored }, ...(variant === 5 ? { links: { 'link.gz': '/etc/passwd' } } : {}) };
}

/** Input → Affine (2 × F, random weights: one gzip chunk of about 4·2F bytes) → LIF → Output, with a LIF of `n` random τ. */
function wideGraph(r: Rand, F: number, n = 2): NirGraph {
  const random = (k: number) => Float32Array.from({ length: k }, () => r() * 2 - 1);
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [F] },
      fc1: { type: 'Affine', weight: { shape: [n, F], data: random(n * F) }, bias: filled([n], 0) },
      pop: { ...neuron('LIF', n), tau: { shape: [n], data: Float32Array.from({ length: n }, () => 1 + r()) } } as NirNode,
      output: { type: 'Output', shape: [n] },
    },
    edges: [['input', 'fc1'], ['fc1', 'pop'], ['pop', 'output']],
  };
}

async function chunksCase(r: Rand): Promise<FuzzInput> {
  const variant = int(r, 0, 4);
  if (variant === 0) {
    // a deflate bomb in the weight's one chunk: zeroDeflate(N) takes about N / 1032 bytes
    const inflated = pick(r, [2 ** 24, 2 ** 28, 2 ** 30, 2 ** 32]);
    const F = Math.ceil(inflated / 1032 / 6) + 1024;
    const bytes = await writeNir(wideGraph(r, F));
    return { kind: 'nir', bytes: replaceChunk(bytes, '/node/nodes/fc1/weight', zeroDeflate(inflated)) };
  }
  if (variant === 1) {
    // a bomb in a neuron parameter (8,192 random τ in [1, 2): a 28 KB chunk) inflating to 4–16 MiB
    const bytes = await writeNir(wideGraph(r, 8, 8192));
    return { kind: 'nir', bytes: replaceChunk(bytes, '/node/nodes/pop/tau', zeroDeflate(pick(r, [2 ** 22, 2 ** 23, 2 ** 24]))) };
  }
  const F = int(r, 64, 4096);
  const bytes = await writeNir(wideGraph(r, F));
  const weight = '/node/nodes/fc1/weight';
  if (variant === 2) {
    // zeros of exactly the chunk's size (a valid all-zero weight), or a few bytes short or long
    const delta = pick(r, [0, 0, -1, 1, -257, 258]);
    return { kind: 'nir', bytes: replaceChunk(bytes, weight, zeroDeflate(2 * F * 4 + delta)) };
  }
  if (variant === 3) {
    const [chunk] = storedChunks(bytes, weight);
    const damaged = bytes.slice();
    for (let k = int(r, 1, 8); k > 0; k--) damaged[chunk.address + int(r, 0, chunk.size - 1)] ^= int(r, 1, 255);
    return { kind: 'nir', bytes: damaged };
  }
  // chunk dimensions declaring gigabytes for a small dataset
  return { kind: 'nir', bytes: setChunkDims(bytes, weight, pick(r, [[1 << 14, 1 << 14], [2, 2 ** 29], [65_535, 65_535], [1, 2 ** 31]])) };
}

const BUILDERS: Record<FuzzClass, (r: Rand) => Promise<FuzzInput>> = {
  values: valuesCase, structure: structureCase, links: linksCase, bytes: bytesCase, big: bigCase, datasets: datasetsCase, chunks: chunksCase,
};

/** Case `index` of the corpus with `seed`: classes in turn, each case with its own random stream. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const cls = CLASSES[index % CLASSES.length];
  return { index, cls, name: `${cls}#${index}`, build: () => BUILDERS[cls](rng((seed * 1_000_003 + index) >>> 0)) };
}
