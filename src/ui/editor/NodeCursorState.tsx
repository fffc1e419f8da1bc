/**
 * What a canvas node shows at the time cursor: "t 12 · 3 spikes" (highlighted, with a flash, in a
 * step with spikes) and a strip of cells, each a group of recorded neurons coloured by membrane on
 * a diverging scale relative to the threshold (blue below rest, red at threshold), underlined when
 * one of them spiked. The Input shows its active features and their intensities.
 */
import type { StateAtStep } from '../plots/stateAtStep';
import { cssRgb, divergingRgb, membraneColor } from '../plots/membraneColor';

export function NodeCursorState({ state, input }: { state: StateAtStep; input: boolean }) {
  const { t, spikes, recorded, meanMembrane, threshold, scale, cells } = state;
  const unit = input ? 'active' : spikes === 1 ? 'spike' : 'spikes';
  const colour = (v: number | null, spiked: boolean) => (v === null ? (spiked ? 'var(--text)' : 'var(--border)') : input ? cssRgb(divergingRgb(scale > 0 ? Math.abs(v) / scale : 0)) : membraneColor(v, threshold, scale));
  const summary = `At t = ${t}: ${spikes ?? '?'} ${unit} of ${recorded} recorded${meanMembrane !== null && !input ? `, mean membrane ${meanMembrane.toFixed(3)}${threshold !== null ? ` (θ = ${threshold})` : ''}` : ''}`;
  return (
    <div className="population-cursor" title={summary}>
      <div className="population-cursor-text">
        <span>t {t}</span>
        {spikes !== null && <span key={`${t}-${spikes}`} className={`spike-count${spikes > 0 ? ' firing' : ''}`}>{spikes} {unit}</span>}
        {meanMembrane !== null && !input && <span>v̄ {meanMembrane.toFixed(2)}</span>}
      </div>
      {cells.length > 0 && (
        <div className="population-cells" aria-hidden="true">
          {cells.map((c, i) => <span key={i} className={c.spiked ? 'spiked' : undefined} style={{ background: colour(c.v, c.spiked) }} />)}
        </div>
      )}
    </div>
  );
}
