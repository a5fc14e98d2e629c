import { describe, expect, it } from 'vitest';
import { bodyOnWire, isInterimStatus, predictionTimeoutMs, sentOnWire, sentWhenClientLeft } from './wire.js';

const plan = (status: number, bodyText = '{"a":1}') =>
  ({ action: 'respond', status, headers: {}, bodyText, delayMs: 0 }) as const;

describe('bytes on the wire', () => {
  it('Node drops the body of 1xx, 204 and 304 (checked with Node 20 on a raw socket)', () => {
    for (const status of [100, 101, 102, 103, 150, 199, 204, 304])
      expect(bodyOnWire(status, 'x'), String(status)).toBe('');
    for (const status of [200, 201, 205, 400, 500]) expect(bodyOnWire(status, 'x'), String(status)).toBe('x');
  });

  it("Go's client treats 1xx as interim except 101 (net/http transport.go, golang/go#26161)", () => {
    expect([100, 102, 103, 199].every(isInterimStatus)).toBe(true);
    expect([101, 200, 204].some(isInterimStatus)).toBe(false);
  });

  it('maps a plan to what was sent', () => {
    expect(sentOnWire(plan(204))).toEqual({ action: 'respond', status: 204, bodyText: '' });
    expect(sentOnWire(plan(200))).toEqual({ action: 'respond', status: 200, bodyText: '{"a":1}' });
    expect(sentOnWire({ ...plan(0), action: 'reset' })).toEqual({ action: 'reset' });
  });
});

describe('lateness when the client left', () => {
  it('uses the fixed Tencent 2 s and the OpenIM timeout capped at 15 s', () => {
    expect(predictionTimeoutMs('tencent', 10_000)).toBe(2000);
    expect(predictionTimeoutMs('openim', 5000)).toBe(5000);
    expect(predictionTimeoutMs('openim', 0)).toBe(15_000);
    expect(predictionTimeoutMs('unknown', 30_000)).toBe(15_000);
  });

  it('keeps the planned answer when it would have come after the timeout, else no answer', () => {
    expect(sentWhenClientLeft(plan(200), 5000, 5000)).toEqual({ action: 'respond', status: 200, bodyText: '{"a":1}' });
    expect(sentWhenClientLeft(plan(200), 4000, 5000)).toEqual({ action: 'no-response' });
    expect(sentWhenClientLeft(null, 9000, 5000)).toEqual({ action: 'no-response' });
  });
});
