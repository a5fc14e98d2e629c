import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Capture } from '../../../shared/contract/index.js';
import { makeCapture } from '../testing/test-double-engine.js';
import { captureJson, takeEventJson } from './capture-json.js';
import { captureToLine } from './capture-line.js';
import { toSummary } from './capture-summary.js';

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
  [
    'an outcome with a dropped effect and rewritten answer fields by wire name (v3)',
    makeCapture({
      outcome: {
        effect: 'dropped',
        code: 2,
        explanation: 'discarded silently',
        rewrite: { content: '{"content":"***"}', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] },
      },
    }),
  ],
  [
    'every optional field set (sent, with the backend answer)',
    makeCapture({
      imported: true,
      recordedSeq: 24,
      origin: 'sent',
      upstream: {
        url: 'http://127.0.0.1:9/cb',
        status: 200,
        headers: { 'content-type': 'application/json' },
        bodyText: '{"errCode":0,"remark":"好友"}',
        latencyMs: 1.5,
        error: 'late',
        findings: [{ level: 'warning', code: 'slow', message: 'answered in 4.9 s – close to 5 s' }],
        outcome: null,
      },
    }),
  ],
  ['no backend answer', makeCapture({ origin: 'listener', upstream: null })],
  [
    'answer and backend answer cut at the body limit (truncated)',
    makeCapture({
      response: { status: 200, headers: {}, bodyText: '{"errCode":0,"x":"aaa', truncated: true },
      upstream: {
        url: 'http://127.0.0.1:9/cb',
        status: 200,
        headers: {},
        bodyText: '{"errCode":0,"x":"aaa',
        truncated: true,
        latencyMs: 1,
        findings: [],
        outcome: null,
      },
    }),
  ],
];

/**
 * Every field of Capture, as captureJson writes them. A field added to the contract fails to compile here until it
 * is listed, and then the cases above (with every optional field set) fail until captureJson writes it.
 */
const WRITTEN_FIELDS = [
  'id',
  'seq',
  'recordedSeq',
  'receivedAt',
  'dialect',
  'command',
  'phase',
  'state',
  'decidedBy',
  'request',
  'findings',
  'decision',
  'response',
  'latencyMs',
  'outcome',
  'hold',
  'identifiedBy',
  'imported',
  'origin',
  'upstream',
] as const satisfies readonly (keyof Capture)[];

/** The line, and the event JSON made with it (as the engine core calls it). */
function serialise(capture: Capture, type: 'capture.added' | 'capture.updated' | null = 'capture.added') {
  const summaryEvent = type === null ? null : { type, capture: toSummary(capture, text) };
  const line = captureJson(capture, text, summaryEvent);
  return { line, event: summaryEvent && takeEventJson(summaryEvent) };
}

describe('captureJson', () => {
  it('writes the v3 outcome fields: effect dropped, rewrite by wire name', () => {
    const capture = variants.find(([name]) => name.includes('dropped'))?.[1] ?? makeCapture();
    expect(JSON.parse(serialise(capture).line).outcome).toEqual({
      effect: 'dropped',
      code: 2,
      explanation: 'discarded silently',
      rewrite: { content: '{"content":"***"}', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] },
    });
  });

  it('writes every field of Capture (checked by tsc)', () => {
    expectTypeOf<Exclude<keyof Capture, (typeof WRITTEN_FIELDS)[number]>>().toEqualTypeOf<never>();
    const full = variants.find(([name]) => name.startsWith('every optional'))?.[1];
    expect(Object.keys(JSON.parse(serialise(full ?? makeCapture()).line)).sort()).toEqual([...WRITTEN_FIELDS].sort());
  });

  it.each(variants)('the line and the event parse to the capture and its summary: %s', (_name, capture) => {
    const { line, event } = serialise(capture);
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
    const { line, event } = serialise(capture);
    const outsideBodies = line.replace('{\\"remark\\":\\"好友\\"}', '');
    expect(outsideBodies).not.toMatch(/[\u0100-\uffff]/);
    expect(event).not.toMatch(/[\u0100-\uffff]/);
    expect(line).toContain('好友');
    expect(line).toContain('v3.0\\u2013v3.3');
    expect(JSON.parse(line)).toEqual(JSON.parse(captureToLine(capture)));
    expect(JSON.parse(event ?? 'null').capture.summary).toEqual(text);
    expect(JSON.parse(event ?? 'null').capture.outcome.explanation).toBe('a → b');
  });

  it('gives no event when none is asked for; takeEventJson of any other event is JSON.stringify', () => {
    const { line, event } = serialise(makeCapture(), null);
    expect(event).toBeNull();
    expect(JSON.parse(line).id).toMatch(/^cap-/);
    const other = { type: 'capture.updated' as const, capture: toSummary(makeCapture(), text) };
    expect(takeEventJson(other)).toBe(JSON.stringify(other));
    expect(takeEventJson({ type: 'captures.cleared' })).toBe('{"type":"captures.cleared"}');
  });

  it('hands the event text out once, then serialises the event again to the same JSON', () => {
    const capture = makeCapture();
    const summaryEvent = { type: 'capture.added' as const, capture: toSummary(capture, text) };
    captureJson(capture, text, summaryEvent);
    const first = takeEventJson(summaryEvent);
    expect(Object.keys(summaryEvent)).toEqual(['type', 'capture']);
    expect(JSON.parse(takeEventJson(summaryEvent))).toEqual(JSON.parse(first));
  });

  it('writes non-finite numbers as null, like JSON.stringify', () => {
    const { line } = serialise(makeCapture({ latencyMs: Number.NaN }), null);
    expect(JSON.parse(line).latencyMs).toBeNull();
  });

  it('serialises a shared object once only when it is frozen (it cannot change); others every time', () => {
    const decision = { verdict: 'deny' as const, code: 5001 };
    const first = JSON.parse(serialise(makeCapture({ decision }), null).line);
    decision.code = 5002;
    expect(JSON.parse(serialise(makeCapture({ decision }), null).line).decision.code).toBe(5002);
    expect(first.decision.code).toBe(5001);
    const frozen = Object.freeze({ verdict: 'deny' as const, code: 5003 });
    for (let i = 0; i < 2; i++) {
      expect(JSON.parse(serialise(makeCapture({ decision: frozen }), null).line).decision).toEqual(frozen);
    }
    // Mutating a frozen object throws in strict mode: the memo can never be stale.
    expect(() => {
      (frozen as { code: number }).code = 1; // deliberately against the type, to prove it cannot change
    }).toThrow(TypeError);
  });
});
