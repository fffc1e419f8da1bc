#!/usr/bin/env node
// `npx spikelab <command>`: runs the engine under Node. tfjs-core's ESM build cannot be loaded by
// Node's own resolver (extension-less imports), so the CLI is bundled with esbuild into
// node_modules/.cache/spikelab/ whenever a source file is newer than the bundle, then imported.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'spikelab');
const outFile = join(outDir, 'cli.mjs');

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
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile: `${outFile}.${process.pid}.tmp`, // renamed into place: concurrent runs never see half a file
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'error',
    // tfjs-backend-wasm's Emscripten glue locates its .wasm through __dirname.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { dirname as __pathDirname } from 'node:path';",
        'const require = __createRequire(import.meta.url);',
        "const __dirname = __pathDirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));",
        "const __filename = __dirname + '/tf-backend-wasm.js';",
      ].join('\n'),
    },
  });
  renameSync(`${outFile}.${process.pid}.tmp`, outFile);
}
const { main } = await import(pathToFileURL(outFile).href);
process.exitCode = await main(process.argv.slice(2));
