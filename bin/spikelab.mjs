#!/usr/bin/env node
// `npx spikelab <command>`: runs the engine under Node. The CLI is bundled with esbuild
// (./bundleForNode.mjs says why) into node_modules/.cache/spikelab/ whenever a source file is
// newer than the bundle, then imported.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'node_modules', '.cache', 'spikelab', 'cli.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(outFile) || statSync(outFile).mtimeMs < Math.max(newestMtime(join(root, 'src')), statSync(import.meta.filename ?? fileURLToPath(import.meta.url)).mtimeMs);
if (stale) {
  const { bundleForNode } = await import('./bundleForNode.mjs');
  await bundleForNode(join(root, 'src', 'cli', 'main.ts'), outFile);
}
const { main } = await import(pathToFileURL(outFile).href);
process.exitCode = await main(process.argv.slice(2));
