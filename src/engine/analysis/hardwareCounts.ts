/**
 * Counts that matter on neuromorphic hardware, for one recorded sample (a SimulationRecord):
 *
 *  - per population: spikes per sample, spikes per neuron, rate = spikes / (size · T · dt);
 *  - per weighted layer L (Linear, Affine, Conv1d, Conv2d) fed by source S:
 *      MACs per step  M_L = out · in (dense)  or  C_out · H_out · W_out · (C_in/groups) · k_h · k_w (conv)
 *      ANN MACs       = M_L · T                 (the same network run densely, every step)
 *      SynOps         = events(S) · M_L / N_S   (each event of S touches M_L / N_S synapses: exact
 *                                                for Linear/Affine, the mean fan-out for a conv)
 *    where events(S) counts the spikes of a spiking population (through Flatten and pooling layers
 *    in between) or the ones of a binary Input; a non-spiking source (an LI membrane, an analogue
 *    input) drives L densely, counted as MACs on the SNN side too.
 *  - energy: E_SNN = Σ SynOps · E_AC + Σ dense MACs · E_MAC,  E_ANN = Σ ANN MACs · E_MAC, with
 *    per-operation energies that the caller may change (defaults: 45 nm CMOS, 32-bit float,
 *    Horowitz, ISSCC 2014: add 0.9 pJ, multiply 3.7 pJ, so one AC 0.9 pJ and one MAC 4.6 pJ).
 */
import { flattenGraph } from '../compile/flatten';
import { upstreamThrough } from '../compile/upstream';
import { inferShapes } from '../graph/shapes';
import { sizeOf, type NirGraph, type NirNode } from '../graph/types';
import type { LayerRecord, SimulationRecord } from '../train/types';

export interface EnergyModel {
  /** Energy of one accumulate (a synaptic event), pJ. */
  acPj: number;
  /** Energy of one multiply-accumulate, pJ. */
  macPj: number;
}

export const HOROWITZ_45NM: EnergyModel = { acPj: 0.9, macPj: 4.6 };

export interface PopulationCount {
  name: string;
  size: number;
  spikes: number;
  spikesPerNeuron: number;
  /** Spikes per neuron per second (per step when the graph's time unit is steps). */
  rate: number;
}

export interface LayerCount {
  layer: string;
  /** The population or input whose events drive the layer. */
  source: string;
  /** 'spikes' when the source emits events, 'dense' when it sends values every step. */
  drive: 'spikes' | 'dense';
  /** Events of the source in the sample (dense: values sent). */
  events: number;
  macsPerStep: number;
  synOps: number;
  annMacs: number;
}

export interface HardwareCounts {
  T: number;
  populations: PopulationCount[];
  layers: LayerCount[];
  /** Sums over layers: synaptic ops of the SNN (ACs), its dense MACs, the ANN's MACs. */
  synOps: number;
  denseMacs: number;
  annMacs: number;
  energy: { model: EnergyModel; snnPj: number; annPj: number };
  /** Layers whose source's spikes are not in the record: counted as nothing. */
  unrecorded: string[];
}

const PASS_THROUGH = new Set(['Flatten', 'SumPool2d', 'AvgPool2d', 'Input', 'Output']);

function macsPerStep(node: NirNode, outShape: number[] | undefined): number {
  if (node.type === 'Linear' || node.type === 'Affine') return sizeOf(node.weight.shape);
  if ((node.type === 'Conv2d' || node.type === 'Conv1d') && outShape) {
    const [, perGroupIn, ...kernel] = node.weight.shape;
    return sizeOf(outShape) * perGroupIn * sizeOf(kernel);
  }
  return 0;
}

/** Counts for one sample; `dt` in the graph's time unit. */
export function hardwareCounts(graph: NirGraph, record: SimulationRecord, dt: number, model: EnergyModel = HOROWITZ_45NM): HardwareCounts {
  const flat = flattenGraph(graph);
  const shapes = inferShapes(graph).shapes;
  const sources = new Map<string, string[]>();
  for (const [s, d] of flat.edges) sources.set(d, [...(sources.get(d) ?? []), s]);
  const recorded = new Map(record.layers.map((l) => [l.name, l]));
  /** The population's spikes over the sample: all of them, also when a probe recorded fewer neurons. */
  const spikesOf = (l: LayerRecord): number | undefined => l.spikeTotal ?? (l.spikes && !l.neurons ? l.spikes.reduce((a, b) => a + b, 0) : undefined);
  const populations: PopulationCount[] = record.layers.filter((l) => l.output === 'spikes' && spikesOf(l) !== undefined).map((l) => {
    const spikes = spikesOf(l)!;
    return { name: l.name, size: l.size, spikes, spikesPerNeuron: spikes / l.size, rate: spikes / (l.size * record.T * dt) };
  });
  const inputBinary = record.input.every((v) => v === 0 || v === 1);
  const inputEvents = inputBinary ? record.input.reduce((a, v) => a + (v !== 0 ? 1 : 0), 0) : record.input.length;
  const inputSize = sizeOf(record.inputShape);
  /** The nodes that emit what reaches `name` (through pass-through layers that have a source). */
  const emitters = (name: string) => upstreamThrough(sources, name, (s) => PASS_THROUGH.has(flat.nodes[s].type) && (sources.get(s)?.length ?? 0) > 0);
  const layers: LayerCount[] = [];
  const unrecorded: string[] = [];
  for (const [name, node] of Object.entries(flat.nodes)) {
    const perStep = macsPerStep(node, shapes[name]?.output);
    if (perStep === 0) continue;
    // Sources summed into one input share it: the dense cost (ANN, or a dense source) is counted once.
    emitters(name).forEach((source, k) => {
      const layer = recorded.get(source);
      const isInput = flat.nodes[source].type === 'Input';
      const size = isInput ? inputSize : sizeOf(shapes[source]?.output ?? []);
      let drive: LayerCount['drive'];
      let events: number;
      if (isInput) [drive, events] = [inputBinary ? 'spikes' : 'dense', inputEvents];
      else if (layer && layer.output === 'spikes' && layer.size === size && spikesOf(layer) !== undefined) [drive, events] = ['spikes', spikesOf(layer)!];
      else if (layer && layer.output === 'membrane') [drive, events] = ['dense', size * record.T];
      else {
        unrecorded.push(name);
        return;
      }
      const fanOut = perStep / Math.max(1, size);
      layers.push({ layer: name, source, drive, events, macsPerStep: perStep, synOps: drive === 'spikes' ? events * fanOut : 0, annMacs: k === 0 ? perStep * record.T : 0 });
    });
  }
  const synOps = layers.reduce((a, l) => a + l.synOps, 0);
  const denseMacs = layers.filter((l) => l.drive === 'dense').reduce((a, l) => a + l.macsPerStep * record.T, 0);
  const annMacs = layers.reduce((a, l) => a + l.annMacs, 0);
  return {
    T: record.T, populations, layers, synOps, denseMacs, annMacs, unrecorded,
    energy: { model, snnPj: synOps * model.acPj + denseMacs * model.macPj, annPj: annMacs * model.macPj },
  };
}
