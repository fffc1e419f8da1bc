/**
 * The bench worker: for each requested cell, starts its backend (forced, no fallback), runs the
 * cell (§5 check, then the timed workload) and posts the JSON record; errors come back as
 * structured data, one per cell, and never stop the remaining cells. Shipped datasets (workload B's
 * nmnist64-train) are fetched from the page origin's datasets/ folder.
 */
import { toErrorInfo } from '../../engine/core/errors';
import { httpFetcher } from '../../engine/datasets/fetchers';
import { selectBackend } from '../../engine/tensor/runtime/backend';
import { browserLoaders } from '../../engine/tensor/runtime/loaders.browser';
import { setBenchDataSource } from '../bench/benchData';
import { runBenchCell } from '../bench/runBench';
import type { BenchMessage, BenchRequest } from './benchMessages';

const post = (m: BenchMessage) => self.postMessage(m);
setBenchDataSource({ fetchBytes: httpFetcher(new URL(`${import.meta.env.BASE_URL}datasets/`, self.location.origin).href) });

self.onmessage = async (event: MessageEvent<BenchRequest>) => {
  for (const options of event.data.cells) {
    try {
      const info = await selectBackend({ candidates: [options.backend], loaders: browserLoaders, forced: true });
      const a = info.adapter;
      const device = a ? `${a.vendor}/${a.architecture}${a.description ? ` ${a.description}` : ''}${a.isFallbackAdapter ? ' (fallback adapter)' : ''}` : `${options.backend} in ${navigator.userAgent.match(/Chrom\w+\/[\d.]+/)?.[0] ?? 'browser'}`;
      post({ type: 'cell', cell: await runBenchCell({ ...options, device }) });
    } catch (error) {
      post({ type: 'error', options, error: toErrorInfo(error) });
    }
  }
  post({ type: 'done' });
};
