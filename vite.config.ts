import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// COOP/COEP make the page crossOriginIsolated (what tfjs-wasm's thread probe relies on).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolation },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // bench.html: the training-step benchmark page; conformance.html: the kernel conformance page.
    rollupOptions: { input: { main: 'index.html', bench: 'bench.html', conformance: 'conformance.html' } },
  },
  // The dependency scanner does not follow `new Worker(new URL(...))`; without this, Vite dev
  // discovers the worker's dependencies at run time and reloads the page (../shared/specs/webgpu.md §6.3).
  // Do not exclude @tensorflow/tfjs-backend-wasm from pre-bundling: its glue files are CommonJS (§6.4).
  optimizeDeps: { entries: ['index.html', 'src/**/*.worker.ts'] },
});
