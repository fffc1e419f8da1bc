/**
 * `spikelab convert IN OUT [--for nir|snntorch|norse] [--dt D]`: reads IN (.nir through the
 * tolerant reader, or .json) and writes OUT in the lab's profile (.nir: loads with plain
 * nir.read; .json: the documented JSON form). `--for` rewrites the network into the form that
 * peer's importer reads exactly (../../engine/nir/targets: same β, gains, thresholds and spikes
 * at the dt it assumes), printing what changed; a network the target cannot express is refused
 * (NIR_TARGET_CANNOT_EXPRESS, each node and why) and nothing is written. dt is the file's guess
 * unless given.
 */
import { optionalNumber, requirePositional, stringOption } from '../args';
import { limitsOf } from '../limitsOption';
import { SPECS } from '../optionSpecs';
import { printJson } from '../output';
import { SpikelabError } from '../../engine/core/errors';
import { cannotExpress, EXPORT_TARGETS, isExportTargetId, planExport } from '../../engine/nir/targets/index';
import type { Command } from '../command';
import { loadGraph, saveGraph } from './graphFile';

const usage = 'spikelab convert IN.nir|IN.json OUT.nir|OUT.json [--for nir|snntorch|norse] [--dt SECONDS_OR_STEPS]';

export const convert: Command = {
  name: 'convert',
  usage,
  summary: 'Re-save a network in the lab\'s NIR profile (repairs third-party quirks), convert between .nir and JSON, or rewrite it for snnTorch\'s or Norse\'s importer (--for).',
  options: { for: { kind: 'string', choices: EXPORT_TARGETS.map((t) => t.id) }, dt: SPECS.POSITIVE },
  maxPositionals: 2,
  async run(args) {
    const input = requirePositional(args, 0, 'the input file', usage);
    const output = requirePositional(args, 1, 'the output file', usage);
    const target = stringOption(args, 'for') ?? 'nir';
    if (!isExportTargetId(target)) throw new SpikelabError('CLI_BAD_OPTION', `Unknown target "${target}".`, `Usage: ${usage}`);
    const loaded = await loadGraph(input, optionalNumber(args, 'dt'), limitsOf(args));
    const plan = planExport(loaded.graph, loaded.dtGuess.dt, target);
    const report = { target: plan.target.id, load: plan.target.load, dt: plan.dt, changes: plan.changes, renamed: plan.renamed };
    if (!plan.graph) {
      printJson({ input, ...report, refusals: plan.refusals, error: cannotExpress(plan).toInfo() });
      return 1;
    }
    const bytes = await saveGraph(output, plan.graph);
    printJson({ input, output, bytes, nodeCount: Object.keys(plan.graph.nodes).length, warnings: loaded.warnings, dtGuess: loaded.dtGuess, ...report });
    return 0;
  },
};
