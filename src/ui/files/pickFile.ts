/** "Open NIR…": a file picker for .nir files, then the common open path. */
import { openNirFile } from './openNir';

export function pickNirFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.nir,.h5,.hdf5,application/x-hdf5';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void openNirFile(file);
  });
  input.click();
}
