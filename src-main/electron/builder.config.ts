// Reads build/electron-builder.yml and answers what the installers will contain, with
// electron-builder's own file-matching rules. For tests and tools under Node; the app never
// imports it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Minimatch } from 'minimatch';
import { z } from 'zod';

// js-yaml comes with electron-builder (no types installed): its one function we need, typed
// to return unknown so the result is parsed, never trusted.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const Target = z.union([z.string(), z.object({ target: z.string(), arch: z.array(z.string()).optional() })]);

const PlatformSection = z.looseObject({
  target: z.array(Target),
  icon: z.string(),
  files: z.array(z.string()),
});
export type PlatformSection = z.infer<typeof PlatformSection>;

/** The part of the configuration Topicdesk relies on; electron-builder checks the rest. */
export const BuilderConfig = z.looseObject({
  appId: z.string(),
  productName: z.string(),
  directories: z.object({ output: z.string(), buildResources: z.string() }),
  asarUnpack: z.array(z.string()),
  npmRebuild: z.boolean(),
  linux: PlatformSection,
  mac: PlatformSection,
  win: PlatformSection,
});
export type BuilderConfig = z.infer<typeof BuilderConfig>;

export type BuilderPlatform = 'linux' | 'mac' | 'win';

export function readBuilderYaml(file: string): unknown {
  return yaml.load(readFileSync(file, 'utf8'));
}

export function loadBuilderConfig(file: string): BuilderConfig {
  return BuilderConfig.parse(readBuilderYaml(file));
}

export function targetNames(section: PlatformSection): string[] {
  return section.target.map((t) => (typeof t === 'string' ? t : t.target));
}

/** The architectures a platform section builds; empty means "the build machine's". */
export function targetArchs(section: PlatformSection): string[] {
  return [...new Set(section.target.flatMap((t) => (typeof t === 'string' ? [] : (t.arch ?? []))))];
}

/** electron-builder expands these macros in file patterns for each build. */
export interface PatternMacros {
  os: BuilderPlatform;
  arch: string;
}

const expand = (pattern: string, macros: PatternMacros) =>
  pattern.replaceAll('${os}', macros.os).replaceAll('${arch}', macros.arch);

/**
 * Whether a path (relative to the project) passes an ordered pattern list, as
 * electron-builder's filter decides it: a match is only re-tested by later exclusions, a
 * miss only by later inclusions (app-builder-lib/out/util/filter.js).
 */
export function passesPatterns(path: string, patterns: readonly string[], macros: PatternMacros): boolean {
  let match = false;
  for (const raw of patterns) {
    const pattern = new Minimatch(expand(raw, macros), { dot: true });
    if (match !== pattern.negate) continue;
    match = pattern.match(path);
  }
  return match;
}

/**
 * The file patterns one platform's build applies. Each platform section holds its whole list:
 * electron-builder 26 turns a top-level `files` into a separate file set, and then packs the
 * whole project through the platform's list (seen in a `--dir` build), so there is none.
 */
export function filePatternsFor(config: BuilderConfig, platform: BuilderPlatform): string[] {
  return config[platform].files;
}

/**
 * Whether a file inside node_modules is packed. electron-builder takes production
 * dependencies whole and applies only the exclusions of `files` to them.
 */
export function shipsModuleFile(config: BuilderConfig, platform: BuilderPlatform, arch: string, path: string): boolean {
  const exclusions = filePatternsFor(config, platform).filter((p) => p.startsWith('!'));
  return passesPatterns(path, ['**/*', ...exclusions], { os: platform, arch });
}

/** Whether a file of the project itself (out/, src-*, …) is packed. */
export function shipsAppFile(config: BuilderConfig, platform: BuilderPlatform, arch: string, path: string): boolean {
  return passesPatterns(path, filePatternsFor(config, platform), { os: platform, arch });
}

/** Whether a packed file is left outside app.asar (native code must be). */
export function isUnpacked(config: BuilderConfig, path: string): boolean {
  return config.asarUnpack.some((pattern) => new Minimatch(pattern, { dot: true }).match(path));
}
