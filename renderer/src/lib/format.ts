import type { DialectOrUnknown, Outcome, OutcomeEffect } from '../../../shared/contract/index.js';

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

/**
 * The effect to show: the engine's, except that per-target verdicts that differ are always "partial" (the row
 * must never read as a plain "proceeds" when one target is blocked), whatever the prediction called the whole.
 */
export function shownEffect(outcome: Outcome): OutcomeEffect {
  const targets = outcome.targets ?? [];
  const mixed = targets.some((t) => t.effect === 'blocked') && targets.some((t) => t.effect === 'proceeds');
  return mixed && outcome.effect === 'proceeds' ? 'partial' : outcome.effect;
}

/** "blocked 5001", "fails 90007", "partial 1/2 blocked" (mixed per-target verdicts), "proceeds". */
export function formatOutcome(outcome: Outcome | null): string {
  if (!outcome) return '';
  if (shownEffect(outcome) === 'partial' && outcome.targets && outcome.targets.length > 0) {
    // Some targets blocked, the others go ahead: "partial 1/3 blocked" (blocked of all targets).
    const blocked = outcome.targets.filter((t) => t.effect === 'blocked').length;
    return `partial ${blocked}/${outcome.targets.length} blocked`;
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
