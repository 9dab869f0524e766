// Which icon files the installers need and at what size (paths from the project root):
// electron-builder converts icon.png for macOS (.icns, at least 512, 1024 for Retina) and
// Windows (.ico, at least 256); Linux takes the sized set in build/icons/. Pure data.
export interface IconFile {
  path: string;
  size: number;
}

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export const iconFiles: readonly IconFile[] = [
  { path: 'build/icon.png', size: 1024 },
  ...LINUX_ICON_SIZES.map((size) => ({ path: `build/icons/${size}x${size}.png`, size })),
];
