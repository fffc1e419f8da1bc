/**
 * The catalogue against what it describes: every NIR type has an entry and a palette node; the
 * neuron equations are the ones in src/engine/neurons/ (each file's doc comment quotes its
 * entry's); the neuron traits and `trained` marks agree with what discretise and the write-back
 * of trained values actually do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeBackParameters } from '../../compile/writeBack';
import { discretise } from '../../neurons';
import { withNeuronOptions } from '../labMetadata';
import { NODE_TYPES, type NdArray, type NirNode, type NodeType } from '../types';
import { CATEGORIES, defaultNode, isInferred, paramOf, PALETTE_SIZE, PRIMITIVES, unitOf } from '.';

const record = (node: NirNode) => node as unknown as Record<string, NdArray>;
const withPrimitive = NODE_TYPES.map((type) => [type, PRIMITIVES[type]] as const);

/** The file of src/engine/neurons/ that runs each element-wise model. */
const MODEL_FILES: Partial<Record<NodeType, string>> = {
  Delay: 'delay.ts', Threshold: 'threshold.ts', I: 'integrator.ts', IF: 'if.ts', LI: 'li.ts', LIF: 'lif.ts', CubaLI: 'cubaLi.ts', CubaLIF: 'cubaLif.ts',
};

describe('primitive catalogue', () => {
  it('has one entry per NIR type, each with a category of the palette, words, an equation and a palette node', () => {
    expect(NODE_TYPES).toHaveLength(19);
    expect(Object.keys(PRIMITIVES).sort()).toEqual([...NODE_TYPES].sort());
    for (const [type, p] of withPrimitive) {
      expect(p.type).toBe(type);
      expect(CATEGORIES.map((c) => c.id)).toContain(p.category);
      for (const text of [p.label, p.description, p.equation, p.baseName]) expect(text.length, type).toBeGreaterThan(0);
      expect(defaultNode(type, 3).type).toBe(type);
    }
  });

  it('sizes element-wise palette nodes by their defaults, PALETTE_SIZE wide', () => {
    const lif = record(defaultNode('LIF'));
    expect([lif.tau.data[0], lif.r.data[0], lif.v_threshold.data[0], lif.v_reset.data[0]]).toEqual([Math.fround(0.02), 20, 1, 0]);
    for (const [type, p] of withPrimitive.filter(([, p]) => p.sizedBy)) {
      expect(p.params.map((q) => q.key), type).toContain(p.sizedBy);
      const node = record(defaultNode(type));
      for (const param of p.params) {
        expect(param.default, `${type}.${param.key}`).toBeDefined();
        expect(node[param.key].shape).toEqual([PALETTE_SIZE]);
      }
    }
  });

  it('names units of time constants in the run time unit', () => {
    expect(unitOf(paramOf('CubaLIF', 'tau_mem')!, 'ms')).toBe('ms');
    expect(unitOf(paramOf('Delay', 'delay')!, 'step')).toBe('step');
    expect(unitOf(paramOf('LIF', 'v_threshold')!)).toBe('a.u.');
    expect(unitOf(paramOf('Conv2d', 'stride')!)).toBe('elements');
    expect(unitOf(paramOf('Conv2d', 'groups')!)).toBe('');
  });

  it('fills in or infers only fields a file may lack: v_reset, w_in, Flatten dims and input_type, Conv input_shape', () => {
    const absent = withPrimitive.flatMap(([type, p]) => p.params.filter((q) => q.ifAbsent).map((q) => `${type}.${q.key}${isInferred(q) ? ' (inferred)' : ` = ${q.ifAbsent!.fill}`}`));
    expect(absent).toEqual([
      'Conv1d.input_shape (inferred)', 'Conv2d.input_shape (inferred)', 'Flatten.input_type (inferred)', 'Flatten.start_dim = 1', 'Flatten.end_dim = -1',
      'IF.v_reset = 0', 'LIF.v_reset = 0', 'CubaLI.w_in = 1', 'CubaLIF.v_reset = 0', 'CubaLIF.w_in = 1',
    ]);
  });

  it('shows the equation of each model as its file in src/engine/neurons/ states it', () => {
    for (const [type, file] of Object.entries(MODEL_FILES) as Array<[NodeType, string]>) {
      const source = readFileSync(new URL(`../../neurons/${file}`, import.meta.url), 'utf8');
      const docComment = source.slice(0, source.indexOf('*/'));
      expect(docComment, `${file} quotes the ${type} equation`).toContain(PRIMITIVES[type].equation);
    }
  });

  it('marks the output and the options of each neuron model as discretise applies them', () => {
    for (const [type, p] of withPrimitive.filter(([, p]) => p.neuron)) {
      const node = defaultNode(type);
      const plain = discretise(node, 1e-3);
      expect(plain.output, type).toBe(p.neuron!.output);
      const changed = (options: Parameters<typeof withNeuronOptions>[1]) => JSON.stringify(discretise(withNeuronOptions(node, options), 1e-3)) !== JSON.stringify(plain);
      expect(changed({ reset: 'subtract' }), `${type} reset`).toBe(p.neuron!.options.includes('reset'));
      expect(changed({ spikeFrom: 'pre' }), `${type} spikeFrom`).toBe(p.neuron!.options.includes('spikeFrom'));
      expect(changed({ integration: 'exact' }), `${type} integration`).toBe(p.neuron!.options.includes('integration'));
      const learnsDecay = discretise(withNeuronOptions(node, { learnDecay: true }), 1e-3).learnDecay;
      expect(learnsDecay, `${type} learn_decay`).toBe(p.params.some((q) => q.trained === 'learn_decay'));
    }
  });

  it('marks as trained exactly the tensors a training run writes back', () => {
    for (const [type, p] of withPrimitive.filter(([type]) => type !== 'NIRGraph')) {
      const node = defaultNode(type);
      for (const param of p.params.filter((q) => q.kind === 'array')) {
        const before = record(node)[param.key];
        const values = { [`n/${param.key}`]: Float32Array.from(before.data, (v) => v + 1) };
        const after = record(writeBackParameters({ type: 'NIRGraph', nodes: { n: node }, edges: [] }, values, 1e-3).nodes.n)[param.key];
        expect(after.data[0] !== before.data[0], `${type}.${param.key}`).toBe(param.trained === 'always');
      }
    }
  });
});
