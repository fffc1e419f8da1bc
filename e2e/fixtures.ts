/** The NIR fixtures of test/fixtures/nir and their JSON twins (what the official nir.read returns). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NIR_FIXTURES } from '../test/paths';

export function fixturePath(name: string): string {
  return join(NIR_FIXTURES, name);
}

/** Top-level node name → type, from a fixture's JSON twin. */
export function twinNodes(name: string): Record<string, string> {
  const twin = JSON.parse(readFileSync(fixturePath(name.replace(/\.nir$/, '.json')), 'utf8')) as { graph: { nodes: Record<string, { type: string }> } };
  return Object.fromEntries(Object.entries(twin.graph.nodes).map(([n, v]) => [n, v.type]));
}

export function twinEdgeCount(name: string): number {
  const twin = JSON.parse(readFileSync(fixturePath(name.replace(/\.nir$/, '.json')), 'utf8')) as { graph: { edges: unknown[] } };
  return twin.graph.edges.length;
}
