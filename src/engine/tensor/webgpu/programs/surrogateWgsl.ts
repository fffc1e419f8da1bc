/**
 * The surrogate derivative g(z) as a WGSL function `surrogate(z : f32, k : f32) -> f32`, one case
 * per catalogue entry; each line restates the equation of src/engine/surrogates/<name>.ts (and of
 * `surrogateGrad` in ../../kernels/plain/spike.ts, which the plain path uses), with k the slope.
 */
import type { SurrogateName } from '../../../surrogates/types';

const PI = '3.14159265358979';

const BODY: Record<SurrogateName, string> = {
  // 1 / (1 + k·|z|)²
  superspike: 'let d = 1.0 + k * abs(z); return 1.0 / (d * d);',
  // 1 / (π·(1 + (k·π·z)²))
  spyx_arctan: `let w = k * ${PI} * z; return 1.0 / (${PI} * (1.0 + w * w));`,
  // (k/2) / (1 + (π·k·z/2)²)
  snntorch_atan: `let w = ${PI} * k * 0.5 * z; return (k * 0.5) / (1.0 + w * w);`,
  // k·σ(kz)·(1 − σ(kz)); exp overflows to +inf for very negative kz, giving σ = 0 as it should
  sigmoid: 'let s = 1.0 / (1.0 + exp(-k * z)); return k * s * (1.0 - s);',
  // 1 − tanh²(kz); the argument is clamped because some tanh implementations give NaN past ±~44
  tanh: 'let h = tanh(clamp(k * z, -20.0, 20.0)); return 1.0 - h * h;',
  // (k/2)·[|z| < 1/k]
  boxcar: 'return select(0.0, k * 0.5, abs(z) < 1.0 / k);',
  // max(0, 1 − |k·z|)
  triangular: 'return max(0.0, 1.0 - abs(k * z));',
  // 1
  straight_through: 'return 1.0;',
};

export function surrogateWgsl(name: SurrogateName): string {
  return `fn surrogate(z : f32, k : f32) -> f32 { ${BODY[name]} }`;
}
