/**
 * A surrogate gradient: spikes are the strict Heaviside step H(z) = [z > 0] forward (z = v − θ),
 * and `grad(z, slope)` stands in for dH/dz backward. One file per surrogate states its equation.
 */
export type SurrogateName =
  | 'superspike' | 'spyx_arctan' | 'snntorch_atan' | 'sigmoid' | 'tanh' | 'boxcar' | 'triangular' | 'straight_through';

export interface SurrogateDef {
  name: SurrogateName;
  label: string;
  defaultSlope: number;
  /** dH/dz as used backward, for z = v − θ and the surrogate's slope k. */
  grad(z: number, slope: number): number;
  /** A primitive S with S' = g: the smooth stand-in for H used by finite-difference checks. */
  primitive(z: number, slope: number): number;
}

/** What a neuron layer is trained with: which surrogate and its slope. */
export interface SurrogateSpec {
  name: SurrogateName;
  slope: number;
  /**
   * Forward the smooth primitive S(z) instead of H(z) (backward still g = S'). Only for
   * finite-difference checks of the backward pass: the network then emits graded values, not spikes.
   */
  smooth?: boolean;
}
