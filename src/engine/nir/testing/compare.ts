/** Comparing our graphs with the JSON twins of the official reader, and with each other. */
import { expect } from 'vitest';
import type { MetaValue, NirGraph, NirNode } from '../../graph/types';
import type { JsonNode } from './fixtures';

function flatten(value: unknown): Array<number | string> {
  if (value instanceof Float32Array) return Array.from(value);
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value !== null && typeof value === 'object' && 'data' in value) return flatten((value as { data: unknown }).data);
  return [value as number | string];
}

function close(a: number | string, b: number | string, rel: number): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));
}

/** Our value equals the official one: float32 tolerance (float64 files are read into float32). */
export function expectSameValues(ours: unknown, theirs: unknown, where: string, rel = 1e-6): void {
  const a = flatten(ours);
  const b = flatten(theirs);
  if (b.length === 1 && a.length > 1) {
    expect(a.every((v) => close(v, b[0], rel)), `${where}: broadcast of ${b[0]}`).toBe(true);
    return;
  }
  expect(a.length, `${where}: number of values`).toBe(b.length);
  const bad = a.findIndex((v, i) => !close(v, b[i], rel));
  expect(bad, `${where}: first differing value at ${bad}: ${a[bad]} vs ${b[bad]}`).toBe(-1);
}

/** Node types, parameter values and edges of `graph` match the official reader's JSON twin. */
export function expectMatchesJson(graph: NirGraph, json: JsonNode, squeezed: ReadonlySet<string> = new Set(), path = ''): void {
  expect(Object.keys(graph.nodes).sort(), `${path || 'top'}: node names`).toEqual(Object.keys(json.nodes ?? {}).sort());
  const edges = (g: Array<[string, string]>) => g.map((e) => e.join('→')).sort();
  expect(edges(graph.edges), `${path || 'top'}: edges`).toEqual(edges(json.edges ?? []));
  for (const [name, twin] of Object.entries(json.nodes ?? {})) {
    const node = graph.nodes[name];
    const where = path ? `${path}.${name}` : name;
    expect(node.type, `${where}: type`).toBe(twin.type);
    if (node.type === 'NIRGraph') {
      expectMatchesJson(node, twin, squeezed, where);
      continue;
    }
    const record = node as unknown as Record<string, unknown>;
    for (const [param, value] of Object.entries(twin.params ?? {})) {
      if (value === null || record[param] === undefined) continue; // e.g. input_shape absent in nir 0.2
      if (param === 'shape' && squeezed.has(where)) {
        // NIR_SINGLETON_DIMS: the reader dropped size-1 batch/time dims (nir.md §10.4) on purpose.
        expect((record.shape as number[]).filter((d) => d !== 1), `${where}.shape`).toEqual((value as number[]).filter((d) => d !== 1));
        continue;
      }
      expectSameValues(record[param], value, `${where}.${param}`);
    }
  }
}

function plainMeta(value: MetaValue | undefined): unknown {
  if (value instanceof Object && 'data' in value && (value as { data: unknown }).data instanceof Float32Array) {
    return { shape: (value as { shape: number[] }).shape, data: Array.from((value as { data: Float32Array }).data) };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainMeta(v as MetaValue)]));
  }
  return value;
}

/** Two graphs are the same network: types, parameters (exactly), edges (as sets), metadata. */
export function expectSameGraph(a: NirGraph, b: NirGraph, path = ''): void {
  expect(Object.keys(a.nodes).sort(), `${path || 'top'}: node names`).toEqual(Object.keys(b.nodes).sort());
  const edges = (g: NirGraph) => g.edges.map((e) => e.join('→')).sort();
  expect(edges(a), `${path || 'top'}: edges`).toEqual(edges(b));
  expect(plainMeta(a.metadata), `${path || 'top'}: metadata`).toEqual(plainMeta(b.metadata));
  for (const [name, node] of Object.entries(a.nodes) as Array<[string, NirNode]>) {
    const other = b.nodes[name];
    const where = path ? `${path}.${name}` : name;
    expect(other.type, `${where}: type`).toBe(node.type);
    if (node.type === 'NIRGraph') {
      expectSameGraph(node, other as NirGraph, where);
      continue;
    }
    expect(plainMeta(other.metadata), `${where}: metadata`).toEqual(plainMeta(node.metadata));
    for (const [key, value] of Object.entries(node)) {
      if (key === 'metadata') continue;
      const theirs = (other as unknown as Record<string, unknown>)[key];
      if (value instanceof Object && 'data' in value) {
        expect((theirs as { shape: number[] }).shape, `${where}.${key}: shape`).toEqual((value as { shape: number[] }).shape);
      }
      expectSameValues(theirs, value, `${where}.${key}`, 0);
    }
  }
}
