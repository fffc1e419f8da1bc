/**
 * Streaming downloads against a local server (./testing/localServer.ts; no network): whole,
 * gunzipped on the fly, and every way a download goes wrong, each with its code.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_FOLDER, type TempFile } from './cacheStore';
import { DiskStore } from './diskStore';
import { downloadTo } from './download';
import { startLocalServer, type LocalServer } from './testing/localServer';
import type { TransferEstimate } from './transferRate';

let seed = 1;
const noise = (n: number) => Uint8Array.from({ length: n }, () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 28)); // 4 random bits a byte: compressible, not trivially
const body = noise(300_000);
const gz = new Uint8Array(gzipSync(body));
const small = noise(3000);
const smallGz = new Uint8Array(gzipSync(small));
const corrupt = Uint8Array.from(gz);
corrupt[Math.floor(gz.length / 2)] ^= 0xff;

let server: LocalServer;
let root: string;
let store: DiskStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'spikelab-download-'));
  store = new DiskStore(root);
  server = await startLocalServer({
    '/data.bin': { kind: 'plain', body },
    '/data.bin.gz': { kind: 'plain', body: gz },
    '/byte-by-byte.gz': { kind: 'chunked', body: smallGz, chunkBytes: 1 },
    '/chunked.bin': { kind: 'chunked', body },
    '/dropped.bin': { kind: 'drop', body, dropAfter: 100_000 },
    '/stalled.bin': { kind: 'stall', body, dropAfter: 50_000 },
    '/stalled-in-pieces.bin': { kind: 'stall', body, dropAfter: 50_000, chunkBytes: 10_000 },
    '/corrupt.gz': { kind: 'plain', body: corrupt },
    '/truncated.gz': { kind: 'plain', body: gz.subarray(0, gz.length - 200) },
    '/missing': { kind: 'status', status: 404 },
  });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function download(path: string, options: Parameters<typeof downloadTo>[2] = {}) {
  const temp = await store.createTemp();
  try {
    const result = await downloadTo(server.url(path), temp, options);
    await temp.close();
    return { result, bytes: new Uint8Array(await readFile(join(root, TEMP_FOLDER, temp.name))) };
  } finally {
    await temp.discard();
  }
}

describe('downloadTo', () => {
  it('streams a plain file to the temporary file, with progress up to the whole size', async () => {
    const seen: TransferEstimate[] = [];
    const { result, bytes } = await download('/data.bin', { onProgress: (p) => seen.push(p) });
    expect(bytes).toEqual(body);
    expect(result).toEqual({ receivedBytes: body.length, writtenBytes: body.length, gunzipped: false });
    expect(seen.at(-1)).toMatchObject({ receivedBytes: body.length, totalBytes: body.length });
  });

  it('gunzips a gzip body on the fly (told by its magic bytes), even one arriving a byte at a time', async () => {
    const { result, bytes } = await download('/data.bin.gz');
    expect(bytes).toEqual(body);
    expect(result).toEqual({ receivedBytes: gz.length, writtenBytes: body.length, gunzipped: true });
    expect((await download('/byte-by-byte.gz')).bytes).toEqual(small);
  });

  it('checks the publishers\' MD5', async () => {
    const md5 = createHash('md5').update(body).digest('hex');
    await expect(download('/data.bin', { md5 })).resolves.toBeDefined();
    await expect(download('/data.bin', { md5: md5.replace(/^./, md5[0] === '0' ? '1' : '0') })).rejects.toMatchObject({ code: 'DATA_REMOTE_CHECKSUM', message: expect.stringContaining(md5) });
  });

  it.each([
    ['a dropped connection', '/dropped.bin', {}, 'DATA_REMOTE_DROPPED', /dropped after 97\.7 KiB of 293\.0 KiB/],
    ['a Content-Length other than the catalogue\'s size', '/data.bin', { expectedBytes: 1234 }, 'DATA_REMOTE_WRONG_SIZE', /is 293\.0 KiB \(300000 bytes\) by its Content-Length, but the dataset's file is 1234 bytes/],
    ['a chunked body of another size than the catalogue\'s', '/chunked.bin', { expectedBytes: 1234 }, 'DATA_REMOTE_WRONG_SIZE', /is 300000 bytes, but the dataset's file is 1234 bytes/],
    ['a corrupted gzip', '/corrupt.gz', {}, 'DATA_REMOTE_BAD_GZIP', /is gzip-compressed but does not decompress/],
    ['a gzip cut short', '/truncated.gz', {}, 'DATA_REMOTE_BAD_GZIP', /does not decompress/],
    ['an HTTP error', '/missing', {}, 'DATA_REMOTE_HTTP', /answered HTTP 404/],
  ])('refuses %s', async (_what, path, options, code, message) => {
    await expect(download(path, options)).rejects.toMatchObject({ code, message: expect.stringMatching(message), where: server.url(path) });
  });

  it('says when the host cannot be reached', async () => {
    const closed = await startLocalServer({});
    const url = closed.url('/x');
    await closed.close();
    const temp: TempFile = await store.createTemp();
    await expect(downloadTo(url, temp)).rejects.toMatchObject({ code: 'DATA_REMOTE_UNREACHABLE', hint: expect.stringContaining('CORS') });
    await temp.discard();
  });

  it('reports every byte that arrived before a stall, not only those before the last report', async () => {
    const controller = new AbortController();
    let latest = 0;
    // A clock that never moves: every report after the first falls inside the interval.
    const run = download('/stalled-in-pieces.bin', { signal: controller.signal, now: () => 0, onProgress: (p) => { latest = p.receivedBytes; } });
    const started = Date.now();
    while (latest < 50_000 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(latest).toBe(50_000); // the server sends 50,000 bytes, then nothing
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: 'DATA_ABORTED' });
    const after = latest;
    await new Promise((r) => setTimeout(r, 250));
    expect(latest).toBe(after); // nothing reported once the download has ended
  });

  it('stops when cancelled mid-body (DATA_ABORTED)', async () => {
    const controller = new AbortController();
    const run = download('/stalled.bin', { signal: controller.signal, onProgress: (p) => p.receivedBytes > 0 && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'DATA_ABORTED' });
  });
});
