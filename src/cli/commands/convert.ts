/**
 * `spikelab convert IN OUT`: reads IN (.nir through the tolerant reader, or .json) and writes OUT in
 * the lab's profile (.nir: loads with plain nir.read; .json: the documented JSON form). Prints
 * what was written and the reader's warnings (the repairs the conversion applied).
 */
import { requirePositional } from '../args';
import { limitsOf } from '../limitsOption';
import { printJson } from '../output';
import type { Command } from './index';
import { loadGraph, saveGraph } from './graphFile';

const usage = 'spikelab convert IN.nir|IN.json OUT.nir|OUT.json';

export const convert: Command = {
  name: 'convert',
  usage,
  summary: 'Re-save a network in the lab\'s NIR profile (repairs third-party quirks), or convert between .nir and JSON.',
  options: {},
  maxPositionals: 2,
  async run(args) {
    const input = requirePositional(args, 0, 'the input file', usage);
    const output = requirePositional(args, 1, 'the output file', usage);
    const loaded = await loadGraph(input, undefined, limitsOf(args));
    const bytes = await saveGraph(output, loaded.graph);
    printJson({ input, output, bytes, nodeCount: Object.keys(loaded.graph.nodes).length, warnings: loaded.warnings, dtGuess: loaded.dtGuess });
    return 0;
  },
};
