/**
 * One file from the web into a temporary file of the cache, streamed: fetch → ReadableStream →
 * (gzip, told by the magic 1f 8b of the first bytes, never by name or Content-Encoding: static
 * hosts differ) DecompressionStream → the temporary file, chunk by chunk, so a 1 GB file is never
 * held whole. Checked on the way: the HTTP status; room for it (`beforeBody`); Content-Length against the catalogue's size
 * before the body is read; the body's length against both once it ends; the publishers' MD5 of
 * the file; the gzip stream itself (DecompressionStream checks its CRC-32 and length trailer).
 * Each failure is one RemoteErrorCode (./errors.ts) and the caller discards the temporary file.
 * Progress (bytes, rate, ETA: ./transferRate.ts) at most every PROGRESS_INTERVAL_MS, and at the end.
 */
import { SpikelabError } from '../../core/errors';
import { formatBytes } from '../../core/limits';
import { dataError, throwIfAborted } from '../errors';
import { isGzip } from '../formats/gzip';
import type { TempFile } from './cacheStore';
import { remoteError, RETRY_HINT } from './errors';
import { Md5 } from './md5';
import { TransferRate, type TransferEstimate } from './transferRate';

export const PROGRESS_INTERVAL_MS = 100;

export interface DownloadOptions {
  signal?: AbortSignal;
  /** The file's size as the catalogue gives it, or null when unknown. */
  expectedBytes?: number | null;
  /** The file's MD5 as its publishers give it. */
  md5?: string;
  onProgress?: (estimate: TransferEstimate) => void;
  /** Called once the headers are in, with the announced size (or null), before the body is read; may refuse by throwing. */
  beforeBody?: (declaredBytes: number | null) => Promise<void>;
  /** Clock in ms (default Date.now). */
  now?: () => number;
}

export interface Downloaded {
  /** Bytes of the file as it came (compressed, for a .gz). */
  receivedBytes: number;
  /** Bytes written to the temporary file (decompressed, for a .gz). */
  writtenBytes: number;
  gunzipped: boolean;
}

const hostOf = (url: string) => new URL(url).host;
const reasonOf = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
};

function aborted(url: string): SpikelabError {
  return dataError('DATA_ABORTED', `Fetching ${url} was cancelled; nothing of it was kept.`, 'Fetch it again when you want the data.', url);
}

async function request(url: string, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (error) {
    if (signal?.aborted) throw aborted(url);
    throw remoteError('DATA_REMOTE_UNREACHABLE', `${hostOf(url)} could not be reached (${reasonOf(error)}).`,
      'Check the connection and the address. In the browser a host that does not let other sites download its files (CORS) fails the same way: fetch it with `spikelab datasets fetch`, or download it yourself and drop the file on the page.', url);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw remoteError('DATA_REMOTE_HTTP', `${hostOf(url)} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}.`,
      response.status === 404 ? 'The file has moved or the address is wrong: check it on the dataset\'s page.' : 'Try again later, or from another mirror of the dataset.', url);
  }
  if (!response.body) throw remoteError('DATA_REMOTE_DROPPED', `${hostOf(url)} sent no body for ${url}.`, RETRY_HINT, url);
  return response;
}

/** The body's length the server announces, when it is the file's own (no Content-Encoding). */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  const raw = response.headers.get('content-length');
  if ((encoding && encoding !== 'identity') || raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw);
}

function wrongSize(url: string, what: string): SpikelabError {
  return remoteError('DATA_REMOTE_WRONG_SIZE', `${url} ${what}.`, 'The download was cut short, or the host now serves a different file: fetch it again; if it happens again, check the dataset\'s page.', url);
}

export async function downloadTo(url: string, sink: TempFile, options: DownloadOptions = {}): Promise<Downloaded> {
  const { signal } = options;
  throwIfAborted(signal, url);
  const response = await request(url, signal);
  const declared = declaredLength(response);
  const expected = options.expectedBytes ?? null;
  if (expected !== null && declared !== null && declared !== expected) {
    void response.body!.cancel().catch(() => undefined);
    throw wrongSize(url, `is ${formatBytes(declared)} (${declared} bytes) by its Content-Length, but the dataset's file is ${expected} bytes`);
  }
  try {
    await options.beforeBody?.(declared ?? expected);
  } catch (error) {
    void response.body!.cancel().catch(() => undefined);
    throw error;
  }
  const now = options.now ?? Date.now;
  const rate = new TransferRate(declared ?? expected, now());
  const md5 = options.md5 ? new Md5() : null;
  const reader = response.body!.getReader();
  let received = 0;
  let failure: SpikelabError | undefined;
  let lastReport = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const report = (force: boolean) => {
    if (!options.onProgress || ended) return;
    const t = now();
    if (!force && t - lastReport < PROGRESS_INTERVAL_MS) {
      // The bytes of a chunk held back here would stay unreported through a stall (no next chunk
      // to report them): they are reported once the interval is up.
      const wait = Math.min(PROGRESS_INTERVAL_MS, Math.max(0, PROGRESS_INTERVAL_MS - (t - lastReport))) + 5;
      trailing ??= setTimeout(() => {
        trailing = undefined;
        report(true);
      }, wait);
      return;
    }
    clearTimeout(trailing);
    trailing = undefined;
    lastReport = t;
    options.onProgress(rate.at(t, received));
  };

  const fail = (error: SpikelabError) => {
    failure ??= error;
    return failure;
  };
  /** The next chunk of the body, counted and hashed; a dropped connection or a cancel becomes `failure`. */
  const next = async (): Promise<Uint8Array | undefined> => {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw fail(signal?.aborted ? aborted(url) : remoteError('DATA_REMOTE_DROPPED',
        `The connection to ${hostOf(url)} dropped after ${formatBytes(received)}${declared !== null ? ` of ${formatBytes(declared)}` : ''} (${reasonOf(error)}).`, RETRY_HINT, url));
    }
    if (chunk.done) return undefined;
    received += chunk.value.length;
    md5?.update(chunk.value);
    report(false);
    return chunk.value;
  };

  try {
    const head: Uint8Array[] = [];
    for (let got = 0; got < 2;) {
      const chunk = await next();
      if (!chunk) break;
      head.push(chunk);
      got += chunk.length;
    }
    const first = Uint8Array.from(head.flatMap((c) => Array.from(c.subarray(0, 2)))).subarray(0, 2);
    const gunzip = isGzip(first);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const chunk = head.shift() ?? (await next());
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => reader.cancel(reason).catch(() => undefined),
    });
    const output = (gunzip ? body.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : body).getReader();
    let written = 0;
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await output.read();
        } catch (error) {
          if (failure) throw failure;
          throw remoteError('DATA_REMOTE_BAD_GZIP', `${url} is gzip-compressed but does not decompress after ${formatBytes(received)} (${reasonOf(error)}).`,
            'The file on the host is damaged, or the download was corrupted on the way: fetch it again; if it fails again, try a mirror.', url);
        }
        if (chunk.done) break;
        await sink.write(chunk.value);
        written += chunk.value.length;
      }
    } catch (error) {
      void output.cancel().catch(() => undefined);
      throw error;
    }
    report(true);
    if (declared !== null && received !== declared) throw wrongSize(url, `ended after ${received} bytes, but its Content-Length announced ${declared}`);
    if (expected !== null && received !== expected) throw wrongSize(url, `is ${received} bytes, but the dataset's file is ${expected} bytes`);
    const digest = md5?.hex();
    if (digest !== undefined && digest !== options.md5!.toLowerCase()) {
      throw remoteError('DATA_REMOTE_CHECKSUM', `${url} arrived whole (${formatBytes(received)}) but its MD5 is ${digest}, not the published ${options.md5}.`,
        'The host serves a different or damaged file: fetch it again; if it fails again, check the dataset\'s page for a new version.', url);
    }
    return { receivedBytes: received, writtenBytes: written, gunzipped: gunzip };
  } finally {
    ended = true; // no progress after the end, however it ended
    clearTimeout(trailing);
  }
}
