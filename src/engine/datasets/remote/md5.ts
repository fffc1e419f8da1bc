/**
 * MD5 (RFC 1321), fed chunk by chunk, for the checksums dataset publishers give (N-MNIST's
 * Train.zip / Test.zip, as tonic lists them). Not for security: only to tell a damaged or changed
 * download from the published file. Per 64-byte block, with F = (b∧c)∨(¬b∧d), G = (b∧d)∨(c∧¬d),
 * H = b⊕c⊕d, I = c⊕(b∨¬d): a ← b + ((a + f(b,c,d) + M[g] + K[i]) <<< s[i]), rotating (a, b, c, d).
 */
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
// K[i] = ⌊|sin(i + 1)| · 2^32⌋ (RFC 1321 §3.4).
const K = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

export class Md5 {
  private readonly state = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);
  private readonly block = new Uint8Array(64);
  private readonly words = new Int32Array(16);
  private filled = 0;
  private length = 0;

  update(bytes: Uint8Array): this {
    let at = 0;
    this.length += bytes.length;
    while (at < bytes.length) {
      const take = Math.min(64 - this.filled, bytes.length - at);
      this.block.set(bytes.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === 64) {
        this.compress();
        this.filled = 0;
      }
    }
    return this;
  }

  /** The digest as 32 lowercase hex digits (the hash cannot be fed afterwards). */
  hex(): string {
    const bits = this.length * 8;
    const tail = new Uint8Array(((this.filled < 56 ? 56 : 120) - this.filled) + 8);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, bits >>> 0, true);
    view.setUint32(tail.length - 4, Math.floor(bits / 2 ** 32), true);
    this.update(tail);
    return Array.from(this.state, (w) => [0, 8, 16, 24].map((s) => ((w >>> s) & 0xff).toString(16).padStart(2, '0')).join('')).join('');
  }

  private compress(): void {
    const m = this.words;
    const b8 = this.block;
    for (let i = 0; i < 16; i++) m[i] = b8[4 * i] | (b8[4 * i + 1] << 8) | (b8[4 * i + 2] << 16) | (b8[4 * i + 3] << 24);
    const st = this.state;
    let a = st[0];
    let b = st[1];
    let c = st[2];
    let d = st[3];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (b & d) | (c & ~d);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const s = S[(i >> 4) * 4 + (i & 3)];
      const sum = (a + f + K[i] + m[g]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
  }
}

export function md5Hex(bytes: Uint8Array): string {
  return new Md5().update(bytes).hex();
}
