/** `spikelab train` run in-process for the recipe tests: the JSON lines it prints (stdout), parsed. */
import { vi } from 'vitest';
import { parseArgs } from '../../../../cli/args';
import { train } from '../../../../cli/commands/train';

export async function trainLines(...argv: string[]): Promise<Record<string, unknown>[]> {
  let text = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    await train.run(parseArgs(argv, train.options));
  } finally {
    write.mockRestore();
  }
  return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}
