/**
 * A reader's repairs as few notes: warnings of one code become one note naming the nodes it hit
 * (a Sinabs CNN from nir < 1.0.6 has one "no v_reset" repair per IF layer: one note, not five).
 */
import type { NirWarning } from '../../workers/api';

export interface LoadNote {
  code: string;
  text: string;
}

const MAX_NAMED = 6;

export function groupWarnings(warnings: readonly NirWarning[]): LoadNote[] {
  const byCode = new Map<string, NirWarning[]>();
  for (const w of warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  return [...byCode.entries()].map(([code, group]) => {
    const [first] = group;
    if (group.length === 1) return { code, text: `${first.node ? `${first.node}: ` : ''}${first.message}` };
    const nodes = group.map((w) => w.node).filter((n): n is string => !!n);
    const named = nodes.length > MAX_NAMED ? `${nodes.slice(0, MAX_NAMED).join(', ')}…` : nodes.join(', ');
    const where = nodes.length ? `${group.length} nodes (${named})` : `${group.length} times`;
    return { code, text: `${where}: ${first.message}${nodes.length ? ' The same holds for the others.' : ''}` };
  });
}
