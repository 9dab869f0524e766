// The renderer's one store, built from feature slices. It holds what the person is doing;
// the data itself comes from the core's live queries.
import { create } from 'zustand';
import { createInboxSlice, type InboxSlice } from './inbox.slice';
import { createUiSlice, type UiSlice } from './ui.slice';

export type AppState = InboxSlice & UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createInboxSlice(...a),
  ...createUiSlice(...a),
}));
