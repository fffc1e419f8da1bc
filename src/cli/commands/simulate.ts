/**
 * `spikelab simulate GRAPH (--input FILE.json | --dataset ID --index I) [--dt D] [--record a,b]`:
 * runs one input through the graph and prints, for each recorded population, the spikes (per
 * step, the indices of the neurons that fired) and the membrane (per step, one value per neuron).
 * FILE.json is time-major: nested arrays [T][…features] or { "shape": [T, …], "data": [...] }.
 * `--stimulus KIND:KEY=VALUE,… [--T N]` drives the graph's Input with a generated stimulus
 * instead (../stimulusOption.ts; times in the graph's unit, seconds for most files; T steps, 100
 * by default).
 */
import { numberOption, optionalNumber, stringOption, type ParsedArgs } from '../args';
import { startBackendFor } from '../backendOption';
import { printJson } from '../output';
import { RUN_OPTIONS, SPECS } from '../optionSpecs';
import { setupRun } from '../trainingOptions';
import { SpikelabError } from '../../engine/core/errors';
import { initParamsA } from '../../engine/workloads/canon';
import { workloadAGraph } from '../../engine/workloads/workloadAGraph';
import { Program } from '../../engine/tensor/program/program';
import { simulateSample } from '../../engine/tensor/train/session';
import { surrogateSpec } from '../../engine/surrogates/index';
import type { TrainingData } from '../../engine/train/types';
import { bytesOf, loadGraph } from './graphFile';
import { parseStimulus } from '../stimulusOption';
import { stimulusData } from '../../engine/stimuli/generate';
import { limitsOf } from '../limitsOption';
import { MAX_RANK, MAX_STEPS } from '../../engine/core/limits';
import { sizeOf } from '../../engine/graph/types';
import type { ShapeResult } from '../../engine/graph/shapes';

/** Values (spikes and membranes of every step) the JSON answer may hold. */
const MAX_PRINTED_VALUES = 20_000_000;
import type { Command } from '../command';

const usage = 'spikelab simulate GRAPH (--input FILE.json | --dataset ID --index I | --stimulus KIND:KEY=VALUE,… [--T N]) [--dt D] [--record a,b] [--backend wasm|cpu]';

/** Steps a stimulus runs for without --T. */
const DEFAULT_STIMULUS_T = 100;

function badInput(path: string, message: string, hint: string): SpikelabError {
  return new SpikelabError('CLI_BAD_INPUT', `${path}: ${message}`, hint, path);
}

/** Reads FILE.json (nested [T][…] arrays or {"shape": [T, …], "data": […]}), its size capped before it is read. */
async function inputFile(path: string, maxBytes: number): Promise<{ T: number; shape: number[]; data: Float32Array }> {
  const bytes = await bytesOf(path, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new SpikelabError('CLI_BAD_INPUT', `${path} is not a readable JSON file (${(error as Error).message}).`, 'Give nested arrays [T][features] or {"shape": [T, …], "data": […]}.', path);
  }
  let T: number;
  let shape: number[];
  let values: unknown[];
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'shape' in parsed && 'data' in parsed) {
    const given = parsed as { shape: unknown; data: unknown };
    if (!Array.isArray(given.shape) || given.shape.length < 1 || given.shape.length > MAX_RANK + 1 || !given.shape.every((d) => Number.isSafeInteger(d) && d >= 1)) {
      throw badInput(path, `"shape" must be [T, …features] with at most ${MAX_RANK + 1} positive whole numbers.`, 'Example: {"shape": [100, 128], "data": [...12800 numbers]}.');
    }
    if (!Array.isArray(given.data)) throw badInput(path, '"data" is not an array.', 'The data array must hold the product of the shape, row-major.');
    const size = (given.shape as number[]).reduce((a, b) => a * b, 1);
    if (given.data.length !== size) throw badInput(path, `${given.data.length} values for shape [${given.shape.join(', ')}].`, 'The data array must hold the product of the shape.');
    [T, ...shape] = given.shape as number[];
    values = given.data;
  } else if (Array.isArray(parsed) && parsed.length > 0) {
    shape = [];
    for (let level: unknown = parsed; Array.isArray(level) && shape.length <= MAX_RANK + 1; level = level[0]) shape.push(level.length);
    if (shape.length > MAX_RANK + 1) throw badInput(path, `the arrays nest more than ${MAX_RANK + 1} levels deep.`, 'Give nested arrays [T][features].');
    values = (parsed as unknown[]).flat(shape.length - 1);
    T = shape.shift()!;
    if (values.length !== T * shape.reduce((a, b) => a * b, 1)) throw badInput(path, 'the nested arrays are ragged.', 'Every time step needs the same number of values.');
  } else {
    throw badInput(path, 'it holds no time steps.', 'Give nested arrays [T][features].');
  }
  if (T > MAX_STEPS) throw badInput(path, `${T} time steps is over the cap of ${MAX_STEPS}.`, 'Simulate a shorter input.');
  const data = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw badInput(path, `value ${i} is ${JSON.stringify(v)?.slice(0, 40)}, not a number.`, 'Every time step needs the same number of values.');
    data[i] = v;
  }
  return { T, shape, data };
}

/** Refuses data whose values per step do not match what the graph's Input takes. */
function checkFeatures(program: Program, featureShape: number[], T: number, source: string): void {
  const given = sizeOf(featureShape);
  const wanted = sizeOf(program.inputShape);
  if (given !== wanted) {
    throw new SpikelabError('CLI_INPUT_MISMATCH', `${source} has ${given} values per step ([${featureShape.join(', ')}]), but the graph's Input "${program.inputName}" takes ${wanted} ([${program.inputShape.join(', ')}]).`,
      `Give ${wanted} values per time step (nested arrays [T][${program.inputShape.join('][')}] or {"shape": [T, ${program.inputShape.join(', ')}], "data": [...]}), or choose a graph whose Input fits the data.`);
  }
  const recorded = T * program.neuronLayers().reduce((n, l) => n + l.size, 0);
  if (recorded > MAX_PRINTED_VALUES) {
    throw new SpikelabError('CLI_TOO_LARGE', `Recording ${T} steps of ${program.neuronLayers().length} populations is ${recorded} values, over the ${MAX_PRINTED_VALUES} this command prints.`,
      'Simulate a shorter input (fewer time steps) or a smaller graph.');
  }
}

export const simulate: Command = {
  name: 'simulate',
  usage,
  summary: 'Run one input through a graph and print spikes and membranes of chosen nodes',
  options: { ...RUN_OPTIONS, input: SPECS.TEXT, index: { kind: 'int', min: 0, max: Number.MAX_SAFE_INTEGER }, record: SPECS.TEXT, stimulus: SPECS.TEXT },
  maxPositionals: 1,
  async run(args: ParsedArgs) {
    const backend = await startBackendFor(args);
    const limits = limitsOf(args);
    const inputPath = stringOption(args, 'input');
    const stimulusText = stringOption(args, 'stimulus');
    const stimulus = stimulusText === undefined ? undefined : parseStimulus(stimulusText);
    if (stimulus && (inputPath !== undefined || args.options.dataset !== undefined)) {
      throw new SpikelabError('CLI_BAD_OPTION', '--stimulus replaces the input: it cannot be combined with --input or --dataset.', `Usage: ${usage}`);
    }
    let data: TrainingData;
    let index = 0;
    let graph;
    let validated: ShapeResult | undefined;
    let dt: number;
    let source: string;
    if (inputPath !== undefined || stimulus) {
      const loaded = args.positionals[0] === undefined ? null : await loadGraph(args.positionals[0], optionalNumber(args, 'dt'), limits);
      graph = loaded?.graph ?? workloadAGraph(initParamsA({ gain: 2 }));
      if (loaded) validated = { shapes: loaded.shapes, problems: loaded.problems };
      dt = optionalNumber(args, 'dt') ?? loaded?.dtGuess.dt ?? 1;
      if (stimulus) {
        // Generated once the program knows the Input's shape (below); T steps until then.
        data = { n: 1, T: numberOption(args, 'T', DEFAULT_STIMULUS_T), featureShape: [], classes: 0, labels: new Uint8Array(1), batch: () => new Float32Array(0) };
        source = `the ${stimulus.kind} stimulus`;
      } else {
        const x = await inputFile(inputPath!, limits.decodedBytes);
        data = { n: 1, T: x.T, featureShape: x.shape, classes: 0, labels: new Uint8Array(1), batch: () => x.data };
        source = inputPath!;
      }
    } else {
      const setup = await setupRun(args, { needTrain: false });
      ({ graph, dt } = setup);
      data = setup.train;
      index = numberOption(args, 'index', 0);
      source = setup.dataSource;
    }
    const program = new Program(graph, { dt, surrogate: surrogateSpec(), maxNodes: limits.maxNodes, validated });
    try {
      if (stimulus) data = stimulusData(stimulus, { T: data.T, dt, inputShape: program.inputShape });
      checkFeatures(program, data.featureShape, data.T, source);
      const record = await simulateSample(program, data, index);
      const wanted = stringOption(args, 'record')?.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = wanted?.filter((w) => !record.layers.some((l) => l.name === w));
      if (unknown?.length) {
        throw new SpikelabError('CLI_BAD_OPTION', `--record names ${unknown.join(', ')}, which ${unknown.length > 1 ? 'are not neuron populations' : 'is not a neuron population'} of this graph.`,
          `Record any of: ${record.layers.map((l) => l.name).join(', ')}.`);
      }
      const layers = record.layers.filter((l) => !wanted || wanted.includes(l.name)).map((l) => {
        const steps = Array.from({ length: record.T }, (_, t) => t);
        const spikes = l.spikes ? steps.map((t) => { const fired: number[] = []; for (let i = 0; i < l.size; i++) if (l.spikes![t * l.size + i]) fired.push(i); return fired; }) : undefined;
        const membrane = l.membrane ? steps.map((t) => Array.from(l.membrane!.subarray(t * l.size, (t + 1) * l.size), (v) => Math.round(v * 1e6) / 1e6)) : undefined;
        const total = l.spikes ? l.spikes.reduce((a, b) => a + b, 0) : undefined;
        return { name: l.name, type: l.type, size: l.size, threshold: l.threshold, spike_count: total, spikes, membrane };
      });
      printJson({ T: record.T, dt, backend: backend.name, prediction: record.prediction, layers });
      return 0;
    } finally {
      program.dispose();
    }
  },
};
