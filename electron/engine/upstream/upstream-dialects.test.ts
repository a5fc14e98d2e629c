import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleRequest, findCommand } from '../../../shared/protocol/index.js';
import { type BackendAnswer, type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

/**
 * The upstream behaviours of issue 15 for both dialects, over real HTTP: one engine in front of one fake backend whose
 * behaviour is chosen per request by a header the test sets (the engine forwards it unchanged).
 */

const sample = (command: string) => {
  const info = findCommand(command);
  if (!info) throw new Error(command);
  return buildSampleRequest(info, { nowMs: Date.now() });
};
const OPENIM = sample('callbackBeforeAddFriendCommand');
const TENCENT = sample('Sns.CallbackPrevFriendAdd');

const json = (body: unknown, status = 200, delayMs = 0): BackendAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  delayMs,
});
const item = (account: string, code = 0) => ({ To_Account: account, ResultCode: code, ResultInfo: '' });
const TENCENT_OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
// OpenIM's timeout at the settings' minimum so "slow" (past half) needs only a short backend delay.
const TIMEOUT_MS = 1000;

const BEHAVIOURS: Record<string, Record<'openim' | 'tencent', BackendAnswer>> = {
  allow: {
    openim: json({ actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 }),
    tencent: json({ ...TENCENT_OK, ResultItem: [item('id1'), item('id2')] }),
  },
  deny: {
    openim: json({ actionCode: 0, errCode: 5002, errMsg: 'no', errDlt: '', nextCode: 1 }),
    tencent: json({ ...TENCENT_OK, ResultItem: [item('id1', 38001), item('id2', 38001)] }),
  },
  'string codes': {
    openim: json({ actionCode: 0, errCode: 0, nextCode: '0' }),
    tencent: json({ ...TENCENT_OK, ErrorCode: '0', ResultItem: [item('id1'), item('id2')] }),
  },
  // Past half the timeout: OpenIM's is the setting (1 s here), Tencent's is fixed at 2 s.
  slow: {
    openim: json({ actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 }, 200, 600),
    tencent: json({ ...TENCENT_OK, ResultItem: [item('id1'), item('id2')] }, 200, 1200),
  },
  reset: { openim: { reset: true }, tencent: { reset: true } },
  'non-JSON': {
    openim: { body: 'OK' },
    tencent: { body: 'OK' },
  },
  '500': {
    openim: json({ actionCode: 0, errCode: 0, nextCode: 0 }, 500),
    tencent: json({ ...TENCENT_OK, ResultItem: [item('id1'), item('id2')] }, 500),
  },
  'missing ResultItem': {
    openim: json({ actionCode: 0, errCode: 0, nextCode: 0 }),
    tencent: json({ ...TENCENT_OK, ResultItem: [item('id1')] }),
  },
};

/** What the capture must say: the backend checks' codes and the predicted effect (and code) for each case. */
const EXPECTED: Record<string, Record<'openim' | 'tencent', { codes: string[]; effect: string; code?: number }>> = {
  allow: { openim: { codes: [], effect: 'proceeds' }, tencent: { codes: [], effect: 'proceeds' } },
  deny: {
    openim: { codes: [], effect: 'blocked', code: 5002 },
    tencent: { codes: [], effect: 'blocked' },
  },
  'string codes': {
    openim: { codes: ['answer-wrong-type'], effect: 'fails', code: 90007 },
    tencent: { codes: ['answer-wrong-type'], effect: 'proceeds' },
  },
  slow: {
    openim: { codes: ['answer-slow'], effect: 'proceeds' },
    tencent: { codes: ['answer-slow'], effect: 'proceeds' },
  },
  reset: {
    openim: { codes: ['answer-missing'], effect: 'fails', code: 90004 },
    // Tencent's default policy is fail-open.
    tencent: { codes: ['answer-missing'], effect: 'proceeds' },
  },
  'non-JSON': {
    openim: { codes: ['answer-not-json'], effect: 'fails', code: 90007 },
    tencent: { codes: ['answer-not-json'], effect: 'proceeds' },
  },
  '500': {
    openim: { codes: ['answer-status'], effect: 'proceeds' },
    tencent: { codes: ['answer-status'], effect: 'proceeds' },
  },
  'missing ResultItem': {
    openim: { codes: [], effect: 'proceeds' },
    tencent: { codes: ['answer-missing-target'], effect: 'proceeds' },
  },
};

let engine: TestEngine;
let backend: FakeBackend;
beforeAll(async () => {
  backend = await startFakeBackend((req) => {
    const [name = '', dialect = ''] = String(req.headers['x-case'] ?? '').split('|');
    const behaviour = BEHAVIOURS[name]?.[dialect === 'tencent' ? 'tencent' : 'openim'];
    return behaviour ?? { status: 400, body: 'unknown case' };
  });
  engine = await startTestEngine({
    settings: {
      upstream: { url: `${backend.url}/cb` },
      hold: { openimTimeoutMs: TIMEOUT_MS, tencentTimeoutMs: TIMEOUT_MS },
    },
  });
});
afterAll(async () => {
  await engine.stop();
  await backend.close();
});

describe.each(['openim', 'tencent'] as const)('upstream, %s', (dialect) => {
  const request = dialect === 'openim' ? OPENIM : TENCENT;
  it.each(Object.keys(BEHAVIOURS))('%s', async (name) => {
    const id = `${name}|${dialect}`;
    const reply = post(engine.url, request.target, request.bodyText, {
      headers: { ...request.headers, 'X-Case': id },
    });
    const behaviour = BEHAVIOURS[name]?.[dialect];
    if (behaviour && 'body' in behaviour) {
      const answer = await reply;
      expect(answer.status).toBe(behaviour.status ?? 200);
      expect(answer.text).toBe(behaviour.body);
    } else {
      await expect(reply).rejects.toThrow(/ECONNRESET|socket hang up/);
    }
    const done = (): boolean =>
      engine.core.allCaptures().some((c) => c.request.headers['x-case'] === id && c.state !== 'held');
    if (!done()) await engine.waitForCapture(() => done());
    const capture = engine.core.allCaptures().find((c) => c.request.headers['x-case'] === id);
    const want = EXPECTED[name]?.[dialect];
    expect(capture?.decidedBy).toBe('upstream');
    expect(capture?.upstream?.findings.map((f) => f.code)).toEqual(want?.codes);
    expect(capture?.upstream?.outcome?.effect).toBe(want?.effect);
    if (want?.code !== undefined) expect(capture?.upstream?.outcome?.code).toBe(want.code);
    // The outcome of what was sent is the backend answer's outcome: it was relayed unchanged.
    expect(capture?.outcome?.effect).toBe(want?.effect);
  });
});
