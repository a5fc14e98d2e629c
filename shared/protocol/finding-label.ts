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

const isAuth = (f: Finding): boolean => /^(sign|sdkappid|request-time)-/.test(f.code);

/**
 * The one check worth a short label in the table row: the most severe error, or a Tencent authentication warning
 * (SdkAppid, Sign, RequestTime), authentication first at equal severity, with how many more there are. Other
 * warnings (a missing optional-looking field) stay in the details: a badge on every such row would be noise.
 */
export function rowCheck(
  findings: readonly Finding[],
): { label: string; level: 'error' | 'warning'; more: number } | null {
  let best: Finding | undefined;
  let count = 0;
  for (const f of findings) {
    if (f.level === 'info' || (f.level === 'warning' && !isAuth(f))) continue;
    count++;
    const rank = (x: Finding) => RANK[x.level] * 2 + (isAuth(x) ? 0 : 1);
    if (!best || rank(f) < rank(best)) best = f;
  }
  if (!best || best.level === 'info') return null;
  return { label: ROW_LABELS[best.code] ?? best.code.replace(/-/g, ' '), level: best.level, more: count - 1 };
}
