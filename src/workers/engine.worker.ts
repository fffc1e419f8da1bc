/**
 * The engine worker: a thin comlink adapter (DESIGN.md §1, rule 2). It decodes arguments, calls
 * the engine, and turns every failure into a structured error so the page never hangs on it.
 */
import * as Comlink from 'comlink';
import { toErrorInfo } from '../engine/core/errors';
import { listDatasets } from '../engine/datasets';
import { httpFetcher } from '../engine/datasets/fetchers';
import { layoutGraph } from '../engine/graph/layout';
import { readNir, writeNir } from '../engine/nir';
import { candidatesFor, selectBackend, BACKEND_ORDER } from '../engine/tensor/runtime/backend';
import { browserLoaders } from '../engine/tensor/runtime/loaders.browser';
import type { EngineApi, LoadedNir, Result } from './api';
import { activeBackend, setActiveBackend } from './backendState';
import { graphForTarget, previewExport } from './exportTargets';
import { cancelOwnImport, forgetOwnDataset, importOwnDataset, listOwnDatasets } from './ownDatasets';
import { cancelWebFetch, clearWebCache, fetchWebDataset, listWebCache, withWebCache } from './remoteDatasets';
import { graphBuffers } from './transferables';
import {
  evaluateSession, extendSession, pauseTraining, prepareSession, record, recordStimulus, resetSession, setProbes, stepSession, trainedGraph, trainingSnapshot, trainSession, watchDevice,
} from './trainingRun';

async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** Shipped datasets are served next to the app, under datasets/; the web datasets cached in OPFS are added to them. */
const fetchBytes = withWebCache(httpFetcher(new URL(`${import.meta.env.BASE_URL}datasets/`, self.location.origin).href));

const api: EngineApi = {
  init: (options) =>
    attempt(async () => {
      const info = await selectBackend({
        candidates: candidatesFor(options.backend, BACKEND_ORDER),
        loaders: browserLoaders,
        forced: options.backend !== undefined,
      });
      setActiveBackend(info);
      watchDevice();
      return info;
    }),
  backend: async () => activeBackend(),
  loadNir: async (bytes, name, layout) => {
    const result = await attempt(async (): Promise<LoadedNir> => {
      const read = await readNir(bytes, { name });
      const { positions } = layoutGraph(read.graph, layout);
      const loaded: LoadedNir = { graph: read.graph, warnings: read.warnings, dtGuess: read.dtGuess, positions };
      if (read.version !== undefined) loaded.version = read.version;
      return loaded;
    });
    return result.ok ? Comlink.transfer(result, graphBuffers(result.value.graph)) : result;
  },
  layout: (graph, options) => attempt(async () => layoutGraph(graph, options)),
  saveNir: async (graph, target = 'nir', dt) => {
    const result = await attempt(() => writeNir(target === 'nir' ? graph : graphForTarget(graph, target, dt)));
    return result.ok ? Comlink.transfer(result, [result.value.buffer as ArrayBuffer]) : result;
  },
  previewExport: (graph, target, dt) => attempt(async () => previewExport(graph, target, dt)),
  listDatasets: () => attempt(() => listDatasets(fetchBytes)),
  prepare: (request, onProgress) => attempt(async () => prepareSession(request, (await listDatasets(fetchBytes)).sets, fetchBytes, onProgress)),
  train: (onFrame) => attempt(() => trainSession(onFrame)),
  pause: async () => pauseTraining(),
  step: (onFrame) => attempt(() => stepSession(onFrame)),
  extend: () => attempt(async () => extendSession()),
  evaluate: async (onProgress) => {
    const result = await attempt(() => evaluateSession(onProgress));
    return result.ok ? Comlink.transfer(result, [result.value.confusion.buffer as ArrayBuffer]) : result;
  },
  simulate: (index) => attempt(() => record(index)),
  setProbes: async (probes) => setProbes(probes),
  simulateStimulus: (graph, stimulus, T, dt) => attempt(() => recordStimulus(graph, stimulus, { T, dt })),
  // Copied, not transferred: the trained graph shares untrained parameter arrays with the
  // session's own graph, which must stay usable in the worker.
  takeTrainedGraph: () => attempt(async () => trainedGraph()),
  takeSnapshot: () => attempt(() => trainingSnapshot()),
  reset: async () => resetSession(),
  importDataset: (files, onProgress) => attempt(() => importOwnDataset(files, onProgress)),
  cancelImport: async () => cancelOwnImport(),
  listOwnDatasets: () => attempt(() => listOwnDatasets()),
  forgetOwnDataset: (id) => attempt(() => forgetOwnDataset(id)),
  fetchWebDataset: (request, onProgress) => attempt(() => fetchWebDataset(request, onProgress)),
  cancelWebFetch: async () => cancelWebFetch(),
  listWebCache: () => attempt(() => listWebCache()),
  clearWebCache: (id) => attempt(() => clearWebCache(id)),
};

Comlink.expose(api);
