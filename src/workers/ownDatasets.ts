/**
 * The worker's own datasets (files the person dropped): read them (../engine/datasets/own), hold
 * them for the session, keep them in IndexedDB when the browser's quota allows (./ownDatasetDb.ts,
 * ../engine/datasets/own/storagePlan.ts), list them, forget them, and hand a run its splits as
 * TrainingData. A set not held in memory (after a reload, or a new engine) is read back from
 * IndexedDB when a run needs it.
 */
import { SpikelabError } from '../engine/core/errors';
import { blobSource } from '../engine/datasets/formats/byteSource';
import { loadDroppedFiles } from '../engine/datasets/own/loadDropped';
import type { OwnDataset, OwnDatasetInfo } from '../engine/datasets/own/ownDataset';
import { refusedNote, storagePlan, type StorageEstimateLike } from '../engine/datasets/own/storagePlan';
import { ownTrainingData } from '../engine/datasets/own/trainingData';
import { testSubsetSize } from '../engine/train/prepareRun';
import type { TrainingData } from '../engine/train/types';
import type { DroppedFile, ImportProgressHandler } from './api';
import { deleteOwnDataset, getOwnDataset, listStoredInfo, putOwnDataset } from './ownDatasetDb';

/** Progress messages at most this often (ms). */
const PROGRESS_INTERVAL_MS = 100;

/** Sets in memory: every one held for this session only, and the last kept one used (the others are read back from IndexedDB). */
const held = new Map<string, OwnDataset>();
let importing: AbortController | null = null;

function hold(dataset: OwnDataset): void {
  for (const [id, other] of held) if (other.info.own.kept && id !== dataset.info.id) held.delete(id);
  held.set(dataset.info.id, dataset);
}

async function estimate(): Promise<StorageEstimateLike | null> {
  try {
    return (await navigator.storage?.estimate?.()) ?? null;
  } catch {
    return null;
  }
}

/** Keeps the set in IndexedDB when it fits the quota; its info says whether it was kept and why. */
async function keep(dataset: OwnDataset): Promise<void> {
  const plan = storagePlan(dataset.info.own.heldBytes, await estimate());
  dataset.info.own.kept = false;
  dataset.info.own.keptNote = plan.note;
  if (!plan.keep) return;
  dataset.info.own.kept = true;
  try {
    await putOwnDataset(dataset);
  } catch (error) {
    dataset.info.own.kept = false;
    dataset.info.own.keptNote = refusedNote(error instanceof Error ? error.name || error.message : String(error));
  }
}

export async function importOwnDataset(files: DroppedFile[], onProgress?: ImportProgressHandler): Promise<OwnDatasetInfo> {
  if (importing) throw new SpikelabError('RUN_BUSY', 'Another file is still being read.', 'Wait for it, or press Cancel, then drop the file again.');
  importing = new AbortController();
  let last = 0;
  const report = (fraction: number, stage: string, force = false) => {
    const now = Date.now();
    if (!onProgress || (!force && now - last < PROGRESS_INTERVAL_MS)) return;
    last = now;
    void Promise.resolve(onProgress({ fraction, stage })).catch(() => undefined);
  };
  try {
    const dataset = await loadDroppedFiles(files.map((f) => blobSource(f.file, f.name)), { signal: importing.signal, onProgress: (f, stage) => report(f, stage) });
    report(1, 'Keeping it in this browser…', true);
    await keep(dataset);
    hold(dataset);
    return dataset.info;
  } finally {
    importing = null;
  }
}

export function cancelOwnImport(): void {
  importing?.abort();
}

/** The kept sets and those held for this session only, oldest first. */
export async function listOwnDatasets(): Promise<OwnDatasetInfo[]> {
  const stored = await listStoredInfo().catch(() => [] as OwnDatasetInfo[]);
  const byId = new Map(stored.map((info) => [info.id, info]));
  for (const [id, dataset] of held) byId.set(id, dataset.info);
  return [...byId.values()].sort((a, b) => a.own.addedAt - b.own.addedAt);
}

export async function forgetOwnDataset(id: string): Promise<void> {
  held.delete(id);
  await deleteOwnDataset(id);
}

async function ownDataset(id: string): Promise<OwnDataset> {
  const dataset = held.get(id) ?? (await getOwnDataset(id));
  if (!dataset) {
    throw new SpikelabError('DATA_UNKNOWN_SET', 'This dataset of yours is no longer here: it was not kept across reloads (too large, or the browser refused), or it was removed.',
      'Drop the file on the page again.', id);
  }
  hold(dataset);
  return dataset;
}

/** A run's splits: the training data (a spread subset when maxSamples > 0) and the test split cut in proportion. */
export async function ownRunData(id: string, maxSamples: number, batchLimit: number): Promise<{ train: TrainingData; test?: TrainingData; classes: string[] }> {
  const dataset = await ownDataset(id);
  const classes = dataset.info.classes.length;
  const train = ownTrainingData(dataset.train, classes, maxSamples, id);
  const data: { train: TrainingData; test?: TrainingData; classes: string[] } = { train, classes: dataset.info.classes };
  if (dataset.test) data.test = ownTrainingData(dataset.test, classes, testSubsetSize(maxSamples, batchLimit), id);
  return data;
}
