/**
 * A NIRGraph group (nodes + edges, any depth) → NirGraph (docs/specs/nir.md §4). Edge quirks:
 * float64 `(0,)` empty edges, (0, 2) string edges, fixed-length strings, duplicates (removed),
 * integer edges (mapped when the nodes are integer-named, as Lava's script writes them).
 * Edges naming a node that does not exist are refused: guessing would change the network.
 */
import { emptyRecord } from '../core/records';
import type { H5Group } from '../hdf5';
import type { NirGraph, NirNode } from '../graph/types';
import { nirError, numbersOf, stringsOf } from './h5fields';
import { readNode, type NodeContext } from './readNode';

function readEdges(group: H5Group, nodes: Record<string, NirNode>, ctx: NodeContext): Array<[string, string]> {
  const ds = group.children.edges;
  if (ds === undefined || ds.kind !== 'dataset') {
    throw nirError('NIR_MISSING_EDGES', `The graph ${ctx.name || '(top level)'} has no "edges" dataset.`, 'Re-export the network with nir.write.', ctx.where);
  }
  const size = ds.shape.reduce((a, b) => a * b, 1);
  if (size === 0) {
    if (Object.keys(nodes).length > 1) ctx.warnings.add('NIR_EMPTY_EDGES', `The graph ${ctx.name || '(top level)'} has ${Object.keys(nodes).length} nodes but no edges.`, ctx.name || undefined);
    return [];
  }
  if (ds.shape.length !== 2 || ds.shape[1] !== 2) {
    throw nirError('NIR_BAD_EDGES', `Edges of ${ctx.name || 'the top-level graph'} have shape [${ds.shape.join(', ')}]; NIR stores (E, 2) [source, target] pairs.`, 'Re-export the network with nir.write.', `${ctx.where}/edges`);
  }
  let flat = stringsOf(ds);
  if (!flat) {
    const ints = numbersOf(ds, `${ctx.where}/edges`).map(String);
    const names = Object.keys(nodes).slice(0, 6);
    const missing = ints.filter((n) => !(n in nodes));
    if (missing.length > 0) {
      throw nirError('NIR_INT_EDGES', `Edges of ${ctx.name || 'the top-level graph'} are integers (${ints.slice(0, 4).join(', ')}…), but the nodes are named ${names.slice(0, 6).join(', ')}: they cannot be matched.`,
        'Name edges by node name (strings), as nir.write does for graphs keyed by strings.', `${ctx.where}/edges`);
    }
    ctx.warnings.add('NIR_INT_EDGES', `Edges of ${ctx.name || 'the top-level graph'} are stored as integers (Lava-style export); matched to the integer-named nodes.`, ctx.name || undefined);
    flat = ints;
  }
  const edges: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (let i = 0; i < flat.length; i += 2) {
    const edge: [string, string] = [flat[i], flat[i + 1]];
    for (const end of edge) {
      if (!(end in nodes)) {
        throw nirError('NIR_EDGE_MISSING_NODE', `Edge ${edge[0]} → ${edge[1]} of ${ctx.name || 'the top-level graph'} names "${end}", which is not a node of that graph (nodes: ${Object.keys(nodes).slice(0, 12).join(', ')}${Object.keys(nodes).length > 12 ? ', …' : ''}).`,
          'The file is inconsistent; fix the node name in the exporter (or in h5py) and save it again.', `${ctx.where}/edges`);
      }
    }
    const key = JSON.stringify(edge);
    if (seen.has(key)) {
      ctx.warnings.add('NIR_DUPLICATE_EDGE', `Edge ${edge[0]} → ${edge[1]} appears more than once; kept once.`, ctx.name || undefined);
      continue;
    }
    seen.add(key);
    edges.push(edge);
  }
  return edges;
}

export function readGraph(group: H5Group, ctx: NodeContext): NirGraph {
  const nodesGroup = group.children.nodes;
  if (nodesGroup === undefined || nodesGroup.kind !== 'group') {
    throw nirError('NIR_MISSING_NODES', `The graph ${ctx.name || '(top level)'} has no "nodes" group.`, 'Re-export the network with nir.write.', ctx.where);
  }
  const nodes = emptyRecord<NirNode>();
  for (const [name, child] of Object.entries(nodesGroup.children)) {
    const path = ctx.name ? `${ctx.name}.${name}` : name;
    const where = `${ctx.where}/nodes/${name}`;
    if (child.kind !== 'group') {
      throw nirError('NIR_BAD_NODE', `${where} is a dataset; every node of a NIR graph is a group.`, 'Re-export the network with nir.write.', where);
    }
    nodes[name] = readNode(child, { ...ctx, name: path, where });
  }
  return { type: 'NIRGraph', nodes, edges: readEdges(group, nodes, ctx) };
}

export function graphContext(warnings: NodeContext['warnings'], budget: NodeContext['budget']): NodeContext {
  return { name: '', where: '/node', warnings, budget, readGraph };
}
