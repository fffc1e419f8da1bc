/**
 * The union of ./errorCodes.ts stays the list of codes in use: every code it names is raised or
 * switched on somewhere in src/ (outside tests), so a code that is no longer used is removed from
 * it. (That every code used is in it, the compiler checks: SpikelabError takes an ErrorCode.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..');
const UNION_FILE = join(__dirname, 'errorCodes.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && path !== UNION_FILE ? [path] : [];
  });
}

describe('the error-code union', () => {
  const union = readFileSync(UNION_FILE, 'utf8');
  const codes = [...new Set([...union.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]))];
  const text = sources(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('names over a hundred codes', () => {
    expect(codes.length).toBeGreaterThan(100);
  });

  it('names only codes that src/ uses', () => {
    expect(codes.filter((code) => !text.includes(`'${code}'`))).toEqual([]);
  });
});
