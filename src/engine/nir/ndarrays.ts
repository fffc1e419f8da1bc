/** Small helpers on the graph model's NdArray (row-major Float32Array + shape). */
import type { ByteBudget } from '../core/limits';
import { sizeOf, type MetaValue, type NdArray } from '../graph/types';

export function isNdArrayValue(value: MetaValue | undefined): value is NdArray {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'data' in value && 'shape' in value && value.data instanceof Float32Array;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function formatShape(shape: readonly number[] | undefined): string {
  return shape ? `[${shape.join(', ')}]` : '[?]';
}

export function squeeze(shape: readonly number[]): number[] {
  return shape.filter((d) => d !== 1);
}

/** Broadcasts a 0-d or one-element array to `shape` (every value the same), charging `budget` first. */
export function broadcastTo(array: NdArray, shape: number[], budget?: ByteBudget, where?: string): NdArray {
  budget?.spend(sizeOf(shape) * 4, where);
  return { shape: [...shape], data: new Float32Array(sizeOf(shape)).fill(array.data[0] ?? 0) };
}
