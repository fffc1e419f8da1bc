/**
 * `spikelab info FILE.nir|FILE.json [--dt D]`: what a network file holds, as one JSON document —
 * nodes (path, type, input/output shapes, parameter shapes and counts), edges, the reader's
 * warnings and the dt guess (with its reason). Refused files print {"error": {code, message, hint}}.
 */
import { optionalNumber, requirePositional } from '../args';
import { printJson } from '../output';
import { parameterArrays } from '../../engine/graph/validate';
import type { NirGraph } from '../../engine/graph/types';
import type { Command } from './index';
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

function summarise(graph: NirGraph, loaded: LoadedGraph, prefix = '', out: NodeSummary[] = []): NodeSummary[] {
  for (const name of Object.keys(graph.nodes).sort()) {
    const node = graph.nodes[name];
    const path = prefix + name;
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
    if (node.type === 'NIRGraph') summarise(node, loaded, `${path}.`, out);
  }
  return out;
}

export const info: Command = {
  name: 'info',
  usage,
  summary: 'Describe a .nir (or JSON) network: nodes, shapes, parameter counts, reader warnings, dt guess.',
  async run(args) {
    const path = requirePositional(args, 0, 'a .nir or .json file', usage);
    const dt = optionalNumber(args, 'dt');
    const loaded = await loadGraph(path, dt);
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
      dtGuess: loaded.dtGuess,
    });
    return 0;
  },
};
