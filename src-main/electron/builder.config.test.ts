import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from './app.identity';
import {
  isUnpacked,
  loadBuilderConfig,
  readBuilderYaml,
  shipsAppFile,
  shipsModuleFile,
  targetArchs,
  targetNames,
  type BuilderPlatform,
} from './builder.config';
import { iconFiles, LINUX_ICON_SIZES } from './icon.files';
import { iconSvg, renderIcon } from './icon.render';
import { pngScanlinesOf, readPngHeader, readPngScanlines } from './png.codec';

const root = join(import.meta.dirname, '..', '..');
const configFile = join(root, 'build', 'electron-builder.yml');
const config = loadBuilderConfig(configFile);
const platforms: BuilderPlatform[] = ['linux', 'mac', 'win'];

/** Packages only the team server needs: the desktop app must not ship or import them. */
const serverOnlyRoots = ['express', 'express-pouchdb', 'pouchdb'];
/** Bundled into out/main by electron.vite.config.ts: only their dependencies must ship. */
const bundledRoots = ['rxdb'];

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const depNames = (pkg: Record<string, unknown>, field: string) => Object.keys((pkg[field] ?? {}) as Record<string, string>);

/** The Deno KV prebuilds @deno/kv can load, by the platform/arch they are for. */
const prebuilds = depNames(readJson(join(root, 'node_modules/@deno/kv/package.json')), 'optionalDependencies');

/** Node's lookup: the nearest node_modules/<name> going up from `fromDir`. */
function packageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return join(dir, 'node_modules', name);
    if (dirname(dir) === dir) return null;
  }
}

/** Every installed package the given ones need at run time (paths relative to the project). */
function runtimeClosure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = roots.map((name) => [name, root] as const);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const dir = packageDir(next[0], next[1]);
    if (!dir || seen.has(relative(root, dir))) continue;
    seen.add(relative(root, dir));
    const pkg = readJson(join(dir, 'package.json'));
    for (const dep of [...depNames(pkg, 'dependencies'), ...depNames(pkg, 'optionalDependencies')]) pending.push([dep, dir]);
  }
  return seen;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const desktopRoots = depNames(readJson(join(root, 'package.json')), 'dependencies').filter((name) => !serverOnlyRoots.includes(name));
const bundledDeps = bundledRoots.flatMap((name) => depNames(readJson(join(root, 'node_modules', name, 'package.json')), 'dependencies'));
const desktopClosure = runtimeClosure([...desktopRoots.filter((name) => !bundledRoots.includes(name)), ...bundledDeps]);

describe('electron-builder configuration (build/electron-builder.yml)', () => {
  it('is accepted by electron-builder’s own schema', async () => {
    await expect(validateConfiguration(readBuilderYaml(configFile) as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app as the main process does', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.directories.buildResources).toBe('build');
    expect(readJson(join(root, 'package.json')).main).toBe('out/main/index.js');
  });

  it('builds AppImage and deb on Linux, dmg on macOS (Intel and Apple silicon), NSIS on Windows (x64)', () => {
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetArchs(config.mac)).toEqual(['x64', 'arm64']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetArchs(config.win)).toEqual(['x64']);
  });

  it('keeps every Deno KV prebuild out of app.asar, where native code cannot load', () => {
    expect(prebuilds.length).toBeGreaterThanOrEqual(5);
    for (const name of prebuilds) {
      expect(isUnpacked(config, `node_modules/${name}/deno-kv-napi.node`), name).toBe(true);
      expect(isUnpacked(config, `node_modules/${name}/package.json`), name).toBe(true);
    }
    expect(isUnpacked(config, 'node_modules/@deno/kv/esm/npm.js')).toBe(false);
    expect(isUnpacked(config, 'node_modules/rxjs/package.json')).toBe(false);
    expect(config.npmRebuild).toBe(false);
  });

  it.each([
    ['linux', 'x64', '@deno/kv-linux-x64-gnu'],
    ['linux', 'arm64', '@deno/kv-linux-arm64-gnu'],
    ['mac', 'x64', '@deno/kv-darwin-x64'],
    ['mac', 'arm64', '@deno/kv-darwin-arm64'],
    ['win', 'x64', '@deno/kv-win32-x64-msvc'],
  ] as const)('ships on %s %s only the prebuild %s', (platform, arch, expected) => {
    const shipped = prebuilds.filter((name) => shipsModuleFile(config, platform, arch, `node_modules/${name}/package.json`));
    expect(shipped).toEqual([expected]);
    // Excluding the folder itself stops electron-builder from walking into it at all.
    for (const name of prebuilds.filter((n) => n !== expected)) {
      expect(shipsModuleFile(config, platform, arch, `node_modules/${name}`), name).toBe(false);
    }
  });

  it('lists files per platform only (a top-level list would make electron-builder pack the whole project)', () => {
    expect(readBuilderYaml(configFile)).not.toHaveProperty('files');
  });

  it('packs the built app and nothing of the sources, tests, benches or end-to-end specs', () => {
    for (const platform of platforms) {
      const ships = (path: string) => shipsAppFile(config, platform, 'x64', path);
      for (const path of ['out/main/index.js', 'out/main/chunks/start-core-abc.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'package.json']) {
        expect(ships(path), `${platform}: ${path}`).toBe(true);
      }
      for (const path of [
        'out/main/serve.js',
        'out/main/window.state.test.js',
        'out/renderer/assets/index.js.map',
        'src-main/core/start-core.ts',
        'src-main/electron/main.ts',
        'src-preload/index.ts',
        'src-renderer/src/main.tsx',
        'src-server/main.ts',
        'bench/inbox.bench.ts',
        'e2e/app.electron.spec.ts',
        'build/icon.png',
        'scripts/start.mjs',
        'electron.vite.config.ts',
        'tsconfig.json',
        'README.md',
      ]) {
        expect(ships(path), `${platform}: ${path}`).toBe(false);
      }
      expect(shipsModuleFile(config, platform, 'x64', 'node_modules/rxjs/dist/cjs/index.js')).toBe(true);
      expect(shipsModuleFile(config, platform, 'x64', 'node_modules/zod/v4/foo.spec.js')).toBe(false);
    }
  });

  it('leaves out the team server’s packages (PouchDB, LevelDB, express) on every platform', () => {
    for (const platform of platforms) {
      for (const path of [
        'node_modules/pouchdb/lib/index.js',
        'node_modules/pouchdb-fauxton/www/index.html',
        'node_modules/express-pouchdb/lib/index.js',
        'node_modules/leveldown/prebuilds/linux-x64/node.napi.glibc.node',
        'node_modules/level/node_modules/leveldown',
        'node_modules/levelup/package.json',
        'node_modules/express/index.js',
      ]) {
        expect(shipsModuleFile(config, platform, 'x64', path), `${platform}: ${path}`).toBe(false);
      }
    }
  });

  it('never leaves out a package the desktop app needs at run time', () => {
    expect(desktopRoots).toEqual(expect.arrayContaining(['@deno/kv', 'rxdb', 'rxjs', 'telegram', 'zod']));
    const needed = [...desktopClosure].filter((dir) => !dir.includes('@deno/kv-'));
    expect(needed.length).toBeGreaterThan(50);
    for (const platform of platforms) {
      const dropped = needed.filter((dir) => !shipsModuleFile(config, platform, 'x64', `${dir}/package.json`));
      expect(dropped, platform).toEqual([]);
    }
  });

  it('leaves out rxdb only while electron-vite bundles it into out/main', () => {
    const viteConfig = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
    expect(viteConfig).toMatch(/externalizeDeps:\s*\{\s*exclude:\s*\[[^\]]*'rxdb'/);
    expect(shipsModuleFile(config, 'linux', 'x64', 'node_modules/rxdb/package.json')).toBe(false);
    expect(bundledDeps.length).toBeGreaterThan(0);
    for (const dep of bundledDeps) expect(shipsModuleFile(config, 'linux', 'x64', `node_modules/${dep}/package.json`), dep).toBe(true);
  });

  it('is right that the desktop code never imports a team-server package', () => {
    const serverOnly = [...runtimeClosure(serverOnlyRoots)].filter((dir) => !desktopClosure.has(dir));
    const serverNames = new Set(serverOnly.map((dir) => dir.replace(/^.*node_modules\//, '')));
    // builder.config.ts is build tooling (it reads this file with minimatch), not app code.
    const desktopSources = [...sourceFiles(join(root, 'src-main/core')), ...sourceFiles(join(root, 'src-main/electron')), ...sourceFiles(join(root, 'src-preload'))].filter(
      (file) => !file.endsWith('builder.config.ts'),
    );
    const imported = desktopSources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g)].map((m) => {
        const specifier = m[1] ?? '';
        return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
      }),
    );
    expect(imported.filter((name) => serverNames.has(name))).toEqual([]);
  });
});

describe('icons', () => {
  it('has every icon file electron-builder uses, at its size, as RGBA PNG', () => {
    for (const { path, size } of iconFiles) {
      const header = readPngHeader(readFileSync(join(root, path)));
      expect(header, path).toEqual({ width: size, height: size, bitDepth: 8, colorType: 6 });
    }
    const main = readPngHeader(readFileSync(join(root, config.mac.icon)));
    expect(main.width).toBeGreaterThanOrEqual(512); // macOS needs 512 at least
    expect(readPngHeader(readFileSync(join(root, config.win.icon))).width).toBeGreaterThanOrEqual(256);
  });

  it('gives Linux a set named by size, as electron-builder expects', () => {
    const files = readdirSync(join(root, config.linux.icon)).filter((name) => name.endsWith('.png'));
    expect(files.sort()).toEqual(LINUX_ICON_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const name of files) {
      const [width, height] = name.replace('.png', '').split('x').map(Number);
      expect(readPngHeader(readFileSync(join(root, config.linux.icon, name))), name).toMatchObject({ width, height });
    }
  });

  it('is what build/icons.generate.ts draws now (regenerate after changing the drawing)', () => {
    expect(readFileSync(join(root, 'build/icon.svg'), 'utf8')).toBe(iconSvg('app'));
    for (const { path, size } of iconFiles.filter((f) => f.size <= 128)) {
      expect(readPngScanlines(readFileSync(join(root, path))).equals(pngScanlinesOf(renderIcon('app', size))), path).toBe(true);
    }
  });

  it('signs macOS builds with the entitlements file it names', () => {
    const entitlements = String(config.mac.entitlements);
    expect(readFileSync(join(root, entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });
});
