// Bundles a TypeScript entry of the engine for Node with esbuild. tfjs-core's ESM build cannot be
// loaded by Node's own resolver (extension-less imports), and tfjs-backend-wasm's Emscripten glue
// locates its .wasm through __dirname, which the banner points at the installed package.
// The file is written beside its final name and renamed into place, so concurrent runs never
// import half a file. Used by bin/spikelab.mjs and scripts/cpu-bench.ts.
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export async function bundleForNode(entry, outFile) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(outFile), { recursive: true });
  const temporary = `${outFile}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'error',
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
  renameSync(temporary, outFile);
  return outFile;
}
