/**
 * "For snnTorch": what `snntorch.import_from_nir` (snnTorch 0.9.4, snntorch/import_nir.py) reads
 * right. Its importer assumes dt = 1e-4 s (β = 1 − 1e-4/τ), resets to zero, has no v_leak, no LI
 * or CubaLI, maps IF to a Leaky with β = 0.9, wants one threshold per layer, and for CubaLIF and
 * recurrent layers asserts r = τ_mem/1e-4 (unit gain into the membrane). A population's input
 * gain g = r·dt/τ is otherwise handled by dividing the threshold by it, which keeps spikes but
 * scales snnTorch's membrane. So the rewrite:
 *  - rescales time to dt = 1e-4 (τ' = dt'/(1 − β): every β kept);
 *  - folds each population's gain (and v_leak, as a bias; and per-neuron thresholds) into the
 *    Linear/Affine layers that feed it, so r' = τ'/1e-4 and the membranes are the lab's;
 *    where the inputs cannot take it, a uniform gain is left to the importer's threshold scaling;
 *  - writes IF as a Leaky that does not leak (τ' = 1e30) and an LI/CubaLI readout as a
 *    Leaky/Synaptic whose threshold (1e30) is never reached: read its `mem`;
 *  - writes a recurrent layer as a three-node cycle through an identity layer, its feedback bias
 *    moved forward (./splitRecurrence.ts): the importer's RLeaky path cannot read it right.
 */
import { NEVER_FIRES } from './neuronForm';
import { allNear, refuseLabOnly, rewriteForPeer, uniform, type PeerRules, type PopulationContext } from './rewrite';
import type { ExportTarget } from './types';

export const SNNTORCH: ExportTarget & { dt: number } = {
  id: 'snntorch',
  label: 'snnTorch',
  load: 'snntorch.import_from_nir(nir.read(path))',
  dt: 1e-4,
};

const RESET = 'snnTorch\'s importer always resets to zero (reset_mechanism="zero").';

function population(ctx: PopulationContext): void {
  const { form } = ctx;
  refuseLabOnly(ctx, 'snnTorch', RESET);
  const spiking = form.threshold !== undefined;
  if (!spiking && !ctx.readout) {
    ctx.refuse(`is a non-spiking ${form.type} that feeds other layers; snnTorch has no ${form.type} (only a readout, LI → Output, can be written, as a population that never fires).`);
    return;
  }
  if (!spiking) {
    form.threshold = form.beta.map(() => NEVER_FIRES);
    form.vReset = form.beta.map(() => 0);
    ctx.change(`snnTorch has no ${form.type}: written as a ${form.type === 'LI' ? 'Leaky' : 'Synaptic'} whose threshold (${NEVER_FIRES}) is never reached; read its membrane (mem), not its spikes.`);
  }
  if (form.type === 'IF') ctx.change('snnTorch\'s importer reads IF as a Leaky with β = 0.9: written as a LIF that does not leak (τ = 1e30, β = 1).');
  const synaptic = form.gainCur !== undefined;
  const threshold = form.threshold!;
  // The gain the importer wants to be 1: into the membrane (LIF) or through both stages (CubaLIF).
  const total = synaptic ? form.gain.map((g, i) => g * form.gainCur![i]) : form.gain;
  const needsOffset = form.bias.some((b) => b !== 0);
  if (needsOffset && synaptic) ctx.refuse('has v_leak ≠ 0; snnTorch\'s Synaptic has no leak potential (and through the synapse it cannot be folded into a bias).');
  const thresholdsDiffer = !uniform(threshold);
  if (ctx.foldBlocked === null) {
    const factor = total.map((g, i) => (thresholdsDiffer ? g / threshold[i] : g));
    const offset = needsOffset && !synaptic ? form.bias.map((b, i) => b / form.gain[i]) : undefined;
    if (offset?.some((o) => !Number.isFinite(o))) ctx.refuse('has v_leak ≠ 0 but a zero input gain to fold it through.');
    else if (factor.some((f) => !(f !== 0 && Number.isFinite(f)))) ctx.refuse('has a zero input gain (r = 0), which cannot be folded into its inputs.');
    else {
      ctx.fold(factor, offset);
      // Unit gains now (with thresholds folded, the membrane is v/θ: gain g/θ came in with the weights).
      form.gain = form.gain.map(() => 1);
      if (synaptic) form.gainCur = form.gain.map(() => 1);
      if (thresholdsDiffer) {
        form.threshold = threshold.map(() => 1);
        ctx.change('Per-neuron thresholds folded into its input weights (threshold 1): snnTorch\'s membrane is this one divided by each neuron\'s threshold.');
      }
      if (!allNear(factor, 1)) ctx.change('Input gain (r·dt/τ) folded into the weights of the layers feeding it (r = τ/1e-4), so snnTorch\'s membrane equals the lab\'s.');
      if (offset) ctx.change('v_leak folded into the bias of the layer feeding it (snnTorch has no v_leak).');
    }
  } else {
    const why = `its gain cannot be folded into its inputs (${ctx.foldBlocked})`;
    if (needsOffset && !synaptic) ctx.refuse(`has v_leak ≠ 0 and ${why}; snnTorch has no v_leak.`);
    if (ctx.recurrent && !allNear(total, 1)) ctx.refuse(`is recurrent with an input gain ≠ 1 and ${why}; snnTorch's importer asserts r = τ/1e-4 for recurrent layers.`);
    if (synaptic && !allNear(form.gainCur!, 1)) ctx.refuse(`has r ≠ τ_mem/dt and ${why}; snnTorch's importer asserts r = τ_mem/1e-4 for CubaLIF.`);
    const scaled = threshold.map((t, i) => t / form.gain[i]);
    if (!uniform(scaled)) ctx.refuse(`has thresholds or gains that differ between neurons and ${why}; snnTorch wants one threshold per layer.`);
    else if (!allNear(form.gain, 1)) ctx.change('Its input gain is left to snnTorch\'s importer (it divides the threshold by r·dt/τ): same spikes, snnTorch\'s membrane is this one divided by the gain.');
  }
  ctx.write(true);
}

export const SNNTORCH_RULES: PeerRules = {
  target: SNNTORCH,
  passThrough: new Set(['Input', 'Output', 'Affine', 'Linear', 'Conv2d', 'Flatten', 'AvgPool2d']),
  linearAsAffine: false,
  recurrence: 'split',
  population,
};

export const forSnnTorch = (graph: Parameters<typeof rewriteForPeer>[0], dt: number) => rewriteForPeer(graph, dt, SNNTORCH_RULES);
