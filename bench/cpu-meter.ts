/**
 * Who used the CPU during a measurement, in cores: the server under test, the bench process (load generator and
 * event subscriber), and everything else on the machine. "Other" above ~0.2 cores means the numbers are disturbed
 * by work outside the bench (other test runs on this shared machine). Linux only; zeros elsewhere.
 */
import { readFileSync } from 'node:fs';

export interface CpuShare {
  target: number;
  bench: number;
  other: number;
}

const TICKS_PER_S = 100; // USER_HZ on Linux

function machineBusyTicks(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
      .trim()
      .split(/\s+/)
      .map(Number);
    return user + nice + system + irq + softirq + steal;
  } catch {
    return null;
  }
}

function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Starts a meter; call the returned function when the measurement ends. */
export function startCpuMeter(targetPid: number | null): () => CpuShare {
  const t0 = performance.now();
  const busy0 = machineBusyTicks();
  const target0 = targetPid === null ? null : processTicks(targetPid);
  const self0 = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const busy1 = machineBusyTicks();
    const target1 = targetPid === null ? null : processTicks(targetPid);
    const self = process.cpuUsage(self0);
    if (busy0 === null || busy1 === null || seconds <= 0) return { target: 0, bench: 0, other: 0 };
    const cores = (ticks: number): number => Math.round((ticks / TICKS_PER_S / seconds) * 100) / 100;
    const targetTicks = target0 !== null && target1 !== null ? target1 - target0 : 0;
    const benchTicks = ((self.user + self.system) / 1e6) * TICKS_PER_S;
    return {
      target: cores(targetTicks),
      bench: cores(benchTicks),
      other: Math.max(0, cores(busy1 - busy0 - targetTicks - benchTicks)),
    };
  };
}
