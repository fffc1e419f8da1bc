import { describe, expect, it } from 'vitest';
import { pageQuery, parseDriverArgs } from './driverArgs';

describe('bench driver arguments', () => {
  it('forwards the cell options to the page and runs it at once', () => {
    const q = new URLSearchParams(pageQuery(parseDriverArgs(['--backend', 'webgpu', '--workload', 'A,C', '--T', '16'])));
    expect(Object.fromEntries(q)).toEqual({ autorun: '1', backend: 'webgpu', workload: 'A,C', T: '16' });
  });

  it('with --full sends the unset sizes empty (the page then uses the spec defaults)', () => {
    const q = new URLSearchParams(pageQuery(parseDriverArgs(['--full', '--batch', '64'])));
    expect(q.get('batch')).toBe('64');
    expect(q.get('T')).toBe('');
    expect(q.get('steps')).toBe('');
  });

  it('refuses unknown options', () => {
    expect(() => parseDriverArgs(['--bogus', '1'])).toThrow(/unknown/);
  });
});
