// The desktop app itself. Runs where the Electron binary is installed; here (installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD=1) it reports itself skipped and says why.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | null {
  const pkg = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('desktop app', () => {
  test.skip(binary === null, 'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1, no download possible); this spec runs where it is.');

  test('launches with the security defaults and shows the inbox', async () => {
    const app = await electron.launch({ executablePath: binary as string, args: ['out/main/index.js'] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('sync-status')).toBeVisible();
      // Context isolation and no Node in the page: only the generic bridge is visible.
      const exposed = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { topicdesk?: object }).topicdesk ?? {}).sort(),
      }));
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'subscribe'] });
    } finally {
      await app.close();
    }
  });
});
