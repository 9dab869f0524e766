// The renderer's one store, built from feature slices. It holds what the person is doing;
// the data itself comes from the core's live queries.
import { create } from 'zustand';
import { createInboxSlice, type InboxSlice } from './inbox.slice';
import { createQueueSlice, type QueueSlice } from './queue.slice';
import { createSettingsSlice, type SettingsSlice } from './settings.slice';
import { createUiSlice, type UiSlice } from './ui.slice';

export type AppState = InboxSlice & UiSlice & QueueSlice & SettingsSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createInboxSlice(...a),
  ...createUiSlice(...a),
  ...createQueueSlice(...a),
  ...createSettingsSlice(...a),
}));
