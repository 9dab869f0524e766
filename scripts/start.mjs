// `npm start`: the desktop app. Electron's binary is fetched on first use, not at install;
// where it cannot be had, say so and point to the headless host instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function binaryPresent() {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

if (!binaryPresent() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
}

if (!binaryPresent()) {
  console.error(
    [
      'Topicdesk cannot start as a desktop app here: the Electron binary is not installed',
      '(it could not be downloaded, or ELECTRON_SKIP_BINARY_DOWNLOAD is set).',
      '',
      'Use the same app in your browser instead:',
      '  npm run serve -- --demo',
      'and open the address it prints.',
    ].join('\n'),
  );
  process.exit(1);
}

const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
