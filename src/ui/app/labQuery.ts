/**
 * The lab's URL parameters, read once at start-up: `?backend=webgpu|webgl|wasm|cpu` forces a
 * backend, `?url=` opens a .nir file, `?testHooks=1` installs the e2e test hooks (./testHooks.ts). A value the lab cannot use never throws: it becomes a note
 * that says what was wrong and what is used instead. Other parameters are left alone (a host page
 * may add its own).
 */
import type { BackendName } from '../../workers/api';

const BACKENDS: readonly string[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface LabQuery {
  backend?: BackendName;
  url?: string;
  /** `?testHooks=1`: install the end-to-end tests' hooks. */
  testHooks: boolean;
  /** What could not be used, each with what to do instead. */
  problems: Array<{ text: string; hint: string }>;
}

export function parseLabQuery(search: string): LabQuery {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { testHooks: false, problems: [{ text: 'The page address has parameters the lab could not read.', hint: 'Open the lab without them.' }] };
  }
  const query: LabQuery = { testHooks: params.get('testHooks') === '1', problems: [] };
  const backend = params.get('backend');
  if (backend !== null) {
    if (BACKENDS.includes(backend)) query.backend = backend as BackendName;
    else query.problems.push({ text: `"?backend=${backend.slice(0, 40)}" is not a backend the lab has.`, hint: `Use one of ${BACKENDS.join(', ')}; the lab picks the fastest that works meanwhile.` });
  }
  const url = params.get('url');
  if (url !== null) {
    if (url.trim() === '') query.problems.push({ text: '"?url=" names no file.', hint: 'Give the address of a .nir file, e.g. ?url=https://example.org/net.nir.' });
    else query.url = url;
  }
  return query;
}

/** The last path segment of an address, decoded where it is well-formed ("net%20v2.nir" → "net v2.nir"). */
export function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0].split('/').filter(Boolean).pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a malformed percent-escape ("%E0%A4%A"): keep the name as written
  }
}
