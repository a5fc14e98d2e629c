import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../shared/contract/index.js';
import { makeCapture } from '../testing/test-double-engine.js';
import { captureJson } from './capture-json.js';
import { captureToLine } from './capture-line.js';
import { toSummary } from './capture-store.js';

const text = { parties: 'user123 → user456', text: 'héllo "quoted" 😀\n' };

const variants: Array<[string, Capture]> = [
  ['answered with a parsed body', makeCapture()],
  [
    'rejected input (parse error, truncated, no decision)',
    makeCapture({
      state: 'failed',
      decidedBy: null,
      decision: null,
      outcome: null,
      request: { ...makeCapture().request, bodyText: '{"a":', parseError: 'Unexpected end', truncated: true },
    }),
  ],
  [
    'a fault without a response body',
    makeCapture({ response: { status: 0, headers: {}, bodyText: '', fault: 'reset' } }),
  ],
  [
    'held, imported, no response yet',
    makeCapture({
      state: 'held',
      response: null,
      latencyMs: null,
      imported: true,
      hold: { deadlineAt: 1_763_900_005_000, serverTimeoutMs: 5_000, fallback: 'auto' },
      command: null,
      dialect: 'unknown',
    }),
  ],
  [
    'sent to a backend (origin and upstream exchange)',
    makeCapture({
      origin: 'sent',
      decidedBy: 'upstream',
      upstream: {
        url: 'http://127.0.0.1:8080/cb/callbackBeforeAddFriendCommand',
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        bodyText: '{"actionCode":0,"nextCode":"0"}',
        latencyMs: 3.5,
        findings: [{ level: 'error', code: 'answer-wrong-type', message: 'nextCode is a string – 90007' }],
        outcome: { effect: 'fails', code: 90007, explanation: 'fails → 90007' },
      },
    }),
  ],
  ['sent, no answer', makeCapture({ origin: 'sent', upstream: null })],
];

describe('captureJson', () => {
  it.each(variants)('the line and the event parse to the capture and its summary: %s', (_name, capture) => {
    const { line, event } = captureJson(capture, text, 'capture.added');
    expect(JSON.parse(line)).toEqual(JSON.parse(captureToLine(capture)));
    expect(JSON.parse(line).request.body).toBeUndefined();
    expect(JSON.parse(event ?? 'null')).toEqual(
      JSON.parse(JSON.stringify({ type: 'capture.added', capture: toSummary(capture, text) })),
    );
  });

  it('escapes characters beyond Latin-1 outside the bodies (one-byte strings), and keeps the bodies as sent', () => {
    const base = makeCapture();
    const capture = makeCapture({
      request: { ...base.request, bodyText: '{"remark":"好友"}' },
      findings: [{ level: 'info', code: 'legacy-field', message: 'sent only by OpenIM v3.0–v3.3' }],
      outcome: Object.freeze({ effect: 'proceeds', explanation: 'a → b' }),
    });
    const { line, event } = captureJson(capture, text, 'capture.added');
    const outsideBodies = line.replace('{\\"remark\\":\\"好友\\"}', '');
    expect(outsideBodies).not.toMatch(/[\u0100-\uffff]/);
    expect(event).not.toMatch(/[\u0100-\uffff]/);
    expect(line).toContain('好友');
    expect(line).toContain('v3.0\\u2013v3.3');
    expect(JSON.parse(line)).toEqual(JSON.parse(captureToLine(capture)));
    expect(JSON.parse(event ?? 'null').capture.summary).toEqual(text);
    expect(JSON.parse(event ?? 'null').capture.outcome.explanation).toBe('a → b');
  });

  it('gives no event when none is asked for', () => {
    const { line, event } = captureJson(makeCapture(), text, null);
    expect(event).toBeNull();
    expect(JSON.parse(line).id).toMatch(/^cap-/);
  });

  it('writes non-finite numbers as null, like JSON.stringify', () => {
    const { line } = captureJson(makeCapture({ latencyMs: Number.NaN }), text, null);
    expect(JSON.parse(line).latencyMs).toBeNull();
  });
});
