// Settings: which section is open.
import type { StateCreator } from 'zustand';
import type { AppState } from './app.store';

export const settingsSections = ['account', 'notifications', 'templates', 'sla', 'calendars', 'routing', 'agents', 'sync', 'shopline'] as const;
export type SettingsSection = (typeof settingsSections)[number];

export interface SettingsSlice {
  settingsSection: SettingsSection;
  openSettings(section?: SettingsSection): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  settingsSection: 'account',
  openSettings: (section) => set({ screen: 'settings', settingsSection: section ?? get().settingsSection }),
});
