/**
 * What one catalogue entry says about a NIR primitive (docs/specs/nir.md §5): how the editor
 * shows it (category, label, equation), its parameters (NIR field name, kind, unit, bounds,
 * palette default, shape rule, whether training changes it) and what the NIR reader and writer
 * need to know about each field (who defaults it when a file lacks it, which keys are ignored).
 * Plain data: the engine (reader, writer, JSON form, validation, shapes), the CLI and the UI
 * (palette, canvas, inspector) all read the same entry.
 */
import type { WarningCode } from '../../core/errorCodes';
import type { NeuronOptions } from '../labMetadata';
import { filled, type NirNode, type NodeType } from '../types';
import type { Category } from './categories';

/**
 * How a field is held in memory (../types.ts) and stored in a file:
 *  - 'array': float32 tensor (NdArray);     - 'int': one integer (0-d int64);
 *  - 'ints': an integer tuple (int64; 0-d when `length` is 1, as NIR stores Conv1d fields);
 *  - 'padding': an integer tuple or the word 'same' / 'valid' (a scalar string).
 */
export type ParamKind = 'array' | 'ints' | 'int' | 'padding';

/** What a parameter measures; its unit follows from it (./units.ts). */
export type Quantity = 'time constant' | 'delay' | 'potential' | 'resistance' | 'gain' | 'size' | 'count' | 'dimension';

/** The smallest legal value: every element must be above it (`exclusive`) or at least it. */
export interface Bound {
  value: number;
  exclusive: boolean;
}

/**
 * A field a file may lack, and what the reader does then (nir.md §10.2, §10.5): `by` says whether
 * the official nir.read defaults it too ('nir.read') or refuses the node ('spikelab': only our
 * tolerant reader accepts it). With `fill` the reader fills that value (broadcast to the layer);
 * without it the field stays absent in memory (`?` in ../types.ts) and is inferred from the
 * neighbours. `note` is the reader's warning, written after `Type "name" `.
 */
export interface IfAbsent {
  by: 'nir.read' | 'spikelab';
  fill?: number;
  warning?: { code: WarningCode; note: string };
}

/** How training changes a parameter: by gradient ('always'), or as a decay with the learn_decay option. */
export type Trained = 'always' | 'learn_decay';

export interface ParamSpec {
  /** The NIR field: dataset name in the file, key of the node in memory, label in the inspector. */
  key: string;
  kind: ParamKind;
  /** Tuple length of 'ints' / 'padding' (undefined: any length, as a shape). */
  length?: number;
  quantity: Quantity;
  /** What it is, in words ("membrane time constant"). */
  meaning: string;
  /** The shape it takes ("layer": the population's shape, as every parameter of an element-wise node). */
  shapeRule: string;
  /** Smallest value the inspector accepts (and, for tensors, validation). */
  min?: Bound;
  /** The palette's value for each element of an element-wise parameter. */
  default?: number;
  trained?: Trained;
  ifAbsent?: IfAbsent;
}

export interface NeuronTraits {
  /** What the population puts out: spikes z, or the membrane v. */
  output: 'spikes' | 'membrane';
  /** The lab's neuron options that change this model (../labMetadata.ts), as the inspector offers them. */
  options: ReadonlyArray<keyof Pick<NeuronOptions, 'reset' | 'spikeFrom' | 'integration'>>;
}

export interface Primitive {
  type: NodeType;
  category: Category;
  /** A name in words ("Leaky integrate-and-fire"). */
  label: string;
  /** One line: what it does. */
  description: string;
  /** The equation the inspector shows; for neurons the one in src/engine/neurons/ (a test checks). */
  equation: string;
  /** Stem of the name a new node gets ("lif" → lif, lif_2, …). */
  baseName: string;
  /** The fields, in NIR's order (the constructor's; the order the writer stores them). */
  params: readonly ParamSpec[];
  /** Element-wise nodes: every parameter has the layer's shape, read from this one. */
  sizedBy?: string;
  /** Keeps state from one step to the next (so it may close a loop). */
  stateful: boolean;
  neuron?: NeuronTraits;
  /** Keys the NIR constructor accepts but the writer never writes; the reader ignores them. */
  nirIgnored: readonly string[];
  /** The node the palette adds (`seed` for weights). */
  create(seed: number): NirNode;
}

/** Neurons per population of a palette node. */
export const PALETTE_SIZE = 10;

/** Whether a field may be absent in memory: it is inferred from the neighbours when a file lacks it. */
export function isInferred(param: ParamSpec): boolean {
  return param.ifAbsent !== undefined && param.ifAbsent.fill === undefined;
}

/** A palette node of an element-wise type: each parameter PALETTE_SIZE wide, filled with its default. */
export function filledLayer(type: NodeType, params: readonly ParamSpec[]): NirNode {
  return { type, ...Object.fromEntries(params.map((p) => [p.key, filled([PALETTE_SIZE], p.default ?? 0)])) } as NirNode;
}
