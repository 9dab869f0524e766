// Unit and integration tests (plain Node). rxdb 17.6.0's denokv storage imports a package
// named `rxdb-old` by mistake: alias it to rxdb itself, and inline rxdb so the alias applies.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { 'rxdb-old': 'rxdb' } },
  test: {
    include: ['src-*/**/*.test.ts', 'src-*/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    server: { deps: { inline: [/rxdb/] } },
  },
});
