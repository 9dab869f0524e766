// One build for the three parts of the desktop app, plus the headless host's entry, which
// shares the main-process code. rxdb 17.6.0's denokv storage imports `rxdb-old` by
// mistake: alias it to rxdb and bundle rxdb so the alias applies. gramjs is bundled too:
// it is CommonJS without an exports map, so its deep imports do not resolve from ESM.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';


export default defineConfig({
  main: {
    resolve: { alias: { 'rxdb-old': 'rxdb' } },
    build: {
      externalizeDeps: { exclude: ['rxdb', 'telegram'] },
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          serve: resolve('src-main/serve/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
