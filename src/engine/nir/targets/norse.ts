/**
 * "For Norse": what `norse.torch.from_nir` (Norse 1.1, norse/torch/utils/import_nir.py) reads
 * right with its defaults. Its importer assumes dt = 1e-3 s, drops r of LIF, LI and IF (with a
 * warning: gain dt/τ, and 1 for IF whose membrane adds the input), passes no v_reset for LIF, IF
 * and CubaLIF (Norse's default 0), feeds v_leak to CubaLIF's synapse as well, maps only Affine
 * (not Linear), SumPool2d, Conv2d and Flatten among layers, has no CubaLI and no recurrence. So:
 *  - time rescaled to dt = 1e-3 (τ' = dt'/(1 − β): every β kept);
 *  - r folded into the Linear/Affine layers feeding a LIF/LI/IF population (r' = 1), and v_leak
 *    into their bias (Norse starts a membrane at v_leak, NIR's reading at 0);
 *  - Linear written as Affine with a zero bias; a CubaLI readout as a CubaLIF that never fires.
 */
import { NEVER_FIRES } from './neuronForm';
import { allNear, refuseLabOnly, rewriteForPeer, type PeerRules, type PopulationContext } from './rewrite';
import type { ExportTarget } from './types';

export const NORSE: ExportTarget & { dt: number } = {
  id: 'norse',
  label: 'Norse',
  load: 'norse.torch.from_nir(nir.read(path))',
  dt: 1e-3,
};

const RESET = 'Norse\'s importer passes neither v_reset nor a reset method for it (it resets to 0).';

function population(ctx: PopulationContext): void {
  const { form } = ctx;
  refuseLabOnly(ctx, 'Norse', RESET);
  if (form.type === 'CubaLI') {
    if (!ctx.readout) {
      ctx.refuse('is a CubaLI that feeds other layers; Norse has no CubaLI (only a readout, CubaLI → Output, can be written, as a CubaLIF that never fires).');
      return;
    }
    form.threshold = form.beta.map(() => NEVER_FIRES);
    form.vReset = form.beta.map(() => 0);
    ctx.change(`Norse has no CubaLI: written as a CubaLIF whose threshold (${NEVER_FIRES}) is never reached; read its membrane (state.v), not its spikes.`);
  }
  if (form.gainCur) {
    if (form.bias.some((b) => b !== 0)) ctx.refuse('has v_leak ≠ 0; Norse\'s importer gives the same v_leak to the synaptic current, which changes it.');
    ctx.write(form.threshold !== undefined);
    return;
  }
  // The gain Norse gives without r: dt/τ = 1 − β into a leaky membrane, 1 into IF's.
  const wanted = form.beta.map((b) => (b >= 1 ? 1 : 1 - b));
  const factor = form.gain.map((g, i) => g / wanted[i]);
  // Norse starts a membrane at v_leak, the lab (and NIR's reading) at 0: v_leak goes into the bias feeding it.
  const leaks = form.bias.some((b) => b !== 0);
  if (!allNear(factor, 1) || leaks) {
    const what = leaks ? 'v_leak ≠ 0 (Norse starts every membrane at v_leak, this network at 0)' : `r ≠ 1 (input gain ${factor[0].toPrecision(4)}…), which Norse's importer drops`;
    if (ctx.foldBlocked !== null) ctx.refuse(`has ${what}, and it cannot be folded into its inputs (${ctx.foldBlocked}).`);
    else if (factor.some((f) => !(f !== 0 && Number.isFinite(f)))) ctx.refuse('has r = 0, which cannot be folded into its inputs.');
    else {
      ctx.fold(factor, leaks ? form.bias.map((b, i) => b / form.gain[i]) : undefined);
      if (!allNear(factor, 1)) ctx.change(`${form.type === 'IF' ? 'Its input gain (r·dt)' : 'r'} folded into the weights of the layers feeding it (r = 1, which Norse's importer assumes).`);
      if (leaks) ctx.change('v_leak folded into the bias of the layer feeding it (v_leak = 0): Norse would start the membrane at v_leak.');
    }
  }
  if (form.type === 'IF') {
    ctx.change(`IF written with r = 1/dt = ${1 / NORSE.dt} so that this file, read at dt = ${NORSE.dt}, integrates the input with gain 1 as Norse's IAFCell does (Norse ignores r and warns about it).`);
    ctx.write(true, true);
    return;
  }
  ctx.write(form.threshold !== undefined);
}

export const NORSE_RULES: PeerRules = {
  target: NORSE,
  passThrough: new Set(['Input', 'Output', 'Affine', 'Conv2d', 'Flatten', 'SumPool2d']),
  linearAsAffine: true,
  recurrence: 'is recurrent; Norse\'s from_nir maps no recurrent graphs (its recurrent mapping is commented out in import_nir.py).',
  population,
};

export const forNorse = (graph: Parameters<typeof rewriteForPeer>[0], dt: number) => rewriteForPeer(graph, dt, NORSE_RULES);
