/** Load generation with autocannon's programmatic API, reduced to the numbers the report needs. */
import autocannon from 'autocannon';
import { type CpuShare, startCpuMeter } from './cpu-meter.js';

export interface LoadRequest {
  path: string;
  bodyText: string;
}

export interface LoadOptions {
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  durationS: number;
  amount?: number | null;
  /** Requests per second over all connections (paced load). */
  overallRate?: number;
  /** Replace `[<id>]` in bodies with random ids. */
  idReplacement?: boolean;
  /** The server process, for the CPU split in the result. */
  targetPid?: number;
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
  /** Cores used during the run by the server, the bench process, and the rest of the machine. */
  cpu: CpuShare;
}

/** Runs one load against `baseUrl`, cycling through `requests` (all POST, JSON). */
export async function runLoad(
  baseUrl: string,
  requests: readonly LoadRequest[],
  options: LoadOptions,
): Promise<LoadResult> {
  const amount = options.amount ?? undefined;
  const stopMeter = startCpuMeter(options.targetPid ?? null);
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    ...(amount === undefined ? { duration: options.durationS } : { amount }),
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
    idReplacement: options.idReplacement === true,
    requests: requests.map((request) => ({
      method: 'POST' as const,
      path: request.path,
      headers: { 'content-type': 'application/json' },
      body: request.bodyText,
    })),
  });
  return {
    rps: result.requests.total / Math.max(result.duration, 0.001),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
    cpu: stopMeter(),
  };
}

/** Discarded load that lets JIT and connection pools settle. */
export async function warmUp(baseUrl: string, requests: readonly LoadRequest[], connections: number, s: number) {
  if (s <= 0) return;
  await runLoad(baseUrl, requests, { connections, durationS: s });
}
