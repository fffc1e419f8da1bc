/**
 * The measuring side of ./convProfile.ts (which bundles this for Node): the step of ./convStep.ts
 * profiled kernel by kernel (./stepProfile.ts).
 */
import { convWorkload, type ConvStepOptions } from './convStep';
import { profileStep, type StepProfile } from './stepProfile';

export function profileConvStep(backend: 'wasm' | 'cpu', root: string, o: ConvStepOptions): Promise<StepProfile> {
  return profileStep(backend, () => convWorkload(root, o), o);
}
