import type { Finding } from '../contract/capture.js';

/** Row labels for the checks a person must not miss in the table (Tencent authentication above all). */
const ROW_LABELS: Record<string, string> = {
  'sign-mismatch': 'Sign wrong',
  'sign-missing': 'Sign missing',
  'sign-uppercase': 'Sign upper-case',
  'sdkappid-mismatch': 'SdkAppid wrong',
  'sdkappid-missing': 'SdkAppid missing',
  'request-time-missing': 'RequestTime missing',
  'request-time-stale': 'RequestTime stale',
  'request-time-invalid': 'RequestTime invalid',
  'body-not-json': 'not JSON',
  'body-empty': 'empty body',
  'dialect-mix': 'dialect mix',
  'command-mismatch': 'command mismatch',
  'wrong-type': 'wrong type',
  'missing-field': 'missing field',
};

const RANK: Record<Finding['level'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The one check worth a short label in the table row: the most severe error or warning (authentication first at
 * equal severity), with how many more there are. Null when there is nothing but info.
 */
export function rowCheck(
  findings: readonly Finding[],
): { label: string; level: 'error' | 'warning'; more: number } | null {
  let best: Finding | undefined;
  let count = 0;
  for (const f of findings) {
    if (f.level === 'info') continue;
    count++;
    const auth = (x: Finding) => (/^(sign|sdkappid|request-time)-/.test(x.code) ? 0 : 1);
    if (!best || RANK[f.level] < RANK[best.level] || (RANK[f.level] === RANK[best.level] && auth(f) < auth(best))) {
      best = f;
    }
  }
  if (!best || best.level === 'info') return null;
  return { label: ROW_LABELS[best.code] ?? best.code.replace(/-/g, ' '), level: best.level, more: count - 1 };
}
