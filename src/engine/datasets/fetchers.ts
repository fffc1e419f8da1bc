import type { FetchBytes } from './index';

/**
 * `fetchBytes` for the browser worker: paths resolved against a base URL (the page origin's
 * `/datasets/`). The CLI's file reader is in fetchersNode.ts.
 */
export function httpFetcher(baseUrl: string): FetchBytes {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return async (path: string) => {
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
