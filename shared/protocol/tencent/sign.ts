import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Tencent callback Sign: lower-case hex SHA-256 of token immediately followed by RequestTime (B.1). */
export function tencentSign(token: string, requestTime: string | number): string {
  return bytesToHex(sha256(utf8ToBytes(`${token}${requestTime}`)));
}

/** Compares without an early exit, so timing does not reveal how many leading characters matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
