import { describe, expect, it } from 'vitest';
import { constantTimeEqual, tencentSign } from './sign.js';

describe('tencentSign', () => {
  it('matches the documented test vector (lower-case hex)', () => {
    expect(tencentSign('xxxxyyyy', 1669872112)).toBe(
      '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    );
    expect(tencentSign('xxxxyyyy', '1669872112')).toBe(
      '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    );
  });

  it("does not verify the docs' typo token", () => {
    const typo = tencentSign('xxxyyy', '1669872112');
    expect(typo.startsWith('e78a8547')).toBe(true);
    expect(typo.endsWith('35de')).toBe(true);
    expect(typo).not.toBe('17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061');
  });

  it('hashes UTF-8', () => {
    expect(tencentSign('tök', '1')).toMatch(/^[0-9a-f]{64}$/);
    expect(tencentSign('tök', '1')).not.toBe(tencentSign('tok', '1'));
  });

  it('compares strings fully', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'ab')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
