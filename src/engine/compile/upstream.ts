/**
 * The nodes whose output reaches `name` through nodes that only pass values on (`passes`): a
 * walk back along edges, iterative, each node visited once. `into` maps a node to its sources.
 */
export function upstreamThrough(into: ReadonlyMap<string, readonly string[]>, name: string, passes: (node: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [...(into.get(name) ?? [])];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    if (passes(s)) stack.push(...(into.get(s) ?? []));
    else out.push(s);
  }
  return out;
}
