// Module resolve hook (runs on Node's loader thread, registered by rxdb-old-alias.mjs): `rxdb-old` and its
// subpaths resolve to the installed rxdb, as the vitest and electron-vite configs alias them.
const ALIAS = 'rxdb-old';

export async function resolve(specifier, context, nextResolve) {
  if (specifier === ALIAS || specifier.startsWith(`${ALIAS}/`)) {
    return nextResolve(`rxdb${specifier.slice(ALIAS.length)}`, context);
  }
  return nextResolve(specifier, context);
}
