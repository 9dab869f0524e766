// Writes the icon files electron-builder packs (build/icon.svg, build/icon.png, the Linux set
// in build/icons/) from the one drawing in src-main/electron/icon.render.ts. A developer
// tool, run with `npx tsx build/icons.generate.ts`; a unit test checks the files match.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iconFiles } from '../src-main/electron/icon.files';
import { iconSvg, renderIcon } from '../src-main/electron/icon.render';
import { encodePng } from '../src-main/electron/png.codec';

const buildDir = import.meta.dirname;
mkdirSync(join(buildDir, 'icons'), { recursive: true });
writeFileSync(join(buildDir, 'icon.svg'), iconSvg('app'));
for (const { path, size } of iconFiles) {
  writeFileSync(join(buildDir, '..', path), encodePng(renderIcon('app', size)));
  console.log(`${path} ${size}×${size}`);
}
