// The tray icon on Windows and Linux: where the app lives while its window is closed. Shows
// my counts and offers Open, my queue and Quit. Main process; Electron is passed in.
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { renderIcon } from './icon.render';
import { encodePng } from './png.codec';
import { trayImageSpecs, trayMenuTemplate, trayTooltip, type TrayActions, type TrayCounts } from './tray.menu';

export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayApi {
  createTray(image: NativeImage): TrayLike;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  nativeImage: { createEmpty(): NativeImage };
}

/** Drawn at run time from the same geometry as the app icon, at each scale the system asks for. */
export function createTrayImage(nativeImage: TrayApi['nativeImage'], platform: NodeJS.Platform): NativeImage {
  const { template, images } = trayImageSpecs(platform);
  const image = nativeImage.createEmpty();
  for (const spec of images) image.addRepresentation({ scaleFactor: spec.scaleFactor, buffer: encodePng(renderIcon(spec.variant, spec.size)) });
  if (template) image.setTemplateImage(true);
  return image;
}

export class TrayController {
  private readonly tray: TrayLike;
  private template: MenuItemConstructorOptions[] = [];
  private shown: string | null = null;

  constructor(
    private readonly api: TrayApi,
    platform: NodeJS.Platform,
    private readonly actions: TrayActions,
  ) {
    this.tray = api.createTray(createTrayImage(api.nativeImage, platform));
    // Windows users click the icon to bring the window back; Linux panels that report
    // clicks behave the same; macOS opens the menu instead.
    if (platform !== 'darwin') this.tray.on('click', () => actions.open());
    this.update({ signedIn: false, assigned: 0, unread: 0 });
  }

  update(counts: TrayCounts): void {
    const key = JSON.stringify(counts);
    if (key === this.shown) return;
    this.shown = key;
    this.template = trayMenuTemplate(counts, this.actions);
    // Linux (AppIndicator) only picks up a changed menu when it is set again.
    this.tray.setContextMenu(this.api.buildMenu(this.template));
    this.tray.setToolTip(trayTooltip(counts));
  }

  /** The labels of the menu now on screen. */
  labels(): string[] {
    return this.template.flatMap((item) => (item.label ? [item.label] : []));
  }

  /** Runs a menu item as if it were clicked (end-to-end tests; systems cannot be clicked). */
  click(id: string): boolean {
    const item = this.template.find((i) => i.id === id);
    if (!item?.click || item.enabled === false) return false;
    (item.click as () => void)();
    return true;
  }

  dispose(): void {
    this.tray.destroy();
  }
}
