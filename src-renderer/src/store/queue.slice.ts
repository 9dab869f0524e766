// The team lead's queue view: which report period the figures and the chart show.
import type { StateCreator } from 'zustand';
import type { ReportPeriod } from '../../../src-preload/contract';
import type { AppState } from './app.store';

export interface QueueSlice {
  reportPeriod: ReportPeriod;
  setReportPeriod(period: ReportPeriod): void;
}

export const createQueueSlice: StateCreator<AppState, [], [], QueueSlice> = (set) => ({
  reportPeriod: '7d',
  setReportPeriod: (reportPeriod) => set({ reportPeriod }),
});
