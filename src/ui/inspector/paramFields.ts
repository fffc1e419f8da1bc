/**
 * The editable fields of a node (its catalogue entry's parameters, ../../engine/graph/primitives)
 * and how text typed into them becomes a valid parameter value. Every parse returns either a value
 * or a message saying what is wrong and what is expected.
 */
import { isElementwise, paramOf, type ParamSpec } from '../../engine/graph/primitives';
import { filled, type NdArray, type NirNode } from '../../engine/graph/types';
import { seededWeights } from '../../engine/graph/templates';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a parse checks a typed value against: the field's name (for messages), tuple length and lower bound. */
export type Constraint = Pick<ParamSpec, 'key' | 'length' | 'min'>;

/** The editable fields of `node`, in the node's own order, as its catalogue entry describes them. */
export function fieldsOf(node: NirNode): ParamSpec[] {
  const record = node as unknown as Record<string, unknown>;
  return Object.keys(node).flatMap((key) => {
    const spec = record[key] === undefined ? undefined : paramOf(node.type, key);
    return spec ? [spec] : [];
  });
}

export function parseScalar(field: Constraint, text: string): Parsed<number> {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return { ok: false, message: `“${text}” is not a number; type e.g. 0.02 or 2e-2.` };
  const bound = field.min;
  if (bound && (bound.exclusive ? value <= bound.value : value < bound.value)) {
    return { ok: false, message: `${field.key} must be ${bound.exclusive ? 'greater than' : 'at least'} ${bound.value}.` };
  }
  return { ok: true, value };
}

export function parseInts(field: Constraint, text: string): Parsed<number[]> {
  const { key, length } = field;
  const parts = text.split(/[\s,×x]+/).filter(Boolean);
  const values = parts.map(Number);
  if (parts.length === 0 || values.some((v) => !Number.isInteger(v))) return { ok: false, message: `Type whole numbers separated by commas, e.g. “2, 2”.` };
  if (length !== undefined && values.length !== length) return { ok: false, message: `${key} needs ${length} value${length === 1 ? '' : 's'}.` };
  const min = field.min?.value;
  if (min !== undefined && values.some((v) => v < min)) return { ok: false, message: `Every ${key} value must be at least ${min}.` };
  return { ok: true, value: values };
}

export function parseInt1(field: Constraint, text: string): Parsed<number> {
  const value = Number(text.trim());
  if (!Number.isInteger(value)) return { ok: false, message: `${field.key} must be a whole number.` };
  const min = field.min?.value;
  if (min !== undefined && value < min) return { ok: false, message: `${field.key} must be at least ${min}.` };
  return { ok: true, value };
}

export function parsePadding(field: Constraint, text: string): Parsed<number[] | 'same' | 'valid'> {
  const word = text.trim().toLowerCase();
  if (word === 'same' || word === 'valid') return { ok: true, value: word };
  const ints = parseInts(field, text);
  return ints.ok ? ints : { ok: false, message: `Padding is “same”, “valid”, or ${field.length} whole number(s) ≥ 0.` };
}

/** The single value when every element is equal, else null. */
export function uniformValue(array: NdArray): number | null {
  if (array.data.length === 0) return null;
  const first = array.data[0];
  return array.data.every((v) => v === first) ? first : null;
}

export function summary(array: NdArray): { min: number; max: number; mean: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of array.data) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, max, mean: array.data.length ? sum / array.data.length : 0 };
}

export function histogram(data: Float32Array, bins: number): { counts: number[]; min: number; max: number } {
  const { min, max } = summary({ shape: [data.length], data });
  const counts = new Array<number>(bins).fill(0);
  const width = max > min ? (max - min) / bins : 1;
  for (const v of data) counts[Math.min(bins - 1, Math.floor((v - min) / width))] += 1;
  return { counts, min, max };
}

/** Element-wise nodes can be resized to n units: every parameter refilled with its first value. */
export function resizable(node: NirNode): boolean {
  return isElementwise(node.type);
}

export function resized(node: NirNode, units: number): NirNode {
  const next: Record<string, unknown> = { ...node };
  for (const field of fieldsOf(node)) {
    const array = (node as unknown as Record<string, NdArray>)[field.key];
    if (field.kind === 'array') next[field.key] = filled([units], array.data[0] ?? 0);
  }
  return next as unknown as NirNode;
}

/** Affine/Linear with new (out, in) sizes: fresh seeded weights, zero bias. */
export function reshapedConnection(node: NirNode, outputs: number, inputs: number): NirNode {
  if (node.type === 'Affine') return { ...node, weight: seededWeights([outputs, inputs], inputs, outputs * 31 + inputs), bias: filled([outputs], 0) };
  if (node.type === 'Linear') return { ...node, weight: seededWeights([outputs, inputs], inputs, outputs * 31 + inputs) };
  return node;
}
