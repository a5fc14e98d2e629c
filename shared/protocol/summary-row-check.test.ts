import { describe, expect, it } from 'vitest';
import type { Finding } from '../contract/capture.js';
import { rowCheck } from './summary.js';

const f = (level: Finding['level'], code: string): Finding => ({ level, code, message: code });

describe('rowCheck', () => {
  it('nothing for clean or info-only requests', () => {
    expect(rowCheck([])).toBeNull();
    expect(rowCheck([f('info', 'sign-valid')])).toBeNull();
  });

  it('names the most severe problem, authentication first, and counts the rest', () => {
    expect(rowCheck([f('error', 'wrong-type'), f('error', 'sign-mismatch'), f('info', 'x')])).toEqual({
      label: 'Sign wrong',
      level: 'error',
      more: 1,
    });
    expect(rowCheck([f('warning', 'sdkappid-missing'), f('error', 'wrong-type')])?.label).toBe('wrong type');
    expect(rowCheck([f('error', 'some-new-check')])).toEqual({ label: 'some new check', level: 'error', more: 0 });
  });

  it('leaves other warnings to the details (no badge on every row)', () => {
    expect(rowCheck([f('warning', 'missing-field')])).toBeNull();
    expect(rowCheck([f('warning', 'sdkappid-missing')])).toEqual({
      label: 'SdkAppid missing',
      level: 'warning',
      more: 0,
    });
  });
});
