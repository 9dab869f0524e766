// The desktop app's main process: one instance, one window, the core in this process, and the
// shell around it (tray, menu, notifications, sleep and network, keychain). Only wiring:
// each part lives in its own file beside this one. The only folder that imports 'electron'.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  type MenuItemConstructorOptions,
  type NativeImage,
} from 'electron';
import { auditTime, merge } from 'rxjs';
import { realGatewayFactory, telegramCredentialsFrom } from '../core/config/telegram.config';
import { startCore, type Core } from '../core/start-core';
import { APP_ID } from './app.identity';
import { applicationMenuTemplate } from './app.menu';
import { appFiles, userDataOverride } from './app.paths';
import { createE2eRecorder, e2eEnabled, installE2eHooks } from './e2e.hooks';
import { createQuitSequence } from './graceful.quit';
import { renderIcon } from './icon.render';
import { attachIpcTransport } from './ipc.transport';
import { createMainWindow } from './main.window';
import { NotificationPresenter } from './notification.presenter';
import { encodePng } from './png.codec';
import { isAppUrl, rendererLocation } from './renderer.location';
import { watchResume } from './resume.watcher';
import { SafeStorageSecretStore } from './safe-storage.secret-store';
import { guardWebContents, hardenSession } from './security.guards';
import { contentSecurityPolicy } from './security.policy';
import { startTicketNotifier } from './ticket.notifier';
import { TrayController } from './tray.controller';
import { trayCounts } from './tray.menu';
import { UiRequestChannel, type UiRequest } from '../core/app/ui-requests';
import { closeAction, revealWindow } from './window.lifecycle';

/** Tray counts and notifications are worked out at most this often while tickets stream in. */
const TICKET_BATCH_MS = 500;

const log = (message: string, error?: unknown) => console.error(`[shell] ${message}`, error ?? '');

const userData = userDataOverride(process.env);
if (userData) app.setPath('userData', userData);
// Every renderer sandboxed, whatever a window's own settings say. Must run before 'ready'.
app.enableSandbox();
// Windows shows notifications only for an app with the installer's AppUserModelID.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

const files = appFiles(app.getPath('userData'));
const location = rendererLocation({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  rendererDir: join(import.meta.dirname, '../renderer'),
});
const isApp = (url: string) => isAppUrl(location, url);
const recorder = e2eEnabled(process.env) ? createE2eRecorder() : null;
const policy = {
  csp: contentSecurityPolicy(location),
  isAppUrl: isApp,
  openExternal: (url: string) => (recorder ? void recorder.externalOpens.push(url) : void shell.openExternal(url)),
};
// Requests to the renderer (the 'ui.requests' live query) wait here until a page listens.
const uiRequests = new UiRequestChannel();

let core: Core | null = null;
let window: BrowserWindow | null = null;
let tray: TrayController | null = null;
const disposers: (() => void)[] = [];
const quit = createQuitSequence({
  dispose: async () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
    await core?.dispose();
  },
  quit: () => app.quit(),
  log,
});

let linuxIcon: NativeImage | undefined;
/** Linux takes window and notification icons from the app; elsewhere the installer's icon shows. */
function appIcon(): NativeImage | undefined {
  if (process.platform !== 'linux') return undefined;
  linuxIcon ??= nativeImage.createFromBuffer(encodePng(renderIcon('app', 256)));
  return linuxIcon;
}

function workAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

function openWindow(): BrowserWindow {
  return createMainWindow({
    BrowserWindow,
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    location,
    workAreas,
    stateFile: files.windowState,
    closeAction: () => closeAction({ platform: process.platform, quitting: quit.quitting, trayAvailable: tray !== null }),
    icon: appIcon(),
  });
}

function showWindow(): void {
  if (!window || window.isDestroyed()) window = openWindow();
  revealWindow(window);
}

/** Brings the window forward and asks the UI to act (menu, tray, notification clicks). */
function ask(request: UiRequest): void {
  showWindow();
  recorder?.uiRequests.push(request);
  uiRequests.send(request);
}

/**
 * Sync resume hook: when CouchDB replication lands, restart it here (it may have given up
 * while the machine slept). Telegram is resumed by the core itself.
 */
function createTray(): TrayController | null {
  if (process.platform === 'darwin') return null; // the Dock plays that part
  try {
    const api = { createTray: (image: NativeImage) => new Tray(image), buildMenu: (template: MenuItemConstructorOptions[]) => Menu.buildFromTemplate(template), nativeImage };
    return new TrayController(api, process.platform, {
      open: showWindow,
      openMine: () => ask({ kind: 'openView', view: 'mine' }),
      quit: () => app.quit(),
    });
  } catch (error) {
    log('no tray icon: closing the window will quit', error);
    return null;
  }
}

function watchTickets(c: Core): void {
  const changes = merge(c.inbox.changed$, c.status.changes).pipe(auditTime(TICKET_BATCH_MS));
  const meId = () => c.status.value.me?.agentId ?? null;
  const counts = changes.subscribe(() => {
    const now = trayCounts(c.inbox.all(), meId());
    tray?.update(now);
    // The Dock badge on macOS, the launcher on some Linux desktops; ignored elsewhere.
    app.setBadgeCount(now.unread);
  });
  const presenter = new NotificationPresenter({ isSupported: () => Notification.isSupported(), create: (o) => new Notification(o) }, ask, appIcon());
  const notifier = startTicketNotifier({
    changes,
    tickets: () => c.inbox.all(),
    meId,
    now: Date.now,
    shouldNotify: () => !(window?.isFocused() ?? false),
    show: (n) => void presenter.show(n),
  });
  disposers.push(() => counts.unsubscribe(), () => notifier.dispose());

  if (recorder) {
    installE2eHooks({
      showNotification: (n) => presenter.show(n),
      clickLastNotification: () => presenter.last?.emit('click') ?? false,
      trayLabels: () => tray?.labels() ?? [],
      clickTrayItem: (id) => tray?.click(id) ?? false,
      uiRequests: () => [...recorder.uiRequests],
      externalOpens: () => [...recorder.externalOpens],
    });
  }
}

async function boot(): Promise<void> {
  hardenSession(session.defaultSession, policy);
  const version = app.getVersion();
  core = await startCore({
    workspace: 'default',
    storage: { kind: 'denokv', dataDir: files.workspaceDir },
    version,
    secrets: new SafeStorageSecretStore(safeStorage, files.secrets, process.platform, log),
    createTelegramGateway: realGatewayFactory(telegramCredentialsFrom(process.env), version),
    uiRequests: () => uiRequests.stream(),
  });
  const c = core;
  disposers.push(attachIpcTransport(c.dispatcher, isApp));
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, ask })));
  tray = createTray();
  disposers.push(() => tray?.dispose());
  window = openWindow();
  watchTickets(c);
  const resume = watchResume({
    onSystemResume: (listener) => {
      powerMonitor.on('resume', listener);
      return () => powerMonitor.off('resume', listener);
    },
    isOnline: () => net.isOnline(),
    every: (ms, tick) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    resume: async () => {
      await c.telegram.resume();
      await c.sync.resume();
    },
    log,
  });
  disposers.push(() => resume.dispose());
}

// Two instances would share one Telegram session (AUTH_KEY_DUPLICATED): focus the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy));
  app.on('second-instance', () => {
    if (core) showWindow();
  });
  // macOS: clicking the Dock icon brings the window back.
  app.on('activate', () => {
    if (core) showWindow();
  });
  app.on('before-quit', (event) => quit.onBeforeQuit(event));
  // Reached only when a window really closed without a tray to live in.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(boot).catch((error: unknown) => {
    log('could not start', error);
    if (!recorder) dialog.showErrorBox('Topicdesk could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
