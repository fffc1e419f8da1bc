/**
 * Hostile NIR files of issue 16, each refused with its own code before anything large is
 * allocated (or read correctly where the input is legal): fill-value datasets declaring 10^8
 * elements, parameters over the byte cap, missing required parameters of every node type, names
 * that are Object.prototype keys, soft and external links, a node count over the cap, a gzip
 * bomb inside one chunk, a vlen string declaring 1 GiB.
 */
import { describe, expect, it } from 'vitest';
import { SpikelabError } from '../core/errors';
import { filled, type NirGraph } from '../graph/types';
import { validateGraph } from '../graph/validate';
import { readH5 } from '../hdf5';
import { contiguousAddress, replaceChunk, zeroDeflate } from '../hdf5/testing/chunkSurgery';
import { toHostile, writeHostileH5, type HostileGroup, type HostileMember } from '../hdf5/testing/hostileH5';
import { readNir } from './readNir';
import { SCHEMA } from './schema';
import { writeNir } from './writeNir';

const lif = (n: number, tau = 2) => ({ type: 'LIF' as const, tau: filled([n], tau), r: filled([n], 1), v_leak: filled([n], 0), v_threshold: filled([n], 1), v_reset: filled([n], 0) });
const graph: NirGraph = {
  type: 'NIRGraph',
  nodes: { input: { type: 'Input', shape: [3] }, fc: { type: 'Affine', weight: filled([4, 3], 0.5), bias: filled([4], 0) }, lif: lif(4), output: { type: 'Output', shape: [4] } },
  edges: [['input', 'fc'], ['fc', 'lif'], ['lif', 'output']],
};

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));

async function tree(g: NirGraph = graph): Promise<{ root: HostileGroup; nodes: Record<string, HostileMember> }> {
  const root = plain(toHostile(await readH5(await writeNir(g)))) as HostileGroup;
  return { root, nodes: ((root.children.node as HostileGroup).children.nodes as HostileGroup).children };
}

async function codeOf(root: HostileGroup, options?: Parameters<typeof readNir>[1]): Promise<string> {
  try {
    await readNir(await writeHostileH5(root), options);
    return 'ok';
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(SpikelabError);
    return (error as SpikelabError).code;
  }
}

describe('readNir on hostile files', () => {
  it('refuses an Input shape stored as a 10^8-element fill-value dataset (a few KB on disk) by its declared size', async () => {
    const { root, nodes } = await tree();
    (nodes.input as HostileGroup).children.shape = { kind: 'fill', dtype: 'int64', shape: [1e8], chunks: [1 << 16] };
    const bytes = await writeHostileH5(root);
    expect(bytes.length).toBeLessThan(100_000);
    const error = await readNir(bytes).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NIR_BAD_PARAMETER_RANK', where: '/node/nodes/input/shape' });
  });

  it('refuses a weight whose declared size passes the byte cap, saying the cap and how to raise it', async () => {
    const { root, nodes } = await tree();
    (nodes.fc as HostileGroup).children.weight = { kind: 'fill', dtype: 'float32', shape: [12_000, 12_000], chunks: [1000, 1000] };
    const error = await readNir(await writeHostileH5(root)).catch((e: unknown) => e) as SpikelabError;
    expect(error.code).toBe('NIR_TOO_LARGE');
    expect(error.message).toMatch(/549\.3 MiB, over the cap of 256\.0 MiB/);
    expect(error.hint).toMatch(/--max-bytes/);
    expect(await codeOf(root, { maxBytes: 2 ** 20 })).toBe('NIR_TOO_LARGE');
  });

  it('refuses a scalar parameter broadcast to a huge layer with NIR_TOO_LARGE', async () => {
    const { root, nodes } = await tree({ ...graph, nodes: { ...graph.nodes, input: { type: 'Input', shape: [1 << 20, 64] }, fc: { type: 'Flatten', start_dim: 0, end_dim: -1 } } });
    const pop = nodes.lif as HostileGroup;
    for (const key of ['tau', 'r', 'v_leak', 'v_threshold', 'v_reset']) pop.children[key] = { kind: 'dataset', dtype: 'float32', shape: [], value: [1] };
    (nodes.output as HostileGroup).children.shape = { kind: 'dataset', dtype: 'int64', shape: [1], value: [1 << 26] };
    expect(await codeOf(root)).toBe('NIR_TOO_LARGE');
  });

  it('refuses every node type without one of its required parameters with NIR_MISSING_PARAMETER', async () => {
    const types = Object.entries(SCHEMA).filter(([, s]) => s.required.some((k) => k !== 'input_shape'));
    expect(types.length).toBeGreaterThan(12);
    for (const [type, schema] of types) {
      for (const key of schema.required.filter((k) => k !== 'input_shape')) {
        const { root, nodes } = await tree();
        const children: Record<string, HostileMember> = { type: { kind: 'dataset', dtype: 'string', shape: [], value: [type] } };
        for (const k of schema.required) if (k !== key) children[k] = { kind: 'dataset', dtype: 'float32', shape: [4], value: [1, 1, 1, 1] };
        nodes.extra = { kind: 'group', children };
        const error = await readNir(await writeHostileH5(root)).catch((e: unknown) => e) as SpikelabError;
        expect(error.code, `${type} without ${key}: ${error.message}`).toBe('NIR_MISSING_PARAMETER');
        expect(error.message).toContain(`"${key}"`);
      }
    }
  });

  it('reads nodes named __proto__, constructor and toString as ordinary nodes', async () => {
    const { root, nodes } = await tree();
    for (const name of ['__proto__', 'constructor', 'toString']) Object.defineProperty(nodes, name, { value: plain(nodes.lif), enumerable: true, configurable: true, writable: true });
    (root.children.node as HostileGroup).children.edges = {
      kind: 'dataset', dtype: 'string', shape: [6, 2],
      value: ['input', 'fc', 'fc', 'lif', 'lif', 'output', 'fc', '__proto__', '__proto__', 'constructor', 'constructor', 'toString'],
    };
    const result = await readNir(await writeHostileH5(root));
    expect(Object.keys(result.graph.nodes).sort()).toEqual(['__proto__', 'constructor', 'fc', 'input', 'lif', 'output', 'output_toString', 'toString']);
    expect(result.graph.nodes.__proto__.type).toBe('LIF');
    expect(result.shapes.constructor).toEqual({ input: [4], output: [4] });
    expect(validateGraph(result.graph).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('refuses an edge naming an Object.prototype key that is not a node', async () => {
    const { root } = await tree();
    (root.children.node as HostileGroup).children.edges = { kind: 'dataset', dtype: 'string', shape: [4, 2], value: ['input', 'fc', 'fc', 'lif', 'lif', 'output', 'lif', 'toString'] };
    expect(await codeOf(root)).toBe('NIR_EDGE_MISSING_NODE');
  });

  it('refuses soft links (to a sibling, to an ancestor, dangling) and external links with NIR_LINK', async () => {
    const links: HostileMember[] = [
      { kind: 'softLink', target: '/node/nodes/lif/v_leak' },
      { kind: 'softLink', target: '/node' },
      { kind: 'softLink', target: '/nowhere' },
      { kind: 'externalLink', file: '/etc/passwd', target: '/x' },
    ];
    for (const link of links) {
      const { root, nodes } = await tree();
      (nodes.lif as HostileGroup).children.r = link;
      const error = await readNir(await writeHostileH5(root)).catch((e: unknown) => e) as SpikelabError;
      expect(error.code, JSON.stringify(link)).toBe('NIR_LINK');
      expect(error.where).toBe('/node/nodes/lif/r');
    }
  });

  it('counts the nodes of a file before reading them (NIR_TOO_MANY_NODES, with --max-nodes in the hint)', async () => {
    const { root } = await tree();
    const error = await readNir(await writeHostileH5(root), { maxNodes: 3 }).catch((e: unknown) => e) as SpikelabError;
    expect(error.code).toBe('NIR_TOO_MANY_NODES');
    expect(error.hint).toMatch(/--max-nodes/);
  });

  it('reads a negative, zero or NaN τ, which validation then refuses (as info reports and simulate refuses)', async () => {
    const { root, nodes } = await tree();
    ((nodes.lif as HostileGroup).children.tau as unknown as { value: number[] }).value = [-1, 0, NaN, 2];
    const result = await readNir(await writeHostileH5(root));
    const codes = validateGraph(result.graph).problems.filter((p) => p.severity === 'error').map((p) => p.code);
    expect(codes).toContain('GRAPH_NON_FINITE');
  });

  it('refuses a weight whose one gzip chunk inflates to 1 GiB (NIR_CHUNK_TOO_LARGE), before inflating it', async () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5);
    const big: NirGraph = { ...graph, nodes: { ...graph.nodes, fc: { type: 'Affine', weight: { shape: [4, 3 * 100_000], data: Float32Array.from({ length: 1_200_000 }, random) }, bias: filled([4], 0) }, input: { type: 'Input', shape: [300_000] } } };
    const bytes = replaceChunk(await writeNir(big), '/node/nodes/fc/weight', zeroDeflate(2 ** 30));
    expect(bytes.length).toBeLessThan(6_000_000);
    const error = await readNir(bytes).catch((e: unknown) => e) as SpikelabError;
    expect(error).toMatchObject({ code: 'NIR_CHUNK_TOO_LARGE', where: '/node/nodes/fc/weight' });
  });

  it('refuses a version string whose vlen length declares 1 GiB (charged before the heap is read)', async () => {
    const bytes = await writeNir(graph);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(contiguousAddress(bytes, '/version'), 2 ** 30, true);
    expect(await readNir(bytes).catch((e: unknown) => e)).toMatchObject({ code: 'NIR_TOO_LARGE', where: '/version' });
  });
});
