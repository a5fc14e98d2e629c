import type { DialectOrUnknown } from '../contract/capture.js';
import type { DialectDefaults } from './types.js';

const OPENIM: DialectDefaults = {
  denyCode: 5001,
  denyMessage: 'denied by app backend',
  presets: [
    { code: 5001, message: 'denied by app backend', label: '5001 denied by app backend' },
    { code: 5002, message: 'spam / abuse', label: '5002 spam / abuse' },
    { code: 5003, message: 'not allowed by privacy settings', label: '5003 not allowed by privacy settings' },
    { code: 5004, message: 'rate limited', label: '5004 rate limited' },
    { code: 20001, message: 'denied by app backend', label: '20001 after-callback range example (20001–29999)' },
    { code: 50, message: 'denied by app backend', label: '50 (below 100: user sees a generic 500, not your message)' },
  ],
};

const TENCENT: DialectDefaults = {
  denyCode: 38001,
  denyMessage: 'denied by app backend',
  presets: [
    { code: 38001, message: 'denied by app backend', label: '38001 denied by app backend' },
    { code: 38002, message: 'spam / abuse', label: '38002 spam / abuse' },
    { code: 38003, message: 'not allowed by privacy settings', label: '38003 not allowed by privacy settings' },
    { code: 38004, message: 'rate limited', label: '38004 rate limited' },
  ],
};

/** The deny code and message alone, without copying: read on every answer, so no per-call allocation. */
export function denyDefaults(dialect: DialectOrUnknown): Readonly<Pick<DialectDefaults, 'denyCode' | 'denyMessage'>> {
  return dialect === 'tencent' ? TENCENT : OPENIM;
}

/** Deny code, message and presets per dialect (a copy the caller may change); unknown dialects are answered OpenIM-style. */
export function dialectDefaults(dialect: DialectOrUnknown): DialectDefaults {
  const d = dialect === 'tencent' ? TENCENT : OPENIM;
  return { ...d, presets: d.presets.map((p) => ({ ...p })) };
}
