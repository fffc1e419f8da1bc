import { describe, expect, it } from 'vitest';
import { groupWarnings } from './loadNotes';

describe('load notes', () => {
  it('keeps a lone warning as it is, with its node', () => {
    expect(groupWarnings([{ code: 'NIR_INFINITE_TAU', message: 'tau was negative.', node: 'lif1' }])).toEqual([{ code: 'NIR_INFINITE_TAU', text: 'lif1: tau was negative.' }]);
  });

  it('folds warnings of one code into one note naming the nodes', () => {
    const notes = groupWarnings([
      { code: 'NIR_LEGACY_NO_V_RESET', message: 'IF "1" has no v_reset.', node: '1' },
      { code: 'NIR_FLOAT_SHAPE', message: 'something else' },
      { code: 'NIR_LEGACY_NO_V_RESET', message: 'IF "3" has no v_reset.', node: '3' },
      { code: 'NIR_LEGACY_NO_V_RESET', message: 'IF "6" has no v_reset.', node: '6' },
    ]);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toEqual({ code: 'NIR_LEGACY_NO_V_RESET', text: '3 nodes (1, 3, 6): IF "1" has no v_reset. The same holds for the others.' });
    expect(notes[1].text).toBe('something else');
  });

  it('counts repeats without nodes and shortens long node lists', () => {
    expect(groupWarnings([{ code: 'NIR_NO_VERSION', message: 'm' }, { code: 'NIR_NO_VERSION', message: 'm' }])[0].text).toBe('2 times: m');
    const many = Array.from({ length: 9 }, (_, i) => ({ code: 'NIR_INT_PARAMETER' as const, message: 'm', node: `n${i}` }));
    expect(groupWarnings(many)[0].text).toMatch(/^9 nodes \(n0, n1, n2, n3, n4, n5…\)/);
  });
});
