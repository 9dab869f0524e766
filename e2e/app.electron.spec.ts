// The desktop app itself: launch and security defaults, single instance, notifications, the
// tray. Runs where the Electron binary is installed; here (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1) it reports itself skipped and says why. What only the
// OS can do (click a notification or a tray item) goes through the TOPICDESK_E2E hooks.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { E2E_GLOBAL, type E2eHooks } from '../src-main/electron/e2e.hooks';

function electronBinary(): string | null {
  const pkg = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const MAIN = 'out/main/index.js';
// As root (CI containers) Chromium's OS sandbox cannot start; Electron still sandboxes the page.
const chromiumArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** Each test gets its own userData: its own database, window state and single-instance lock. */
const environment = (userData: string): Record<string, string> => ({
  ...(process.env as Record<string, string>),
  TOPICDESK_E2E: '1',
  TOPICDESK_USER_DATA: userData,
});

async function launch(userData: string): Promise<ElectronApplication> {
  const app = await electron.launch({ executablePath: binary as string, args: [...chromiumArgs, MAIN], env: environment(userData) });
  await expect.poll(() => app.evaluate((_electron, key) => key in globalThis, E2E_GLOBAL)).toBe(true);
  return app;
}

/** Calls one of the shell's test hooks in the main process. */
function hook<N extends keyof E2eHooks>(app: ElectronApplication, name: N, ...args: Parameters<E2eHooks[N]>): Promise<ReturnType<E2eHooks[N]>> {
  return app.evaluate(
    (_electron, [key, method, params]) => {
      const hooks = (globalThis as Record<string, unknown>)[key] as Record<string, (...a: unknown[]) => unknown>;
      return hooks[method]?.(...params);
    },
    [E2E_GLOBAL, name, args] as [string, string, unknown[]],
  ) as Promise<ReturnType<E2eHooks[N]>>;
}

const mainWindow = {
  visible: (app: ElectronApplication) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false),
  hide: (app: ElectronApplication) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide()),
  close: (app: ElectronApplication) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close()),
  count: (app: ElectronApplication) => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
};

test.describe('desktop app', () => {
  test.skip(binary === null, 'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1, no download possible); this spec runs where it is.');

  let userData = '';
  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'td-electron-'));
  });
  test.afterEach(() => rmSync(userData, { recursive: true, force: true }));

  test('launches with the security defaults and shows the inbox', async () => {
    const app = await launch(userData);
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('sync-status')).toBeVisible();
      // Context isolation and no Node in the page: only the generic bridge is visible.
      const exposed = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { topicdesk?: object }).topicdesk ?? {}).sort(),
      }));
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'subscribe'] });

      // New windows are denied; web links go to the system browser instead.
      expect(await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null)).toBe(true);
      expect(await mainWindow.count(app)).toBe(1);
      await expect.poll(() => hook(app, 'externalOpens')).toEqual(['https://example.com/']);

      // Navigation away from the app is blocked.
      const appUrl = page.url();
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'file:///etc/hostname';
      });
      await page.waitForTimeout(300);
      expect(page.url()).toBe(appUrl);
      await expect(page.getByTestId('sync-status')).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('a second launch exits at once and brings the first window back', async () => {
    const app = await launch(userData);
    try {
      await expect((await app.firstWindow()).getByTestId('sync-status')).toBeVisible();
      await mainWindow.hide(app);
      expect(await mainWindow.visible(app)).toBe(false);

      const second = spawn(binary as string, [...chromiumArgs, MAIN], { env: environment(userData), stdio: 'ignore' });
      const exitCode = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(exitCode).toBe(0);
      await expect.poll(() => mainWindow.visible(app)).toBe(true);
      expect(await mainWindow.count(app)).toBe(1);
    } finally {
      await app.close();
    }
  });

  test('clicking a notification shows the window and opens that ticket', async () => {
    const app = await launch(userData);
    try {
      await expect((await app.firstWindow()).getByTestId('sync-status')).toBeVisible();
      await mainWindow.hide(app);
      const shown = await hook(app, 'showNotification', {
        kind: 'assigned',
        title: 'New ticket assigned to you',
        body: 'Where is my order? — Dana',
        target: { kind: 'openTicket', ticketId: 'tg:-1001234567890:42' },
      });
      test.skip(!shown, 'This system has no notification service.');
      expect(await hook(app, 'clickLastNotification')).toBe(true);
      await expect.poll(() => mainWindow.visible(app)).toBe(true);
      expect(await hook(app, 'uiRequests')).toEqual([{ kind: 'openTicket', ticketId: 'tg:-1001234567890:42' }]);
    } finally {
      await app.close();
    }
  });

  test('closing the window keeps the app in the tray, which opens it again and quits', async () => {
    test.skip(process.platform === 'darwin', 'macOS keeps the app in the Dock; there is no tray icon.');
    const app = await launch(userData);
    const exited = new Promise<number | null>((resolve) => app.process().once('exit', resolve));
    try {
      await expect((await app.firstWindow()).getByTestId('sync-status')).toBeVisible();
      await expect.poll(() => hook(app, 'trayLabels')).toEqual(['Open Topicdesk', 'Not signed in to Telegram', 'Quit Topicdesk']);

      await mainWindow.close(app);
      await expect.poll(() => mainWindow.visible(app)).toBe(false);
      expect(await mainWindow.count(app)).toBe(1); // hidden, not destroyed: the app still runs

      expect(await hook(app, 'clickTrayItem', 'open')).toBe(true);
      await expect.poll(() => mainWindow.visible(app)).toBe(true);

      // Quit from the tray closes the core first, then exits cleanly.
      void hook(app, 'clickTrayItem', 'quit').catch(() => undefined);
      expect(await exited).toBe(0);
    } finally {
      if (app.process().exitCode === null) await app.close();
    }
  });
});
