import { describe, expect, it } from 'vitest';
import type { Capture, UpstreamExchange } from '../../../shared/contract/index.js';
import { answerDiff, latencyGauge, proposalDecision } from './answer-diff.js';

const upstream: UpstreamExchange = {
  url: 'http://backend/cb/callbackBeforeAddFriendCommand',
  status: 200,
  headers: { 'Content-Type': 'application/json', 'Content-Length': '60', Date: 'x', 'X-Trace': 'a' },
  bodyText: '{"actionCode":0,"errCode":5002,"errMsg":"no","nextCode":1}',
  latencyMs: 12,
  findings: [],
  outcome: { effect: 'blocked', code: 5002, explanation: '' },
};
const capture = (over: Partial<Capture>): Capture =>
  ({
    upstream,
    response: {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-trace': 'a' },
      bodyText: upstream.bodyText,
    },
    ...over,
  }) as Capture; // only the fields answerDiff reads

describe('answerDiff', () => {
  it('a relayed answer is identical (framing headers and header case do not count)', () => {
    expect(answerDiff(capture({}))?.identical).toBe(true);
  });

  it('shows the status, header and body lines a person changed', () => {
    const diff = answerDiff(
      capture({
        response: {
          status: 201,
          headers: { 'content-type': 'application/json' },
          bodyText: '{"actionCode":0,"errCode":5100,"errMsg":"no","nextCode":1}',
        },
      }),
    );
    expect(diff?.identical).toBe(false);
    expect(diff?.status).toEqual({ from: 200, to: 201 });
    expect(diff?.headers).toEqual([['x-trace', 'a', null]]);
    expect(diff?.body.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: '  "errCode": 5002,' },
      { kind: 'added', text: '  "errCode": 5100,' },
    ]);
  });

  it('is null without a backend answer or without a response', () => {
    expect(answerDiff(capture({ upstream: { ...upstream, status: null } }))).toBeNull();
    expect(answerDiff(capture({ response: null }))).toBeNull();
  });
});

describe('helpers', () => {
  it('proposalDecision sends the backend answer exactly', () => {
    expect(proposalDecision(capture({}))).toEqual({
      verdict: 'allow',
      raw: {
        status: 200,
        headers: { 'Content-Type': 'application/json', Date: 'x', 'X-Trace': 'a' },
        bodyText: upstream.bodyText,
      },
    });
    // Recorded decompressed: never sent with the backend's Content-Encoding.
    const gzipped = capture({ upstream: { ...upstream, headers: { 'Content-Encoding': 'gzip' } } });
    expect(proposalDecision(gzipped)?.raw?.headers).toEqual({});
    expect(proposalDecision(capture({ upstream: null }))).toBeNull();
  });

  it('latencyGauge: ok, past half, past the timeout', () => {
    expect(latencyGauge(1000, 5000)).toEqual({ fraction: 0.2, level: 'ok' });
    expect(latencyGauge(3000, 5000).level).toBe('slow');
    expect(latencyGauge(6000, 5000)).toEqual({ fraction: 1, level: 'late' });
  });
});
