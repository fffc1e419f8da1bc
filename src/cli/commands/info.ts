/**
 * `spikelab info FILE.nir|FILE.json [--dt D]`: what a network file holds, as one JSON document —
 * nodes (path, type, input/output shapes, parameter shapes and counts), edges, the reader's
 * warnings, the validation problems `simulate`/`train` would refuse on (τ ≤ 0 or NaN, algebraic
 * loops, …; `runnable` is false when any is an error) and the dt guess (with its reason).
 * Refused files print {"error": {code, message, hint}}.
 */
import { optionalNumber, requirePositional } from '../args';
import { limitsOf } from '../limitsOption';
import { SPECS } from '../optionSpecs';
import { printJson } from '../output';
import { parameterArrays } from '../../engine/graph/primitives';
import type { NirGraph, NirNode } from '../../engine/graph/types';
import type { Command } from '../command';
import { loadGraph, type LoadedGraph } from './graphFile';

const usage = 'spikelab info FILE.nir|FILE.json [--dt SECONDS_OR_STEPS]';

interface NodeSummary {
  name: string;
  type: string;
  input?: number[];
  output?: number[];
  parameters: Record<string, number[]>;
  parameterCount: number;
}

/** One summary per node, sorted by name within each graph, subgraph nodes after their graph node (no recursion). */
function summarise(root: NirGraph, loaded: LoadedGraph): NodeSummary[] {
  const out: NodeSummary[] = [];
  const pending: Array<[string, NirNode]> = Object.keys(root.nodes).sort().reverse().map((name) => [name, root.nodes[name]]);
  while (pending.length > 0) {
    const [path, node] = pending.pop()!;
    const parameters: Record<string, number[]> = {};
    let parameterCount = 0;
    if (node.type !== 'NIRGraph') {
      for (const [key, array] of parameterArrays(node)) {
        parameters[key] = array.shape;
        parameterCount += array.data.length;
      }
    }
    const shapes = loaded.shapes[path] ?? {};
    out.push({ name: path, type: node.type, ...(shapes.input ? { input: shapes.input } : {}), ...(shapes.output ? { output: shapes.output } : {}), parameters, parameterCount });
    if (node.type === 'NIRGraph') for (const inner of Object.keys(node.nodes).sort().reverse()) pending.push([`${path}.${inner}`, node.nodes[inner]]);
  }
  return out;
}

export const info: Command = {
  name: 'info',
  usage,
  summary: 'Describe a .nir (or JSON) network: nodes, shapes, parameter counts, reader warnings, validation problems, dt guess.',
  options: { dt: SPECS.POSITIVE },
  maxPositionals: 1,
  async run(args) {
    const path = requirePositional(args, 0, 'a .nir or .json file', usage);
    const dt = optionalNumber(args, 'dt');
    const loaded = await loadGraph(path, dt, limitsOf(args));
    const nodes = summarise(loaded.graph, loaded);
    printJson({
      file: path,
      format: loaded.format,
      ...(loaded.version ? { version: loaded.version } : {}),
      nodeCount: nodes.length,
      parameterCount: nodes.reduce((n, s) => n + s.parameterCount, 0),
      nodes,
      edges: loaded.graph.edges,
      warnings: loaded.warnings,
      problems: loaded.problems,
      runnable: !loaded.problems.some((p) => p.severity === 'error'),
      dtGuess: loaded.dtGuess,
    });
    return 0;
  },
};
