/**
 * The readout loss in three WGSL programs (../readoutLoss.ts; equations in
 * ../../kernels/readoutLoss.ts), for a trace y [T·B·K] time-major, rows = B·K:
 *   ReadoutReduceProgram      r [rows]: the sum, mean or max over t of each row (one lane per row)
 *   SoftmaxCrossEntropyProgram   loss [1], correct [1] and ∂L/∂r [rows] from r, the labels and σ:
 *                             one workgroup; lane j takes samples j, j + 64, …, then a tree sum
 *   ReadoutLossGradProgram    ∂L/∂y [T·rows] from the upstream ∂L/∂L, ∂L/∂r (and for max, y and r)
 */
import type { ReadoutReduction } from '../../kernels/readoutLoss';
import { MultiOutputProgram } from './multiOutputProgram';
import { FlatProgram, WORKGROUP } from './program';

/** Inputs: trace [T·rows]. Uniforms: steps T, rows. Output: r [rows]. */
export class ReadoutReduceProgram extends FlatProgram {
  variableNames = ['trace'];
  uniforms = 'steps : i32, rows : i32,';

  constructor(private readonly reduction: ReadoutReduction, rows: number) {
    super([rows], rows, `spikelab_readout_reduce_${reduction}`);
  }

  getUserCode(): string {
    const max = this.reduction === 'max';
    const fold = max ? 'acc = max(acc, trace[t * uniforms.rows + index]);' : 'acc = acc + trace[t * uniforms.rows + index];';
    const finish = this.reduction === 'mean' ? 'acc / f32(uniforms.steps)' : 'acc';
    return `
      fn main(index : i32) {
        if (index >= uniforms.rows) { return; }
        var acc = ${max ? 'trace[index]' : '0.0'};
        for (var t = ${max ? 1 : 0}; t < uniforms.steps; t = t + 1) {
          ${fold}
        }
        result[index] = ${finish};
      }`;
  }
}

/**
 * Read-write (new): loss [1], correct [1], dReduced [rows]. Inputs: reduced [rows], labels int32
 * [B] (and scale [K] when scaled). Uniforms: batch B, classes K, smoothing s. Runs as one
 * workgroup of WORKGROUP lanes (no early return: the barriers need every lane).
 */
export class SoftmaxCrossEntropyProgram extends MultiOutputProgram {
  outputNames = ['loss', 'correct', 'dReduced'];
  variableNames: string[];
  uniforms = 'batch : i32, classes : i32, smoothing : f32,';

  constructor(private readonly scaled: boolean) {
    super(WORKGROUP, `spikelab_softmax_ce_${scaled ? 'scaled' : 'plain'}`);
    this.variableNames = scaled ? ['reduced', 'labels', 'scale'] : ['reduced', 'labels'];
  }

  getUserCode(): string {
    const sigma = (k: string) => (this.scaled ? `scale[${k}]` : '1.0');
    return `
      var<workgroup> lossParts : array<f32, ${WORKGROUP}>;
      var<workgroup> hitParts : array<f32, ${WORKGROUP}>;

      fn logit(b : i32, k : i32) -> f32 {
        return reduced[b * uniforms.classes + k] * ${sigma('k')};
      }

      fn main(index : i32) {
        let K = uniforms.classes;
        let off = uniforms.smoothing / f32(K);
        let on = 1.0 - uniforms.smoothing + off;
        var lossPart = 0.0;
        var hits = 0.0;
        for (var b = index; b < uniforms.batch; b = b + ${WORKGROUP}) {
          let label = labels[b];
          var top = logit(b, 0);
          var arg = 0;
          for (var k = 1; k < K; k = k + 1) {
            let z = logit(b, k);
            if (z > top) { top = z; arg = k; }
          }
          var total = 0.0;
          for (var k = 0; k < K; k = k + 1) { total = total + exp(logit(b, k) - top); }
          let lse = log(total);
          for (var k = 0; k < K; k = k + 1) {
            let logSoftmax = logit(b, k) - top - lse;
            let want = select(off, on, k == label);
            lossPart = lossPart - want * logSoftmax;
            dReduced[b * K + k] = ${sigma('k')} * (exp(logSoftmax) - want) / f32(uniforms.batch);
          }
          hits = hits + select(0.0, 1.0, arg == label);
        }
        lossParts[index] = lossPart;
        hitParts[index] = hits;
        workgroupBarrier();
        for (var stride = ${WORKGROUP / 2}; stride > 0; stride = stride / 2) {
          if (index < stride) {
            lossParts[index] = lossParts[index] + lossParts[index + stride];
            hitParts[index] = hitParts[index] + hitParts[index + stride];
          }
          workgroupBarrier();
        }
        if (index == 0) {
          loss[0] = lossParts[0] / f32(uniforms.batch);
          correct[0] = hitParts[0];
        }
      }`;
  }
}

/** Inputs: dy [1], dReduced [rows] (max: also trace [T·rows], reduced [rows]). Uniforms: steps, rows. Output [T·rows]. */
export class ReadoutLossGradProgram extends FlatProgram {
  variableNames: string[];
  uniforms = 'steps : i32, rows : i32,';

  constructor(private readonly reduction: ReadoutReduction, steps: number, rows: number) {
    super([steps * rows], steps * rows, `spikelab_readout_grad_${reduction}`);
    this.variableNames = reduction === 'max' ? ['dy', 'dReduced', 'trace', 'reduced'] : ['dy', 'dReduced'];
  }

  getUserCode(): string {
    const g = 'dy[0] * dReduced[j]';
    const value = this.reduction === 'max' ? `select(0.0, ${g}, trace[index] == reduced[j])`
      : this.reduction === 'mean' ? `${g} / f32(uniforms.steps)` : g;
    return `
      fn main(index : i32) {
        if (index >= uniforms.steps * uniforms.rows) { return; }
        let j = index % uniforms.rows;
        result[index] = ${value};
      }`;
  }
}
