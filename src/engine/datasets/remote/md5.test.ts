/** MD5 against RFC 1321's test suite (appendix A.5) and node:crypto, whole and fed in pieces. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Md5, md5Hex } from './md5';

const text = (s: string) => new TextEncoder().encode(s);

describe('md5', () => {
  it('gives the digests of RFC 1321 A.5', () => {
    expect(md5Hex(text(''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(text('a'))).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5Hex(text('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex(text('message digest'))).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex(text('12345678901234567890123456789012345678901234567890123456789012345678901234567890'))).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('agrees with node:crypto on 100 kB fed in uneven pieces', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 2654435761) >>> 24);
    const hash = new Md5();
    for (let at = 0, step = 1; at < bytes.length; at += step, step = 1 + ((step * 7 + 3) % 4099)) hash.update(bytes.subarray(at, at + step));
    expect(hash.hex()).toBe(createHash('md5').update(bytes).digest('hex'));
  });
});
