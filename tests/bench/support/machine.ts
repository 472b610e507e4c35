import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium?: string;
  /** 1, 5 and 15 minutes; the machine is shared, so the figures are only as quiet as this. */
  loadAverage: number[];
  loadAverageEnd?: number[];
}

export function machineFacts(chromium?: string): MachineFacts {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.versions.node,
    ...(chromium ? { chromium } : {}),
    loadAverage: loadavg(),
  };
}
