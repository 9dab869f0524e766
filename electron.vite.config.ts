// One build for the three parts of the desktop app, plus the headless host's entry, which
// shares the main-process code. rxdb 17.6.0's denokv storage imports `rxdb-old` by
// mistake: alias it to rxdb and bundle rxdb so the alias applies.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const rxdbAlias = { 'rxdb-old': 'rxdb' };

export default defineConfig({
  main: {
    resolve: { alias: rxdbAlias },
    build: {
      externalizeDeps: { exclude: ['rxdb'] },
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
