import type { DialectOrUnknown, Outcome } from '../../../shared/contract/index.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** HH:MM:SS.mmm in local time: callbacks arrive in bursts, milliseconds tell them apart. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatDialect(dialect: DialectOrUnknown): string {
  if (dialect === 'openim') return 'OpenIM';
  if (dialect === 'tencent') return 'Tencent';
  return 'unknown';
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return '';
  return ms < 10 ? `${ms.toFixed(1).replace(/\.0$/, '')} ms` : `${Math.round(ms)} ms`;
}

export function formatOutcome(outcome: Outcome | null): string {
  if (!outcome) return '';
  if (outcome.effect === 'partial' && outcome.targets) {
    // Some targets blocked, the others go ahead: "partial 1/3" (blocked of all targets).
    const blocked = outcome.targets.filter((t) => t.effect === 'blocked').length;
    return `partial ${blocked}/${outcome.targets.length}`;
  }
  return outcome.code !== undefined ? `${outcome.effect} ${outcome.code}` : outcome.effect;
}

export function formatCountdown(msLeft: number): string {
  return `${Math.max(0, msLeft / 1000).toFixed(1)} s`;
}

export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
