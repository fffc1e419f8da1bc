import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexPortable } from './sha256';

describe('sha256', () => {
  it('gives the FIPS 180-4 test vector for "abc" on both paths', async () => {
    // FIPS 180-4 / NIST example: SHA-256("abc").
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(abc);
    expect(sha256HexPortable(new TextEncoder().encode('abc'))).toBe(abc);
  });

  it('agrees with Node crypto at block boundaries and on a large buffer', () => {
    for (const n of [0, 55, 56, 63, 64, 65, 119, 120, 1000, 300_001]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff);
      expect(sha256HexPortable(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
