// The two sizes the suite runs at. Pure.
import type { BenchMode } from './scenario';

export const isBenchMode = (value: unknown): value is BenchMode => value === 'quick' || value === 'full';
