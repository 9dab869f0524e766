// What the figures were measured on, for the results file's `machine` field. Bench only; plain Node.
import os from 'node:os';

export interface MachineInfo {
  cpus: number;
  model: string;
  memGb: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch} ${os.release()}`,
  };
}
