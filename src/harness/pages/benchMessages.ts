/** Messages between the bench page and its worker (plain data). */
import type { BenchCell, BenchOptions } from '../bench/benchTypes';

export type BenchRequest = { cells: BenchOptions[] };

export type BenchMessage =
  | { type: 'cell'; cell: BenchCell }
  | { type: 'error'; options: BenchOptions; error: { code: string; message: string; hint: string } }
  | { type: 'done' };

export interface BenchReport {
  done: boolean;
  cells: BenchCell[];
  errors: Array<{ options: BenchOptions; error: { code: string; message: string; hint: string } }>;
}
