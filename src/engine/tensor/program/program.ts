/**
 * A compiled network (DESIGN.md §4): the graph validated, flattened and planned, its weights
 * as variables and its neurons as scan constants. `forward` runs a time-major batch
 * x [T, B, ...inputShape] — or the same batch as 1-bit words (PackedInput) when the layers reading
 * the Input multiply bits — through the plan: layer stages in multi-step mode (stateless layers
 * fold time into the batch; each neuron population is one scan over T, fused where the backend
 * has a kernel), recurrent stages as one recurrent scan where the backend has one
 * (./recurrentStage.ts), else step by step. Each stage runs in its own scope and a node's value is
 * freed once its readers have run. Call it inside tf.tidy / tf.variableGrads.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { emptyRecord } from '../../core/records';
import { flattenGraph, type FlatGraph } from '../../compile/flatten';
import { planGraph, type Plan, type Stage } from '../../compile/plan';
import { writeBackParameters } from '../../compile/writeBack';
import type { NodeShapes, ShapeResult } from '../../graph/shapes';
import { sizeOf, type NirGraph, type NirNode } from '../../graph/types';
import { validateGraph } from '../../graph/validate';
import { GraphInvalidError } from '../../graph/graphInvalidError';
import { delaySteps } from '../../neurons/delay';
import { readoutGain } from '../../train/readoutGain';
import { discretise, isScanNode, type DiscreteNeuron } from '../../neurons';
import type { SurrogateSpec } from '../../surrogates/types';
import { neuronScanFor, type NeuronScan, type ScanParams, type ScanPath, type ScanSpec } from '../kernels/neuronScan';
import { reshapeUntaped } from '../kernels/plain/reshape';
import { kernelFor, type KernelTypes } from '../kernels/registry';
import type { BitLinearScan } from '../kernels/bitLinearScan';
import type { BitMatMul } from '../kernels/bitMatMul';
import { tidyObject } from '../runtime/tfTyping';
import { applyLayer, type LayerWeights, type LinearMatMul } from './layers';
import { layerWeights, neuronParams, nextProgramId, type VariableMap } from './parameters';
import { LiveValues } from './liveValues';
import { runRecurrent as runRecurrentStage } from './recurrentStage';

export interface ProgramOptions {
  /** The step, in the graph's time unit (seconds for snnTorch/Norse files, 1 for step-based). */
  dt: number;
  surrogate: SurrogateSpec;
  /** Detach the reset from the gradient (snnTorch's default); Spyx keeps it. */
  detachReset?: boolean;
  /** 'fused' uses the backend's kernel when it has one (default); 'plain' forces TF.js ops. */
  path?: ScanPath;
  trainable?: boolean;
  /** The node cap of the validation (../../core/limits.ts MAX_NODES by default; the CLI's --max-nodes). */
  maxNodes?: number;
  /** validateGraph's answer for this very graph, when the caller already has it (saves a second pass on large graphs). */
  validated?: ShapeResult;
}

/**
 * A batch left as bits (../kernels/packedBatch.ts): words int32 [T·B, ⌈F/32⌉], row t·B + b, feature f
 * at bit f mod 32 of word ⌊f/32⌋. Only for programs with `acceptsPackedInput`.
 */
export interface PackedInput {
  words: tf.Tensor2D;
  T: number;
  B: number;
  F: number;
}

export interface ForwardOptions {
  /** Node names whose output (and membrane) to return; 'all' for every neuron population. */
  record?: readonly string[] | 'all';
  recordMembrane?: boolean;
  /**
   * Node names whose output's mean over time, [B, ...outputShape], to return in `timeMeans`
   * (differentiable: a rate penalty's gradient flows through it). Cheaper than recording them: the
   * [T, B, ...] output itself need not be kept, nor, in a fused first layer, made at all.
   */
  timeMeans?: readonly string[];
  /**
   * Node names whose output's mean over time, batch and neurons (a firing rate, a scalar) to return
   * in `rates`; as `timeMeans`, but one reduction over all values (a mean over time alone costs
   * the GPU backends a transpose of the whole output).
   */
  rates?: readonly string[];
}

export interface NodeRecord {
  out: tf.Tensor;
  membrane?: tf.Tensor;
}

export interface ForwardResult {
  /** The readout: the first Output node's value, [T, B, ...outputShape]. */
  output: tf.Tensor;
  records: Record<string, NodeRecord>;
  /** Per name of ForwardOptions.timeMeans: its output's mean over time, [B, ...outputShape]. */
  timeMeans: Record<string, tf.Tensor>;
  /** Per name of ForwardOptions.rates: its output's mean, a scalar. */
  rates: Record<string, tf.Scalar>;
}

/** `Program.forwardIntegrated`: the readout summed over its T steps, [B, ...outputShape], the records, time means and rates. */
export interface IntegratedResult {
  outputSum: tf.Tensor;
  T: number;
  records: Record<string, NodeRecord>;
  timeMeans: Record<string, tf.Tensor>;
  rates: Record<string, tf.Scalar>;
}

/**
 * The readout in closed form (`Program.integrable`): its leaky integrator, the Affine/Linear
 * feeding it, that layer's source, β̂, and whether the Affine/Linear is the source's one reader
 * (then a fused first layer may return S̃ in place of its spikes).
 */
interface IntegrableReadout {
  readout: string;
  linear: string;
  source: string;
  beta: number;
  sourceReadOnce: boolean;
}

/** A layer's value and, when asked, its record. */
interface LayerValue {
  value: tf.Tensor;
  record?: NodeRecord;
}

interface NeuronEntry {
  neuron: DiscreteNeuron;
  params: ScanParams;
  spec: ScanSpec;
}

export class Program {
  readonly graph: NirGraph;
  readonly dt: number;
  readonly flat: FlatGraph;
  readonly plan: Plan;
  readonly shapes: Record<string, NodeShapes>;
  readonly variables: VariableMap = {};
  readonly inputName: string;
  readonly outputName: string;
  readonly inputShape: number[];
  readonly outputShape: number[];
  readonly scanPath: ScanPath;
  /**
   * 1/G per readout value, G the DC gain of the population the Output reads
   * (../../train/readoutGain.ts, from its compiled constants); 1 where the Output does not read one
   * neuron population directly. The gain-normalised losses (../train/losses.ts) multiply by it.
   */
  readonly readoutScale: tf.Tensor1D;
  private readonly scan: NeuronScan;
  private readonly weights = new Map<string, LayerWeights>();
  private readonly neurons = new Map<string, NeuronEntry>();
  /**
   * Affine/Linear layers whose input is spikes, with the backend's sparse spike matmul
   * (op 'spikeMatMul' of ../kernels/registry.ts): a layer qualifies when its one source is a spiking neuron
   * population (binary by construction; x gets its gradient) or the Input (spikes when the
   * dataset is; no gradient needed). The kernel is exact for any values and measures the
   * density itself, so a dense Input just falls back to tf.matMul. Only on the fused path.
   */
  readonly spikeMatMuls = new Map<string, LinearMatMul>();
  /**
   * The Affine/Linear layers reading the Input, when every reader of the Input is one and the
   * backend has a matmul over the dataset's bits (op 'bitMatMul' of ../kernels/registry.ts; fused path only): then
   * a batch can come packed, 1 bit per value, and is never unpacked to float32.
   */
  private readonly bitReaders = new Map<string, BitMatMul>();
  /**
   * Neuron populations whose one source is a bit reader that nothing else reads, with that reader:
   * on a packed batch the two run as one op (op 'bitLinearScan' of ../kernels/registry.ts), so the
   * current of every step is made and consumed inside it and never becomes a [T, B, N] tensor.
   * Unless the reader's own value is recorded, or the kernel declines the layer (then the two run
   * as usual).
   */
  private readonly fusedFirstLayers = new Map<string, { reader: string; kernel: BitLinearScan }>();
  /**
   * Where the Output reads a leaky integrator (membrane out, no synaptic current or adaptation)
   * with one constant β̂ for all its neurons, whose one source is an Affine/Linear that nothing
   * else reads, fed by one node x other than the Input: the integrator starts at 0 and is linear
   * in its input (m_t = β̂·m_{t−1} + b + g_in ⊙ I_t, I_t = W·x_t + b_aff), so its time sum is
   *   Σ_t m_t = b·C + g_in ⊙ (S̃·Wᵀ + b_aff·C),  S̃ = Σ_t c_t·x_t,  c_t = Σ_{j=0}^{T−1−t} β̂^j,  C = Σ_t c_t
   * (`forwardIntegrated`): one weighted sum of x over time and a [B, H]·[H, K] matmul, where the
   * step by step readout runs a matmul over all T·B rows and a scan, and both again backward.
   */
  private readonly integrable: IntegrableReadout | null;
  private readonly timeWeightedSum: KernelTypes['timeWeightedSum'] | undefined;

  constructor(graph: NirGraph, options: ProgramOptions) {
    if (!(options.dt > 0)) throw new SpikelabError('TRAIN_BAD_CONFIG', `dt must be positive, got ${options.dt}.`, 'Use the step of the data in the graph\'s time unit (e.g. 0.001 for 1 ms in seconds).');
    const { shapes, problems } = options.validated ?? validateGraph(graph, { maxNodes: options.maxNodes });
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new GraphInvalidError(errors);
    this.graph = graph;
    this.dt = options.dt;
    this.shapes = shapes;
    this.flat = flattenGraph(graph);
    this.plan = planGraph(this.flat);
    if (this.plan.inputs.length !== 1) {
      throw new SpikelabError('GRAPH_UNSUPPORTED', `The network has ${this.plan.inputs.length} unconnected Input nodes; the engine runs networks with exactly one.`,
        'Remove the extra Input nodes or connect them.');
    }
    if (this.plan.outputs.length < 1) throw new SpikelabError('GRAPH_NO_OUTPUT', 'The network has no Output node to read.', 'Add an Output after the last layer.');
    this.inputName = this.plan.inputs[0];
    this.outputName = this.plan.outputs[0];
    this.inputShape = shapes[this.inputName].output!;
    this.outputShape = shapes[this.outputName].input!;
    // Smooth (gradient-check) forwards exist only in the plain path.
    const { scan, path } = neuronScanFor(options.surrogate.smooth ? 'plain' : options.path ?? 'fused');
    this.scan = scan;
    this.scanPath = path;
    const scope = `p${nextProgramId()}`;
    const trainable = options.trainable ?? true;
    for (const [name, node] of Object.entries(this.flat.nodes)) {
      if ((node.type === 'Affine' || node.type === 'Linear') && node.weight.shape.length !== 2) {
        throw new SpikelabError('GRAPH_UNSUPPORTED', `${node.type} "${name}" has a ${node.weight.shape.length}-d weight; the engine runs 2-d (out, in) weights.`, 'Flatten the input first and use a 2-d weight.', name);
      }
      if (isScanNode(node)) {
        const neuron = discretise(node, options.dt);
        const spec: ScanSpec = {
          output: neuron.output, synaptic: neuron.synaptic, adaptive: neuron.adaptive, spikeFrom: neuron.spikeFrom,
          reset: neuron.reset, detachReset: options.detachReset ?? false, surrogate: options.surrogate,
        };
        this.neurons.set(name, { neuron, params: neuronParams(name, neuron, this.variables, trainable, scope), spec });
      } else {
        this.weights.set(name, layerWeights(name, node, this.variables, trainable, scope));
      }
    }
    this.readoutScale = tf.keep(tf.tensor1d(this.readoutGain().map((g) => 1 / g)));
    // The plain path stays the step-by-step reference; the closed form needs the backend's time-weighted sum.
    this.timeWeightedSum = path === 'fused' ? kernelFor('timeWeightedSum') : undefined;
    this.integrable = this.timeWeightedSum ? this.findIntegrable() : null;
    const bitMatMul = path === 'fused' ? kernelFor('bitMatMul') : undefined;
    const inputReaders = Object.keys(this.flat.nodes).filter((n) => this.plan.sources[n]?.includes(this.inputName));
    const linear = (n: string) => ['Affine', 'Linear'].includes(this.flat.nodes[n].type) && this.plan.sources[n].length === 1;
    if (bitMatMul && inputReaders.length > 0 && inputReaders.every(linear)) for (const n of inputReaders) this.bitReaders.set(n, bitMatMul);
    const bitLinearScan = path === 'fused' ? kernelFor('bitLinearScan') : undefined;
    for (const reader of bitLinearScan ? this.bitReaders.keys() : []) {
      const readers = Object.keys(this.flat.nodes).filter((n) => this.plan.sources[n]?.includes(reader));
      const [n] = readers;
      const ownStage = this.plan.stages.some((s) => s.kind === 'layer' && s.node === n);
      if (readers.length === 1 && this.neurons.has(n) && this.plan.sources[n].length === 1 && ownStage) this.fusedFirstLayers.set(n, { reader, kernel: bitLinearScan! });
    }
    const spikeMatMul = path === 'fused' ? kernelFor('spikeMatMul') : undefined;
    for (const [name, node] of Object.entries(this.flat.nodes)) {
      const sources = this.plan.sources[name] ?? [];
      if (!spikeMatMul || (node.type !== 'Affine' && node.type !== 'Linear') || sources.length !== 1) continue;
      const fromInput = sources[0] === this.inputName;
      if (fromInput || this.neurons.get(sources[0])?.neuron.output === 'spikes') {
        this.spikeMatMuls.set(name, (xs, weight) => spikeMatMul(xs, weight, { inputGrad: !fromInput }));
      }
    }
  }

  private findIntegrable(): IntegrableReadout | null {
    const readersOf = (n: string) => Object.keys(this.flat.nodes).filter((k) => this.plan.sources[k]?.includes(n));
    const ownStage = (n: string) => this.plan.stages.some((s) => s.kind === 'layer' && s.node === n);
    const [readout, ...others] = this.plan.sources[this.outputName] ?? [];
    const neuron = readout === undefined || others.length > 0 ? undefined : this.neurons.get(readout)?.neuron;
    if (!neuron || neuron.output !== 'membrane' || neuron.synaptic || neuron.adaptive || neuron.learnDecay) return null;
    const beta = Math.min(Math.max(neuron.beta[0], 0), 1);
    if (!neuron.beta.every((b) => b === neuron.beta[0]) || readersOf(readout).length !== 1 || !ownStage(readout)) return null;
    const [linear, ...more] = this.plan.sources[readout] ?? [];
    const node = linear === undefined || more.length > 0 ? undefined : this.flat.nodes[linear];
    if (!node || (node.type !== 'Affine' && node.type !== 'Linear') || readersOf(linear).length !== 1 || !ownStage(linear)) return null;
    const [source, ...rest] = this.plan.sources[linear] ?? [];
    if (source === undefined || rest.length > 0 || source === this.inputName) return null;
    return { readout, linear, source, beta, sourceReadOnce: readersOf(source).length === 1 };
  }

  /** The DC gain of each readout value: the Output's one source population's, else 1. */
  private readoutGain(): Float32Array {
    const sources = this.plan.sources[this.outputName] ?? [];
    const readout = sources.length === 1 ? this.neurons.get(sources[0])?.neuron : undefined;
    const size = sizeOf(this.outputShape);
    return readout && readout.size === size ? readoutGain(readout) : new Float32Array(size).fill(1);
  }

  /** Names of the neuron populations, in execution order, with what they output. */
  neuronLayers(): Array<{ name: string; type: NirNode['type']; output: 'spikes' | 'membrane'; size: number; threshold: number }> {
    const order = this.plan.stages.flatMap((s) => (s.kind === 'layer' ? [s.node] : s.nodes));
    return order.filter((n) => this.neurons.has(n)).map((name) => {
      const { neuron } = this.neurons.get(name)!;
      return { name, type: this.flat.nodes[name].type, output: neuron.output, size: neuron.size, threshold: neuron.threshold[0] ?? 0 };
    });
  }

  /** Whether `forward` takes a PackedInput (the layers reading the Input multiply bits directly). */
  get acceptsPackedInput(): boolean {
    return this.bitReaders.size > 0;
  }

  forward(input: tf.Tensor | PackedInput, options: ForwardOptions = {}): ForwardResult {
    const packed = input instanceof tf.Tensor ? undefined : input;
    if (packed) return this.run(undefined, this.checkedPacked(packed), packed.T, packed.B, options);
    const x = this.checkedInput(input as tf.Tensor);
    const [T, B] = x.shape as [number, number];
    return this.run(x, undefined, T, B, options);
  }

  private checkedInput(x: tf.Tensor): tf.Tensor {
    const [T, B] = x.shape;
    const expected = [T, B, ...this.inputShape];
    if (x.shape.length !== expected.length || x.shape.some((d, i) => d !== expected[i])) {
      throw new SpikelabError('DATA_SHAPE_MISMATCH', `The data has shape [${x.shape.slice(2).join(', ')}] per step but the network's Input "${this.inputName}" takes [${this.inputShape.join(', ')}].`,
        'Pick a dataset whose shape fits the Input, or change the Input shape.');
    }
    return x;
  }

  private checkedPacked(packed: PackedInput): PackedInput {
    const F = sizeOf(this.inputShape);
    if (!this.acceptsPackedInput) {
      throw new SpikelabError('INTERNAL', 'A packed batch reached a program whose Input is not read by bit matmuls only.', 'Check acceptsPackedInput and unpack the batch otherwise.');
    }
    if (packed.F !== F || packed.words.shape[0] !== packed.T * packed.B || packed.words.shape[1] !== Math.ceil(F / 32)) {
      throw new SpikelabError('DATA_SHAPE_MISMATCH', `The packed batch holds ${packed.F} features per step but the network's Input "${this.inputName}" takes [${this.inputShape.join(', ')}].`,
        'Pick a dataset whose shape fits the Input, or change the Input shape.');
    }
    return packed;
  }

  /**
   * The forward with the readout's time sum in closed form (`integrable`): Σ_t of the Output's
   * value and the records; null where the readout is not such an integrator, or the call records
   * it or the layer feeding it (the caller then runs `forward` and sums the trace).
   */
  forwardIntegrated(input: tf.Tensor | PackedInput, options: ForwardOptions = {}): IntegratedResult | null {
    const it = this.integrable;
    const recorded = (n: string) => (options.record === 'all' ? this.neurons.has(n) : options.record?.includes(n) ?? false);
    const averaged = (n: string) => (options.timeMeans?.includes(n) || options.rates?.includes(n)) ?? false;
    if (!it || [it.readout, it.linear].some((n) => recorded(n) || averaged(n))) return null;
    if (!(input instanceof tf.Tensor)) {
      const packed = this.checkedPacked(input);
      const { records, sum, timeMeans, rates } = this.run(undefined, packed, packed.T, packed.B, options, it);
      return { outputSum: sum!, T: packed.T, records, timeMeans, rates };
    }
    const x = this.checkedInput(input);
    const [T, B] = x.shape as [number, number];
    const { records, sum, timeMeans, rates } = this.run(x, undefined, T, B, options, it);
    return { outputSum: sum!, T, records, timeMeans, rates };
  }

  /** The closed form's time weights: c_{T−1} = 1, c_t = 1 + β̂·c_{t+1}, and C = Σ_t c_t. */
  private static readoutWeights(beta: number, T: number): { c: Float32Array; C: number } {
    const c = new Float32Array(T);
    for (let t = 0, acc = 0; t < T; t++) c[T - 1 - t] = acc = acc * beta + 1;
    return { c, C: c.reduce((a, v) => a + v, 0) };
  }

  /** Σ_t of the integrable readout's value from S̃ = Σ_t c_t·x_t of its layer's input, [B, H]: `integrable`'s equation. */
  private integratedSum(it: IntegrableReadout, weighted: tf.Tensor, C: number, B: number): tf.Tensor {
    const { params } = this.neurons.get(it.readout)!;
    const w = this.weights.get(it.linear)!;
    const weight = w.weight as tf.Tensor2D;
    let current = tf.matMul(tf.reshape(weighted, [B, weight.shape[1]]), weight, false, true);
    if (this.flat.nodes[it.linear].type === 'Affine' && w.bias) current = tf.add(current, tf.mul(w.bias, C));
    const sum = tf.add(tf.mul(current, params.gainIn), tf.mul(params.bias, C));
    return tf.reshape(sum, [B, ...this.shapes[this.outputName].input!]);
  }

  private run(x: tf.Tensor | undefined, packed: PackedInput | undefined, T: number, B: number, options: ForwardOptions, integrate?: IntegrableReadout): ForwardResult & { sum?: tf.Tensor } {
    const values = new LiveValues();
    const records = emptyRecord<NodeRecord>(); // keyed by node names: data, never prototype keys
    const timeMeans = emptyRecord<tf.Tensor>();
    const rates = emptyRecord<tf.Scalar>();
    const recorded = new Set<tf.Tensor>(); // the tensors of `records`, for the releaser
    const wanted = (name: string) => options.record === 'all' ? this.neurons.has(name) : options.record?.includes(name) ?? false;
    const averaged = (name: string) => options.timeMeans?.includes(name) ?? false;
    const rated = (name: string) => options.rates?.includes(name) ?? false;
    const release = this.releaser(x, values, recorded);
    const fused = new Set(packed ? [...this.fusedFirstLayers].filter(([, f]) => !wanted(f.reader)).map(([n]) => n) : []);
    const fusedReaders = new Set([...fused].map((n) => this.fusedFirstLayers.get(n)!.reader));
    const inClosedForm = new Set(integrate ? [integrate.linear, integrate.readout, this.outputName] : []);
    const weights = integrate ? Program.readoutWeights(integrate.beta, T) : undefined;
    // S̃ = Σ_t c_t·x_t of the closed form, where a fused first layer made it (and x's time mean) in place of x.
    let weighted: tf.Tensor | undefined;
    for (const stage of this.plan.stages) {
      if (stage.kind === 'layer' && packed && stage.node === this.inputName) continue; // its readers take the bits
      if (stage.kind === 'layer' && inClosedForm.has(stage.node)) continue; // summed in closed form below
      if (stage.kind === 'layer' && fusedReaders.has(stage.node)) continue; // runs inside its population's op
      if (stage.kind === 'layer' && fused.has(stage.node)) {
        const summed = integrate?.source === stage.node && integrate.sourceReadOnce && !wanted(stage.node);
        const sums = this.runFusedFirstLayer(stage.node, packed!, values, records, wanted(stage.node), options.recordMembrane ?? false,
          summed ? { c: weights!.c, mean: averaged(stage.node) || rated(stage.node) } : undefined);
        if (sums) ({ weighted } = sums);
        if (sums?.mean && averaged(stage.node)) timeMeans[stage.node] = sums.mean;
        if (sums?.mean && rated(stage.node)) rates[stage.node] = tf.mean(sums.mean);
      } else if (stage.kind === 'layer') this.runLayer(stage.node, x, packed, values, records, wanted(stage.node), options.recordMembrane ?? false);
      else this.runRecurrent(stage, T, B, values, records, wanted, options.recordMembrane ?? false);
      const ran = stage.kind === 'layer' ? [stage.node] : stage.nodes;
      for (const name of ran) {
        const record = records[name];
        if (record) recorded.add(record.out);
        if (record?.membrane) recorded.add(record.membrane);
        const value = values.get(name);
        if (averaged(name) && !timeMeans[name] && value) timeMeans[name] = tf.mean(value, 0); // before release frees it
        if (rated(name) && !rates[name] && value) rates[name] = tf.mean(value);
      }
      release(ran);
    }
    if (!integrate) return { output: values.get(this.outputName)!, records, timeMeans, rates };
    const { c, C } = weights!;
    let sum: tf.Tensor;
    if (weighted) {
      sum = tidyObject(() => ({ sum: this.integratedSum(integrate, weighted!, C, B) })).sum;
      weighted.dispose();
    } else {
      const xv = values.get(integrate.source)!; // its one reader did not run, so it is still here
      const H = (this.weights.get(integrate.linear)!.weight as tf.Tensor2D).shape[1];
      sum = tidyObject(() => ({ sum: this.integratedSum(integrate, this.timeWeightedSum!(reshapeUntaped(xv, [T, B, H]), c), C, B) })).sum;
      if (!recorded.has(xv) && xv !== x && values.holders(xv) <= 1) xv.dispose();
    }
    return { output: sum, records, timeMeans, rates, sum };
  }

  /**
   * Frees each node's value once every node reading it has run (the tensors a backward needs are
   * kept by the tape, which holds its own references): a matmul's output, the current a neuron
   * scan consumes, is then gone before the next layer runs, so a training step holds per layer
   * only what its backward reads (the scan's membranes, the spikes the next matmul saves), not
   * every intermediate until the step ends. The input, the readout and recorded tensors stay.
   * Each release is O(1) per edge (a set of recorded tensors, counted holders), so a forward is
   * linear in nodes + edges (issue 16: `simulate` on a 30,000-node chain took 154 s).
   */
  private releaser(x: tf.Tensor | undefined, values: LiveValues, recorded: ReadonlySet<tf.Tensor>): (ran: readonly string[]) => void {
    const readers = new Map<string, number>();
    for (const name of Object.keys(this.flat.nodes)) for (const s of this.plan.sources[name] ?? []) readers.set(s, (readers.get(s) ?? 0) + 1);
    return (ran) => {
      for (const name of ran) {
        for (const s of this.plan.sources[name] ?? []) {
          const left = (readers.get(s) ?? 1) - 1;
          readers.set(s, left);
          const value = values.get(s);
          if (left > 0 || !value || s === this.outputName || value === x) continue;
          const shared = values.holders(value) > 1;
          values.delete(s);
          if (!recorded.has(value) && !shared) value.dispose();
        }
      }
    };
  }

  private summedInput(name: string, values: Map<string, tf.Tensor>, x: tf.Tensor | undefined): tf.Tensor {
    if (name === this.inputName) return x!;
    const sources = this.plan.sources[name];
    if (sources.length === 0) {
      throw new SpikelabError('GRAPH_NO_INPUT', `Node "${name}" has no input edge.`, 'Connect it to the network or delete it.', name);
    }
    return sources.map((s) => values.get(s)!).reduce((a, b) => tf.add(a, b));
  }

  private runLayer(name: string, x: tf.Tensor | undefined, packed: PackedInput | undefined, values: Map<string, tf.Tensor>, records: Record<string, NodeRecord>, record: boolean, recordMembrane: boolean): void {
    // One scope per layer: what the layer makes on its way (a matmul's product before its bias,
    // reshape views sharing its buffer) is freed when the layer is done, not when the step ends;
    // the tape keeps its own references to what the backward reads.
    const made = tidyObject(() => (packed && this.bitReaders.has(name) ? this.bitLayerValue(name, packed)
      : this.layerValue(name, x, values, record, recordMembrane)));
    values.set(name, made.value);
    if (made.record) records[name] = made.record;
  }

  /**
   * A population and its bit reader as one op (`fusedFirstLayers`); where the kernel declines the
   * layer, the reader's value is made and the population runs on it as usual. With `summed` (the
   * population is the closed-form readout's one source and is not recorded) the op returns, in
   * place of the spikes, S̃ = Σ_t c_t·s_t [B, N] and, when `summed.mean`, their mean over time
   * [B, ...outputShape] (for `timeMeans` and `rates`); then nothing is set in `values`.
   */
  private runFusedFirstLayer(name: string, packed: PackedInput, values: Map<string, tf.Tensor>, records: Record<string, NodeRecord>, record: boolean, recordMembrane: boolean,
    summed?: { c: Float32Array; mean: boolean }): { weighted: tf.Tensor; mean?: tf.Tensor } | undefined {
    const { reader, kernel } = this.fusedFirstLayers.get(name)!;
    const { T, B, F, words } = packed;
    const timeWeights = summed ? new Float32Array(summed.mean ? 2 * T : T) : undefined;
    if (summed) timeWeights!.set(summed.c);
    if (summed?.mean) timeWeights!.fill(1 / T, T);
    const made = tidyObject((): LayerValue & { sums?: { weighted: tf.Tensor; mean?: tf.Tensor } } => {
      const entry = this.neurons.get(name)!;
      const w = this.weights.get(reader)!;
      const bias = this.flat.nodes[reader].type === 'Affine' ? w.bias : undefined;
      const input = { words, T, B, F, weight: w.weight as tf.Tensor2D, bias: bias as tf.Tensor1D | undefined };
      const result = kernel(input, entry.params, entry.spec, { recordMembrane: record && recordMembrane, timeWeights });
      if (!result) {
        values.set(reader, this.bitLayerValue(reader, packed).value);
        const unfused = this.layerValue(name, undefined, values, record, recordMembrane);
        values.delete(reader); // the scope frees it; nothing else reads it
        return unfused;
      }
      if (summed) {
        const [N, shape] = [entry.neuron.size, this.shapes[name].output!];
        const rows = summed.mean ? tf.unstack(result.out) : [tf.reshape(result.out, [B, N])];
        return { value: rows[0], sums: { weighted: rows[0], ...(summed.mean ? { mean: tf.reshape(rows[1], [B, ...shape]) } : {}) } };
      }
      const value = reshapeUntaped(result.out, [T, B, ...this.shapes[name].output!]);
      return record ? { value, record: { out: result.out, membrane: result.membrane } } : { value };
    });
    if (made.sums) return made.sums;
    values.set(name, made.value);
    if (made.record) records[name] = made.record;
    return undefined;
  }

  /** An Affine/Linear reading the packed Input: y = bits·Wᵀ (+ b), [T, B, ...outShape]. */
  private bitLayerValue(name: string, packed: PackedInput): LayerValue {
    const node = this.flat.nodes[name];
    const w = this.weights.get(name)!;
    let y: tf.Tensor = this.bitReaders.get(name)!(packed.words, packed.F, w.weight as tf.Tensor2D);
    if (node.type === 'Affine' && w.bias) y = tf.add(y, w.bias);
    return { value: reshapeUntaped(y, [packed.T, packed.B, ...this.shapes[name].output!]) };
  }

  private layerValue(name: string, x: tf.Tensor | undefined, values: Map<string, tf.Tensor>, record: boolean, recordMembrane: boolean): LayerValue {
    const node = this.flat.nodes[name];
    const input = this.summedInput(name, values, x);
    const [T, B] = input.shape;
    const outShape = this.shapes[name].output!;
    const entry = this.neurons.get(name);
    if (entry) {
      const flat = reshapeUntaped(input, [T, B, entry.neuron.size]);
      const result = this.scan(flat, entry.params, entry.spec, { recordMembrane: record && recordMembrane });
      const value = reshapeUntaped(result.out, [T, B, ...outShape]);
      return record ? { value, record: { out: result.out, membrane: result.membrane } } : { value };
    }
    if (node.type === 'Delay') return { value: this.delayAll(node, input) };
    const rows = reshapeUntaped(input, [T * B, ...this.shapes[name].input!]);
    return { value: reshapeUntaped(applyLayer(node, rows, this.weights.get(name)!, outShape, this.spikeMatMuls.get(name)), [T, B, ...outShape]) };
  }

  /** Delay over the whole sequence: neuron i's output at t is its input at t − k_i. */
  private delayAll(node: Extract<NirNode, { type: 'Delay' }>, input: tf.Tensor): tf.Tensor {
    const [T, B] = input.shape;
    const size = sizeOf(input.shape.slice(2));
    const flat = tf.reshape(input, [T, B, size]);
    const steps = delaySteps(node, this.dt);
    let out: tf.Tensor = tf.zerosLike(flat);
    for (const k of new Set(steps)) {
      const mask = tf.tensor1d(Array.from(steps, (s) => (s === k ? 1 : 0)));
      const shifted = k === 0 ? flat : k >= T ? tf.zerosLike(flat) : tf.concat([tf.zeros([k, B, size]), tf.slice(flat, [0, 0, 0], [T - k, B, size])], 0);
      out = tf.add(out, tf.mul(shifted, mask));
    }
    return tf.reshape(out, input.shape);
  }

  private runRecurrent(stage: Extract<Stage, { kind: 'recurrent' }>, T: number, B: number, values: Map<string, tf.Tensor>,
    records: Record<string, NodeRecord>, wanted: (n: string) => boolean, recordMembrane: boolean): void {
    const context = { flat: this.flat, plan: this.plan, shapes: this.shapes, dt: this.dt, scanPath: this.scanPath, neurons: this.neurons, weights: this.weights };
    // One scope for the stage, as for a layer: its per-step tensors go when it is done.
    const made = tidyObject(() => {
      const local = new Map(values);
      const made = emptyRecord<NodeRecord>();
      runRecurrentStage(context, stage, T, B, local, made, wanted, recordMembrane);
      const computed = stage.nodes.filter((n) => local.has(n)).map((n) => [n, local.get(n)!] as const); // a fused stage computes the feedback's value only when read
      return { values: Object.fromEntries(computed), records: made };
    });
    for (const [name, value] of Object.entries(made.values)) values.set(name, value);
    Object.assign(records, made.records);
  }

  /** The graph with the current (trained) parameter values written back (weights, τ from β). */
  trainedGraph(): NirGraph {
    const values: Record<string, Float32Array> = {};
    for (const [key, v] of Object.entries(this.variables)) values[key] = v.dataSync() as Float32Array;
    return writeBackParameters(this.graph, values, this.dt);
  }

  dispose(): void {
    this.readoutScale.dispose();
    for (const v of Object.values(this.variables)) v.dispose();
    for (const w of this.weights.values()) w.scale?.dispose();
    for (const { params } of this.neurons.values()) {
      for (const t of Object.values(params)) if (t && !(t instanceof tf.Variable)) (t as tf.Tensor).dispose();
    }
  }
}
