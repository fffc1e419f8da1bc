/**
 * Own datasets kept in IndexedDB (its own database, beside the lab's 'spikelab' one, so neither
 * schema waits on the other): 'info' holds each set's picker entry (small, read at start-up),
 * 'data' its splits with the packed bits or float32 values as Blobs, which the browser keeps on
 * disk and reads back only when the set is trained on. Both are written in one transaction, so a
 * set is kept whole or not at all.
 */
import type { OwnDataset, OwnDatasetInfo, OwnSplit } from '../engine/datasets/own/ownDataset';

const DB = 'spikelab-own-data';
const INFO = 'info';
const DATA = 'data';

interface StoredSplit {
  n: number;
  T: number;
  featureShape: number[];
  labels: Uint8Array;
  packed?: Blob;
  values?: Blob;
}

interface StoredData {
  train: StoredSplit;
  test?: StoredSplit;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(INFO);
      request.result.createObjectStore(DATA);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

async function transaction<T>(mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction([INFO, DATA], mode);
      const request = work(tx);
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

const toStored = (split: OwnSplit): StoredSplit => {
  const stored: StoredSplit = { n: split.n, T: split.T, featureShape: split.featureShape, labels: split.labels };
  if (split.packed) stored.packed = new Blob([split.packed as Uint8Array<ArrayBuffer>]);
  if (split.values) stored.values = new Blob([split.values as Float32Array<ArrayBuffer>]);
  return stored;
};

async function fromStored(stored: StoredSplit): Promise<OwnSplit> {
  const split: OwnSplit = { n: stored.n, T: stored.T, featureShape: stored.featureShape, labels: stored.labels };
  if (stored.packed) split.packed = new Uint8Array(await stored.packed.arrayBuffer());
  if (stored.values) split.values = new Float32Array(await stored.values.arrayBuffer());
  return split;
}

export async function putOwnDataset(dataset: OwnDataset): Promise<void> {
  const data: StoredData = { train: toStored(dataset.train) };
  if (dataset.test) data.test = toStored(dataset.test);
  await transaction('readwrite', (tx) => {
    tx.objectStore(INFO).put(dataset.info, dataset.info.id);
    tx.objectStore(DATA).put(data, dataset.info.id);
  });
}

export async function listStoredInfo(): Promise<OwnDatasetInfo[]> {
  return ((await transaction<unknown[]>('readonly', (tx) => tx.objectStore(INFO).getAll())) ?? []) as OwnDatasetInfo[];
}

/** The kept set with its data, or null when it is not kept. */
export async function getOwnDataset(id: string): Promise<OwnDataset | null> {
  const [info, data] = await Promise.all([
    transaction<unknown>('readonly', (tx) => tx.objectStore(INFO).get(id)),
    transaction<unknown>('readonly', (tx) => tx.objectStore(DATA).get(id)),
  ]) as [OwnDatasetInfo | undefined, StoredData | undefined];
  if (!info || !data) return null;
  const dataset: OwnDataset = { info, train: await fromStored(data.train) };
  if (data.test) dataset.test = await fromStored(data.test);
  return dataset;
}

export async function deleteOwnDataset(id: string): Promise<void> {
  await transaction('readwrite', (tx) => {
    tx.objectStore(INFO).delete(id);
    tx.objectStore(DATA).delete(id);
  });
}
