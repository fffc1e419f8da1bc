/** `--backend wasm|cpu` for commands that run the engine under Node (default wasm, then cpu). */
import { SpikelabError } from '../engine/core/errors';
import type { BackendInfo } from '../engine/tensor/runtime/backend';
import { startNodeBackend } from '../engine/tensor/runtime/loaders.node';
import { stringOption, type ParsedArgs } from './args';

export function startBackendFor(args: ParsedArgs): Promise<BackendInfo> {
  const backend = stringOption(args, 'backend');
  if (backend !== undefined && backend !== 'wasm' && backend !== 'cpu') {
    throw new SpikelabError('CLI_BAD_OPTION', `--backend ${backend} is not available under Node.`, 'Use --backend wasm or --backend cpu; webgpu and webgl run in the browser (npx spikelab bench drives headless Chromium).');
  }
  return startNodeBackend(backend);
}
