import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: the Electron main process (Node, CJS), the preload (one sandbox-safe CJS file
// with nothing but electron's renderer API) and the React renderer (plain browser code, also
// served by the web door).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
        // A package loaded on first use (pdfmake, for a report) is required then, as the rest are
        // (not imported as ES, which would need Electron's ES loader to read the app's archive).
        output: { dynamicImportInCjs: false },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() anything but electron: bundle it whole.
      isolatedEntries: true,
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
