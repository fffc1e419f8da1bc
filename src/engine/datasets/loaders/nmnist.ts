import { NMNIST_SENSOR } from '../formats/nmnistBin';
import { loadEventFiles, type EventFile, type EventFormat, type EventLoadOptions, type EventLoadResult } from './eventFiles';

/**
 * Dropped N-MNIST `.bin` files (one or many). Label: `EventFile.label`, else the parent folder
 * (`Train/7/00012.bin` → 7). Default binning as Spyx: tonic ToFrame(n_time_bins = 40), all saccades;
 * `tEndUs: 1e5` keeps the first saccade only (Spyx classic). Features [2, 34, 34] in order p, y, x.
 */
export const NMNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const NMNIST_LICENCE = 'CC BY-SA 4.0';
export const NMNIST_ATTRIBUTION =
  'N-MNIST: Orchard, Jayawant, Cohen, Thakor (2015), "Converting Static Image Datasets to Spiking Neuromorphic Datasets Using Saccades", Front. Neurosci. 9:437; derived from MNIST (LeCun, Cortes, Burges; CC BY-SA 3.0).';

export const NMNIST_FORMAT: EventFormat = {
  sensor: NMNIST_SENSOR,
  classes: NMNIST_CLASSES,
  name: 'N-MNIST',
  licence: NMNIST_LICENCE,
  attribution: NMNIST_ATTRIBUTION,
  defaultBinning: { nTimeBins: 40 },
  labelFromName(name: string): number | undefined {
    const parts = name.split(/[\\/]/);
    const folder = parts.length > 1 ? parts[parts.length - 2] : '';
    return /^[0-9]$/.test(folder) ? Number(folder) : undefined;
  },
};

export function loadNmnistFiles(files: EventFile[], options: EventLoadOptions = {}): Promise<EventLoadResult> {
  return loadEventFiles(files, NMNIST_FORMAT, options);
}
