import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../engine/graph/types';
import { CATEGORY, EQUATION, defaultNode, unitOf } from './nodeCatalog';

describe('node catalogue', () => {
  it('covers all 19 NIR types with a default node, category and equation', () => {
    expect(NODE_TYPES).toHaveLength(19);
    for (const type of NODE_TYPES) {
      expect(defaultNode(type).type).toBe(type);
      expect(CATEGORY[type]).toBeTruthy();
      expect(EQUATION[type]).toBeTruthy();
    }
  });

  it('names units of time constants in the run time unit', () => {
    expect(unitOf('tau_mem', 'ms')).toBe('ms');
    expect(unitOf('v_threshold')).toBe('a.u.');
  });
});
