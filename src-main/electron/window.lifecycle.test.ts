import { describe, expect, it } from 'vitest';
import { closeAction, revealWindow, type RevealableWindow } from './window.lifecycle';

describe('closeAction', () => {
  it('keeps the app running when the window is closed', () => {
    expect(closeAction({ platform: 'darwin', quitting: false, trayAvailable: false })).toBe('hide');
    expect(closeAction({ platform: 'win32', quitting: false, trayAvailable: true })).toBe('hide');
    expect(closeAction({ platform: 'linux', quitting: false, trayAvailable: true })).toBe('hide');
  });

  it('really closes when quitting', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(closeAction({ platform, quitting: true, trayAvailable: true })).toBe('close');
    }
  });

  it('closes (and so quits) on Windows/Linux without a tray to come back from', () => {
    expect(closeAction({ platform: 'linux', quitting: false, trayAvailable: false })).toBe('close');
  });
});

describe('revealWindow', () => {
  const fake = (minimized: boolean, visible: boolean) => {
    const calls: string[] = [];
    const win: RevealableWindow = {
      isMinimized: () => minimized,
      isVisible: () => visible,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    revealWindow(win);
    return calls;
  };

  it('restores, shows and focuses as needed', () => {
    expect(fake(true, true)).toEqual(['restore', 'focus']);
    expect(fake(false, false)).toEqual(['show', 'focus']);
    expect(fake(false, true)).toEqual(['focus']);
  });
});
