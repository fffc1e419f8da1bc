/**
 * Tensor-runtime start-up: tries the candidate backends in order and reports the one that is
 * actually active. tf.setBackend can resolve `false` or land elsewhere without throwing
 * (docs/specs/webgpu.md §6.5), so the result is checked with tf.getBackend(), and each
 * attempt is bounded by a timeout (a threaded wasm build can hang forever, §6.2). Unless a
 * backend is forced, a software-only GPU adapter (SwiftShader, llvmpipe, `isFallbackAdapter`) is
 * passed over: measured here, it is slower than WASM and loses its device on conv nets.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { SpikelabError } from '../../core/errors';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  error?: string;
  ms: number;
}

export interface BackendInfo {
  /** The backend TF.js actually runs on now. */
  name: BackendName;
  /** WebGPU only: what the adapter says about itself. */
  adapter?: AdapterInfo;
  /** True for software adapters (SwiftShader) and the plain-JS cpu backend: correct but slow. */
  slow: boolean;
  /** GPU backends passed over because their adapter is software-only (never when forced). */
  softwareSkipped?: BackendName[];
  /** Set when the first candidate was not the one used: why each earlier one was skipped. */
  fallbackReason?: string;
  forced: boolean;
  attempts: BackendAttempt[];
}

/** Registers one backend with TF.js (side-effect imports, wasm paths) and may probe the device. */
export type BackendLoader = () => Promise<{ adapter?: AdapterInfo } | void>;

export interface SelectOptions {
  /** Backends to try in order; the first that initialises wins. */
  candidates: readonly BackendName[];
  loaders: Partial<Record<BackendName, BackendLoader>>;
  forced?: boolean;
  timeoutMs?: number;
  /** Pass over software-only GPU adapters (default: unless forced). */
  skipSoftware?: boolean;
}

/** A GPU adapter that runs on the CPU: SwiftShader, llvmpipe, or one that says it is a fallback. */
export function isSoftwareAdapter(adapter: AdapterInfo): boolean {
  return adapter.isFallbackAdapter || /swiftshader|llvmpipe|softpipe|software/i.test(`${adapter.architecture} ${adapter.description} ${adapter.vendor}`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function selectBackend(options: SelectOptions): Promise<BackendInfo> {
  const attempts: BackendAttempt[] = [];
  const timeoutMs = options.timeoutMs ?? 20_000;
  const skipSoftware = options.skipSoftware ?? !options.forced;
  const softwareSkipped: BackendName[] = [];
  for (const name of options.candidates) {
    const loader = options.loaders[name];
    const started = Date.now();
    if (!loader) {
      attempts.push({ name, ok: false, error: 'not available in this environment', ms: 0 });
      continue;
    }
    try {
      const probe = (await withTimeout(loader(), timeoutMs, `loading ${name}`)) ?? {};
      if (skipSoftware && probe.adapter && isSoftwareAdapter(probe.adapter) && name !== options.candidates[options.candidates.length - 1]) {
        softwareSkipped.push(name);
        attempts.push({ name, ok: false, error: `software-only adapter (${probe.adapter.architecture || probe.adapter.description || 'fallback'}), slower than WASM`, ms: Date.now() - started });
        continue;
      }
      const ok = await withTimeout(tf.setBackend(name), timeoutMs, `starting ${name}`);
      await tf.ready();
      const active = tf.getBackend();
      if (!ok || active !== name) throw new Error(`TF.js refused it (active backend: ${active ?? 'none'})`);
      attempts.push({ name, ok: true, ms: Date.now() - started });
      const adapter = probe.adapter;
      const slow = name === 'cpu' || (adapter !== undefined && isSoftwareAdapter(adapter));
      const failed = attempts.filter((a) => !a.ok && !softwareSkipped.includes(a.name));
      const info: BackendInfo = { name, slow, forced: options.forced ?? false, attempts };
      if (adapter) info.adapter = adapter;
      if (softwareSkipped.length > 0) info.softwareSkipped = softwareSkipped;
      if (failed.length > 0) info.fallbackReason = failed.map((a) => `${a.name}: ${a.error}`).join('; ');
      return info;
    } catch (error) {
      attempts.push({ name, ok: false, error: error instanceof Error ? error.message : String(error), ms: Date.now() - started });
    }
  }
  const summary = attempts.map((a) => `${a.name}: ${a.error}`).join('; ');
  throw new BackendStartError(summary, attempts);
}

export class BackendStartError extends SpikelabError {
  readonly attempts: BackendAttempt[];
  constructor(summary: string, attempts: BackendAttempt[]) {
    super('BACKEND_UNAVAILABLE', `No compute backend could start (${summary}).`,
      'Use a current Chrome or Edge (WebGPU), or force another backend with ?backend=wasm or ?backend=cpu.');
    this.attempts = attempts;
  }
}

/** The candidates for a forced backend (only that one) or the default order. */
export function candidatesFor(forced: BackendName | undefined, available: readonly BackendName[]): BackendName[] {
  if (forced) return [forced];
  return BACKEND_ORDER.filter((b) => available.includes(b));
}

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_ORDER as readonly string[]).includes(value);
}
