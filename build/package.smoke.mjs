// Checks what the installers would contain without downloading Electron: packs the built app
// with electron-builder (--dir, Linux, this machine's arch) around a stand-in Electron, then
// starts the core from the packed files under Node, so a package left out shows up as an
// import error. A developer tool: `npm run build && node build/package.smoke.mjs`.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

if (process.platform !== 'linux') {
  console.error('package.smoke.mjs stands in for the Electron binary on Linux only; run `npm run dist` here instead.');
  process.exit(2);
}
if (!existsSync(join(root, 'out/main/index.js'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'td-package-'));
const failures = [];
try {
  // electron-builder copies this folder as the Electron it wraps the app in.
  const fakeElectron = join(work, 'electron');
  mkdirSync(fakeElectron);
  writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(fakeElectron, 'electron'), 0o755);
  for (const name of ['LICENSE', 'LICENSES.chromium.html', 'version']) writeFileSync(join(fakeElectron, name), '');

  const output = join(work, 'dist');
  const built = spawnSync(
    'npx',
    ['electron-builder', '--config', 'build/electron-builder.yml', '--linux', 'dir', `--${process.arch}`, `-c.electronDist=${fakeElectron}`, `-c.directories.output=${output}`],
    { cwd: root, stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`electron-builder exited with ${built.status}`);

  const resources = join(output, 'linux-unpacked', 'resources');
  const app = join(work, 'app');
  require('@electron/asar').extractAll(join(resources, 'app.asar'), app);
  if (existsSync(join(resources, 'app.asar.unpacked'))) cpSync(join(resources, 'app.asar.unpacked'), app, { recursive: true });

  const topLevel = readdirSync(app).sort();
  if (topLevel.join() !== 'node_modules,out,package.json') failures.push(`unexpected files at the top of the package: ${topLevel.join(', ')}`);
  const prebuilds = readdirSync(join(app, 'node_modules', '@deno')).filter((name) => name.startsWith('kv-'));
  const own = `kv-linux-${process.arch}-gnu`;
  if (prebuilds.join() !== own) failures.push(`Deno KV prebuilds packed: ${prebuilds.join(', ')} (expected only ${own})`);
  if (!existsSync(join(resources, 'app.asar.unpacked', 'node_modules', '@deno', own))) failures.push(`${own} is not unpacked from app.asar`);
  for (const name of ['pouchdb', 'express-pouchdb', 'leveldown', 'express', 'rxdb']) {
    if (existsSync(join(app, 'node_modules', name))) failures.push(`node_modules/${name} was packed`);
  }

  // The packed core must start with only the packed node_modules.
  const chunks = join(app, 'out', 'main', 'chunks');
  const exported = await Promise.all(readdirSync(chunks).map((file) => import(pathToFileURL(join(chunks, file)).href)));
  const startCore = exported.flatMap((m) => Object.values(m)).find((value) => typeof value === 'function' && value.name === 'startCore');
  if (!startCore) throw new Error('startCore not found in out/main/chunks');
  const core = await startCore({ workspace: 'smoke', storage: { kind: 'denokv', dataDir: join(work, 'data') }, validate: true });
  const ping = await core.dispatcher.call('app.ping', {});
  if (!ping.ok) failures.push(`app.ping failed: ${JSON.stringify(ping)}`);
  await core.dispose();
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(['The package is not right:', ...failures.map((f) => `  - ${f}`)].join('\n'));
  process.exit(1);
}
console.log('Package check passed: only the built app, this platform\'s Deno KV prebuild (unpacked), and a core that starts.');
