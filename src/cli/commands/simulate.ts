/**
 * `spikelab simulate GRAPH (--input FILE.json | --dataset ID --index I) [--dt D] [--record a,b]`:
 * runs one input through the graph and prints, for each recorded population, the spikes (per
 * step, the indices of the neurons that fired) and the membrane (per step, one value per neuron).
 * FILE.json is time-major: nested arrays [T][…features] or { "shape": [T, …], "data": [...] }.
 */
import { readFile } from 'node:fs/promises';
import { numberOption, optionalNumber, stringOption, type ParsedArgs } from '../args';
import { startBackendFor } from '../backendOption';
import { printJson } from '../output';
import { setupRun } from '../trainingOptions';
import { SpikelabError } from '../../engine/core/errors';
import { initParamsA } from '../../engine/bench/canon';
import { workloadAGraph } from '../../engine/bench/workloadAGraph';
import { Program } from '../../engine/tensor/program/program';
import { simulateSample } from '../../engine/tensor/train/session';
import { surrogateSpec } from '../../engine/surrogates/index';
import type { TrainingData } from '../../engine/train/types';
import { loadGraph } from './graphFile';
import type { Command } from './index';

const usage = 'spikelab simulate GRAPH (--input FILE.json | --dataset ID --index I) [--dt D] [--record a,b] [--backend wasm|cpu]';

async function inputFile(path: string): Promise<{ T: number; shape: number[]; data: Float32Array }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new SpikelabError('CLI_BAD_INPUT', `${path} is not a readable JSON file (${(error as Error).message}).`, 'Give nested arrays [T][features] or {"shape": [T, …], "data": […]}.', path);
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'shape' in parsed && 'data' in parsed) {
    const { shape, data } = parsed as { shape: number[]; data: number[] };
    const size = shape.reduce((a, b) => a * b, 1);
    if (!Array.isArray(shape) || !Array.isArray(data) || data.length !== size) {
      throw new SpikelabError('CLI_BAD_INPUT', `${path}: ${Array.isArray(data) ? data.length : 'no'} values for shape [${shape}].`, 'The data array must hold the product of the shape.', path);
    }
    return { T: shape[0], shape: shape.slice(1), data: Float32Array.from(data) };
  }
  if (Array.isArray(parsed) && parsed.length > 0) {
    const flat = (parsed as unknown[]).flat(Infinity) as number[];
    const shape: number[] = [];
    for (let level: unknown = parsed; Array.isArray(level); level = level[0]) shape.push(level.length);
    if (flat.some((v) => typeof v !== 'number') || flat.length !== shape.reduce((a, b) => a * b, 1)) {
      throw new SpikelabError('CLI_BAD_INPUT', `${path}: the nested arrays are ragged or hold non-numbers.`, 'Every time step needs the same number of values.', path);
    }
    return { T: shape[0], shape: shape.slice(1), data: Float32Array.from(flat) };
  }
  throw new SpikelabError('CLI_BAD_INPUT', `${path} holds no time steps.`, 'Give nested arrays [T][features].', path);
}

export const simulate: Command = {
  name: 'simulate',
  usage,
  summary: 'Run one input through a graph and print spikes and membranes of chosen nodes',
  async run(args: ParsedArgs) {
    const backend = await startBackendFor(args);
    const inputPath = stringOption(args, 'input');
    let data: TrainingData;
    let index = 0;
    let graph;
    let dt: number;
    if (inputPath !== undefined) {
      const loaded = args.positionals[0] === undefined ? null : await loadGraph(args.positionals[0], optionalNumber(args, 'dt'));
      graph = loaded?.graph ?? workloadAGraph(initParamsA({ gain: 2 }));
      dt = optionalNumber(args, 'dt') ?? loaded?.dtGuess.dt ?? 1;
      const x = await inputFile(inputPath);
      data = { n: 1, T: x.T, featureShape: x.shape, classes: 0, labels: new Uint8Array(1), batch: () => x.data };
    } else {
      const setup = await setupRun(args, { needTrain: false });
      ({ graph, dt } = setup);
      data = setup.train;
      index = numberOption(args, 'index', 0);
    }
    const program = new Program(graph, { dt, surrogate: surrogateSpec() });
    try {
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
