/** Progress is thinned out, but never a change of file or phase. */
import { describe, expect, it } from 'vitest';
import type { FetchProgress } from './fetchDataset';
import { throttleProgress } from './progressThrottle';

describe('throttleProgress', () => {
  it('passes one report per interval, and every new file or phase at once', () => {
    let t = 0;
    const seen: string[] = [];
    const report = throttleProgress((p) => seen.push(`${t}:${p.file}:${p.phase}`), 100, () => t);
    const at = (time: number, file: number, phase: FetchProgress['phase']) => {
      t = time;
      report({ phase, file, files: 2, split: 'train', fileName: 'a', transfer: null, fraction: null, stage: '' });
    };
    at(0, 1, 'download');
    at(50, 1, 'download');
    at(120, 1, 'download');
    at(130, 1, 'unpack');
    at(140, 2, 'download');
    at(150, 2, 'download');
    expect(seen).toEqual(['0:1:download', '120:1:download', '130:1:unpack', '140:2:download']);
  });
});
